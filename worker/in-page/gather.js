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

  const MAX_TABLES = 40, MAX_ROWS = 400, MAX_CELLS = 4000;
  const tables = [];
  for (const t of document.querySelectorAll('table, [role=table], [role=grid], [role=treegrid]')) {
    if (tables.length >= MAX_TABLES) break;
    const html = t.tagName === 'TABLE';
    const rows = [];
    let truncated = false, cellCount = 0;
    const cellOf = (c) => {
      const tag = c.tagName === 'TD' ? 'td' : c.tagName === 'TH' ? 'th' : 'other';
      const span = (n, def, min, max) => { const v = parseInt(attr(c, n) || '', 10); return Number.isFinite(v) && v >= min ? Math.min(v, max) : def; };
      return {
        tag, role: roleOf(c),
        colspan: html ? span('colspan', 1, 1, 1000) : span('aria-colspan', 1, 1, 1000),
        rowspan: html ? span('rowspan', 1, 0, 65534) : span('aria-rowspan', 1, 1, 65534),
        id: c.id || null, headers: attr(c, 'headers'), scope: attr(c, 'scope'),
        empty: c.children.length === 0 && !/\S/.test(c.textContent || ''),
        exposed: exposedEl(c), visible: visibleContent(c),
        text: collapse(c.textContent).slice(0, 80), selector: selectorOf(c),
      };
    };
    const addRow = (group, cells) => {
      if (rows.length >= MAX_ROWS || cellCount + cells.length > MAX_CELLS) { truncated = true; return; }
      cellCount += cells.length;
      rows.push({ group, cells: cells.map(cellOf) });
    };
    if (html) {
      // HTML table model: row groups in tree order, tfoot last; bare rows form implicit groups.
      const groups = [], feet = [];
      let bare = null;
      for (const child of t.children) {
        if (child.tagName === 'TR') { if (!bare) { bare = []; groups.push(bare); } bare.push(child); continue; }
        bare = null;
        if (child.tagName === 'THEAD' || child.tagName === 'TBODY') groups.push(Array.from(child.rows));
        else if (child.tagName === 'TFOOT') feet.push(Array.from(child.rows));
      }
      [...groups, ...feet].forEach((g, gi) => g.forEach((tr) => addRow(gi, Array.from(tr.cells))));
    } else {
      const owner = (el) => el.parentElement && el.parentElement.closest('table, [role=table], [role=grid], [role=treegrid]');
      for (const row of t.querySelectorAll('[role=row]')) {
        if (owner(row) !== t) continue;
        const cells = Array.from(row.querySelectorAll('[role=cell], [role=gridcell], [role=columnheader], [role=rowheader]')).filter((c) => c.parentElement.closest('[role=row]') === row);
        addRow(0, cells);
      }
    }
    tables.push({ kind: html ? 'html' : 'aria', role: roleOf(t), exposed: exposedEl(t), selector: selectorOf(t), rows, truncated });
  }

  const headings = [];
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')) {
    if (headings.length >= 500) break;
    const role = roleOf(h);
    if (role && role !== 'heading') continue; // h1 role="presentation" etc. is no heading
    const level = role === 'heading' ? parseInt(attr(h, 'aria-level') || '2', 10) || 2 : Number(h.tagName[1]) || 2;
    headings.push({ level, name: nameOf(h).slice(0, 200), exposed: exposedEl(h), visible: visibleContent(h), selector: selectorOf(h) });
  }

  const LANDMARK_TAGS = { MAIN: 'main', NAV: 'navigation', ASIDE: 'complementary', SEARCH: 'search' };
  const LANDMARK_ROLES = ['main', 'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'region', 'form'];
  const landmarks = [];
  for (const el of document.querySelectorAll('main, nav, aside, search, header, footer, [role]')) {
    if (landmarks.length >= 200) break;
    const explicit = roleOf(el);
    let role = explicit && LANDMARK_ROLES.includes(explicit) ? explicit : explicit ? null : LANDMARK_TAGS[el.tagName] || null;
    // header/footer are banner/contentinfo only when not inside sectioning content.
    if (!explicit && (el.tagName === 'HEADER' || el.tagName === 'FOOTER') && !el.parentElement.closest('article, aside, main, nav, section')) role = el.tagName === 'HEADER' ? 'banner' : 'contentinfo';
    if (!role) continue;
    landmarks.push({ role, exposed: exposedEl(el), hasContent: /\S/.test(el.textContent || ''), selector: selectorOf(el) });
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
    meta, links, images, text, stylesheets, vitals, tables, headings, landmarks,
    layout: {
      viewportWidth: window.innerWidth,
      scrollWidth: Math.max(de ? de.scrollWidth : 0, body ? body.scrollWidth : 0),
      documentHeight: Math.max(de ? de.scrollHeight : 0, body ? body.scrollHeight : 0),
      narrowScrollWidth: null,
    },
  };
}
