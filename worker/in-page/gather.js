// Runs inside the page (as source text, never transpiled): collects the DOM-derived artifacts that
// need a real browser (visibility, layout, resolved URLs, CSSOM). Returns plain JSON.
(opts) => {
  const MAX_LINKS = opts.maxLinks, MAX_IMAGES = opts.maxImages, MAX_TEXT = opts.maxText, MAX_CSS = opts.maxCss;
  const collapse = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const snippet = (el) => { const h = el.outerHTML || ''; return h.length > 300 ? h.slice(0, 300) + '…' : h; };
  const cssEscape = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s);
  const selectorOf = (el) => {
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && parts.length < 6) {
      const tag = node.tagName.toLowerCase();
      if (tag === 'html') break;
      if (node.id && /^[A-Za-z][\w-]*$/.test(node.id) && document.querySelectorAll('#' + cssEscape(node.id)).length === 1) {
        parts.unshift('#' + node.id);
        break;
      }
      const parent = node.parentElement;
      if (!parent) { parts.unshift(tag); break; }
      const same = Array.from(parent.children).filter((c) => c.tagName === node.tagName);
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
      node = parent;
    }
    return parts.join(' > ');
  };
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

  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href], a[accesskey], a[name]')) {
    if (links.length >= MAX_LINKS) break;
    const raw = attr(a, 'href');
    let href = '';
    if (raw !== null && !/^\s*(javascript|mailto|tel|data):/i.test(raw)) {
      try { href = new URL(raw, document.baseURI).href; } catch { href = ''; }
    } else if (raw && /^\s*(mailto|tel):/i.test(raw)) {
      href = raw.trim();
    }
    const imgAlts = Array.from(a.querySelectorAll('img')).map((im) => attr(im, 'alt'));
    const text = collapse(a.innerText !== undefined && isVisible(a) ? a.innerText : a.textContent);
    const ariaLabel = attr(a, 'aria-label');
    const title = attr(a, 'title');
    links.push({
      href, rawHref: raw, text,
      name: collapse(ariaLabel) || text || collapse(imgAlts.filter(Boolean).join(' ')) || collapse(attr(a, 'alt')) || collapse(title) || '',
      title, ariaLabel, accesskey: attr(a, 'accesskey'), target: attr(a, 'target'), rel: attr(a, 'rel'), hreflang: attr(a, 'hreflang'),
      imgAlts, region: regionOf(a), visible: isVisible(a), box: boxOf(a), selector: selectorOf(a), snippet: snippet(a),
    });
  }

  const images = [];
  for (const im of document.querySelectorAll('img')) {
    if (images.length >= MAX_IMAGES) break;
    const link = im.closest('a[href]');
    images.push({
      src: im.currentSrc || im.src || '', alt: attr(im, 'alt'), title: attr(im, 'title'),
      naturalWidth: im.naturalWidth || 0, naturalHeight: im.naturalHeight || 0,
      box: boxOf(im), visible: isVisible(im), linkHref: link ? link.href : null, region: regionOf(im),
      selector: selectorOf(im), snippet: snippet(im),
    });
  }

  const meta = Array.from(document.querySelectorAll('meta')).map((m) => ({
    name: attr(m, 'name'), property: attr(m, 'property'), httpEquiv: attr(m, 'http-equiv'), content: attr(m, 'content') || '',
  }));

  const stylesheets = [];
  let cssBudget = MAX_CSS;
  for (const sheet of Array.from(document.styleSheets)) {
    if (cssBudget <= 0) break;
    let text = '';
    try {
      text = Array.from(sheet.cssRules || []).map((r) => r.cssText).join('\n');
    } catch { continue; } // cross-origin sheets are not readable, and not the site's own CSS anyway
    if (!text) continue;
    text = text.slice(0, cssBudget);
    cssBudget -= text.length;
    stylesheets.push({ url: sheet.href || null, text });
  }

  const body = document.body;
  let text = body ? body.innerText || '' : '';
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);

  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  let transfer = nav ? nav.transferSize || nav.encodedBodySize || 0 : 0;
  for (const r of resources) transfer += r.transferSize || r.encodedBodySize || 0;
  const v = window.__govcheckVitals || {};
  const vitals = {
    lcpMs: v.lcp != null ? Math.round(v.lcp) : null,
    cls: typeof v.cls === 'number' ? Math.round(v.cls * 1000) / 1000 : null,
    fcpMs: v.fcp != null ? Math.round(v.fcp) : null,
    ttfbMs: nav ? Math.round(nav.responseStart) : null,
    domContentLoadedMs: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
    loadMs: nav && nav.loadEventEnd ? Math.round(nav.loadEventEnd) : null,
    transferBytes: transfer,
    requestCount: resources.length + 1,
  };

  const de = document.documentElement;
  return {
    title: collapse(document.title),
    lang: de ? attr(de, 'lang') ?? attr(de, 'xml:lang') : null,
    meta, links, images, text, stylesheets, vitals,
    layout: {
      viewportWidth: window.innerWidth,
      scrollWidth: Math.max(de ? de.scrollWidth : 0, body ? body.scrollWidth : 0),
      documentHeight: Math.max(de ? de.scrollHeight : 0, body ? body.scrollHeight : 0),
      narrowScrollWidth: null,
    },
  };
}
