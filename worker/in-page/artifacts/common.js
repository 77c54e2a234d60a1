// Helpers every artifact module of worker/in-page/artifacts/ shares (page script, source text, never
// transpiled): called once per gather with the gather options and the element identity
// (worker/gatherers/in-page.ts); its result is the `h` each module gets.
(opts, identity) => {
  const collapse = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const snippet = (el) => { const h = el.outerHTML || ''; return h.length > 300 ? h.slice(0, 300) + '…' : h; };
  const REGION_SELECTORS = [
    ['footer', 'footer, [role=contentinfo], #footer, .footer, #Footer, .Footer, #foot, .foot, .site-footer, #site-footer'],
    ['nav', 'nav, [role=navigation], .nav, #nav, .menu, #menu, .navbar'],
    ['header', 'header, [role=banner], #header, .header, #Header, .Header, #top, .site-header'],
    ['aside', 'aside, [role=complementary]'],
    ['main', 'main, [role=main], #main, .main, #content, .content, #center, .center, #cp, .cp'],
  ];
  const regionOf = (el) => {
    let best = null, bestDepth = Infinity;
    for (const [name, sel] of REGION_SELECTORS) {
      const anc = el.closest(sel);
      if (!anc) continue;
      let depth = 0, n = el;
      while (n && n !== anc) { depth++; n = n.parentElement; }
      if (depth < bestDepth) { best = name; bestDepth = depth; }
    }
    return best || 'other';
  };
  const boxOf = (el) => {
    const r = el.getBoundingClientRect();
    if (!r || (r.width === 0 && r.height === 0)) return null;
    return { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), width: Math.round(r.width), height: Math.round(r.height) };
  };
  const isVisible = (el) => {
    if (typeof el.checkVisibility === 'function') {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0 || el.getClientRects().length > 0;
  };
  const attr = (el, n) => el.getAttribute(n);

  // Accessibility structure: what assistive technology gets (exposed = rendered and not under
  // aria-hidden), for rules that cannot judge from markup alone (display:none comes from CSS).
  const rendered = (el) => (typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0);
  const exposedEl = (el) => !el.closest('[aria-hidden="true" i]') && rendered(el);
  const roleOf = (el) => ((attr(el, 'role') || '').trim().toLowerCase().split(/\s+/)[0] || null);
  const visibleContent = (el) => {
    if (!rendered(el)) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    return collapse(el.innerText || '') !== '' || !!el.querySelector('img, svg, canvas, video, picture, input, object');
  };
  const textName = (el) => collapse(
    Array.from(el.childNodes).map((n) => (n.nodeType === 3 ? n.textContent : n.nodeType === 1 ? (n.tagName === 'IMG' ? attr(n, 'alt') || '' : attr(n, 'aria-hidden') === 'true' ? '' : textName(n)) : '')).join(' '),
  );
  const nameOf = (el) => {
    const by = attr(el, 'aria-labelledby');
    if (by) {
      const t = collapse(by.split(/\s+/).map((id) => { const r = document.getElementById(id); return r ? r.textContent : ''; }).join(' '));
      if (t) return t;
    }
    return collapse(attr(el, 'aria-label')) || textName(el);
  };
  return {
    opts, refOf: identity.refOf, selectorOf: identity.selectorOf,
    collapse, snippet, regionOf, boxOf, isVisible, attr, rendered, exposedEl, roleOf, visibleContent, nameOf,
  };
}
