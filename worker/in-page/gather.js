// Runs inside the page (as source text, never transpiled): collects the DOM-derived artifacts that
// need a real browser (visibility, layout, resolved URLs, CSSOM). Resolves to plain JSON. Every element it
// reports gets its ref and selector from `identity` (worker/gatherers/in-page.ts).
async (opts, identity) => {
  const MAX_LINKS = opts.maxLinks, MAX_IMAGES = opts.maxImages, MAX_TEXT = opts.maxText, MAX_CSS = opts.maxCss;
  // The gather plan: optional artifacts not wanted by any selected rule are skipped (absent = all).
  const want = (name) => !opts.want || opts.want.includes(name);
  const collapse = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const snippet = (el) => { const h = el.outerHTML || ''; return h.length > 300 ? h.slice(0, 300) + '…' : h; };
  const { refOf, selectorOf } = identity;
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
      imgAlts, region: regionOf(a), visible: isVisible(a), box: boxOf(a), ref: refOf(a), selector: selectorOf(a), snippet: snippet(a),
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
      ref: refOf(im), selector: selectorOf(im), snippet: snippet(im),
    });
  }

  const meta = Array.from(document.querySelectorAll('meta')).map((m) => ({
    name: attr(m, 'name'), property: attr(m, 'property'), httpEquiv: attr(m, 'http-equiv'), content: attr(m, 'content') || '',
  }));

  const stylesheets = [];
  let cssBudget = MAX_CSS;
  for (const sheet of want('stylesheets') ? Array.from(document.styleSheets) : []) {
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

  // Each structure below is optional for the rules: a failure drops it (rules then do not judge).
  const MAX_TABLES = 40, MAX_ROWS = 400, MAX_CELLS = 4000;
  let tables = want('tables') ? [] : undefined;
  if (tables) try { for (const t of document.querySelectorAll('table, [role=table], [role=grid], [role=treegrid]')) {
    if (tables.length >= MAX_TABLES) break;
    const html = t.tagName === 'TABLE';
    const rows = [];
    let truncated = false, cellCount = 0;
    const cellOf = (c) => {
      const tag = c.tagName === 'TD' ? 'td' : c.tagName === 'TH' ? 'th' : 'other';
      const role = roleOf(c);
      const span = (n, def, min, max) => { const v = parseInt(attr(c, n) || '', 10); return Number.isFinite(v) && v >= min ? Math.min(v, max) : def; };
      // Only header cells are judged and reported: the costly layout checks and selectors are for them.
      const header = tag === 'th' || (role !== null && role.endsWith('header'));
      const exposed = exposedEl(c);
      return {
        tag, role,
        colspan: html ? span('colspan', 1, 1, 1000) : span('aria-colspan', 1, 1, 1000),
        rowspan: html ? span('rowspan', 1, 0, 65534) : span('aria-rowspan', 1, 1, 65534),
        id: c.id || null, headers: attr(c, 'headers'), scope: attr(c, 'scope'),
        empty: c.children.length === 0 && !/\S/.test(c.textContent || ''),
        exposed, visible: header ? visibleContent(c) : exposed,
        text: collapse(c.textContent).slice(0, 80), ...(header ? { ref: refOf(c), selector: selectorOf(c) } : { selector: '' }),
      };
    };
    // Tables too large to model are never judged; tables without header cells have nothing to judge.
    const rowCount = html ? t.rows.length : t.querySelectorAll('[role=row]').length;
    if (rowCount > MAX_ROWS) { tables.push({ kind: html ? 'html' : 'aria', role: roleOf(t), exposed: true, ref: refOf(t), selector: selectorOf(t), rows: [], truncated: true }); continue; }
    if (!t.querySelector('th, [role=columnheader], [role=rowheader]')) continue;
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
    tables.push({ kind: html ? 'html' : 'aria', role: roleOf(t), exposed: exposedEl(t), ref: refOf(t), selector: selectorOf(t), rows, truncated });
  } } catch { tables = undefined; }

  let headings = want('headings') ? [] : undefined;
  if (headings) try { for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')) {
    if (headings.length >= 500) break;
    const role = roleOf(h);
    if (role && role !== 'heading') continue; // h1 role="presentation" etc. is no heading
    const level = role === 'heading' ? parseInt(attr(h, 'aria-level') || '2', 10) || 2 : Number(h.tagName[1]) || 2;
    headings.push({ level, name: nameOf(h).slice(0, 200), exposed: exposedEl(h), visible: visibleContent(h), ref: refOf(h), selector: selectorOf(h) });
  } } catch { headings = undefined; }

  const LANDMARK_TAGS = { MAIN: 'main', NAV: 'navigation', ASIDE: 'complementary', SEARCH: 'search' };
  const LANDMARK_ROLES = ['main', 'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'region', 'form'];
  let landmarks = want('landmarks') ? [] : undefined;
  if (landmarks) try { for (const el of document.querySelectorAll('main, nav, aside, search, header, footer, [role]')) {
    if (landmarks.length >= 200) break;
    const explicit = roleOf(el);
    let role = explicit && LANDMARK_ROLES.includes(explicit) ? explicit : explicit ? null : LANDMARK_TAGS[el.tagName] || null;
    // header/footer are banner/contentinfo only when not inside sectioning content.
    if (!explicit && (el.tagName === 'HEADER' || el.tagName === 'FOOTER') && !el.parentElement.closest('article, aside, main, nav, section')) role = el.tagName === 'HEADER' ? 'banner' : 'contentinfo';
    if (!role) continue;
    landmarks.push({ role, exposed: exposedEl(el), hasContent: /\S/.test(el.textContent || ''), ref: refOf(el), selector: selectorOf(el) });
  } } catch { landmarks = undefined; }

  // Text over background images and gradients: axe-core leaves these to human review. Here the
  // colours behind each character are worked out (gradient geometry, image pixels) where that can
  // be known for sure; anything uncertain is left out: other elements or pseudo-elements painted
  // under the text, filters, blend modes, opacity, several background layers, text shadows or
  // strokes, cross-origin images, text outside the first screen.
  const textBackgrounds = !want('textBackgrounds') ? undefined : await (async () => {
    const MAX_ELEMENTS = 30, MAX_CHARS = 150, BUDGET_MS = 1000, GRID = 8;
    const t0 = performance.now();
    const out = [];
    const styleCache = new Map();
    const css = (el) => { let s = styleCache.get(el); if (!s) { s = getComputedStyle(el); styleCache.set(el, s); } return s; };
    const parseColor = (s) => {
      const m = /^rgba?\(([^)]+)\)$/.exec((s || '').trim());
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return p.length >= 3 && p.every(Number.isFinite) ? [p[0], p[1], p[2], p.length > 3 ? p[3] : 1] : null;
    };
    const over = (top, base) => { const a = top[3]; return [top[0] * a + base[0] * (1 - a), top[1] * a + base[1] * (1 - a), top[2] * a + base[2] * (1 - a), 1]; };
    const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
    const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const splitTop = (s) => { const parts = []; let depth = 0, cur = ''; for (const ch of s) { if (ch === '(') depth++; if (ch === ')') depth--; if (ch === ',' && depth === 0) { parts.push(cur.trim()); cur = ''; } else cur += ch; } if (cur.trim()) parts.push(cur.trim()); return parts; };
    const length = (tok, whole) => { const m = /^(-?[\d.]+)(px|%)$/.exec(tok); if (!m) return null; return m[2] === '%' ? (Number(m[1]) / 100) * whole : Number(m[1]); };

    // Linear gradients only: direction by angle or one side, stops at px or %.
    const gradientOf = (src) => {
      const m = /^linear-gradient\((.*)\)$/.exec(src);
      if (!m) return null;
      const args = splitTop(m[1]);
      let angle = Math.PI;
      const first = args[0];
      const sides = { 'to top': 0, 'to right': 90, 'to bottom': 180, 'to left': 270 };
      if (first in sides) { angle = (sides[first] * Math.PI) / 180; args.shift(); }
      else if (/^to /.test(first)) return null; // corner directions depend on the box; not worth the risk
      else { const a = /^(-?[\d.]+)(deg|rad|turn|grad)$/.exec(first); if (a) { const v = Number(a[1]); angle = a[2] === 'deg' ? (v * Math.PI) / 180 : a[2] === 'rad' ? v : a[2] === 'turn' ? v * 2 * Math.PI : (v * Math.PI) / 200; args.shift(); } }
      const stops = [];
      for (const arg of args) {
        const c = /^(rgba?\([^)]*\))\s*(.*)$/.exec(arg);
        if (!c) return null; // colour hints, calc(), other colour spaces
        const color = parseColor(c[1]);
        if (!color) return null;
        const pos = c[2].split(/\s+/).filter(Boolean);
        if (pos.length > 2 || pos.some((p) => !/^-?[\d.]+(px|%)$/.test(p))) return null;
        if (!pos.length) stops.push({ color, pos: null });
        for (const p of pos) stops.push({ color, pos: p });
      }
      return stops.length >= 2 ? { angle, stops } : null;
    };
    const gradientColor = (g, area, x, y) => {
      const s = Math.sin(g.angle), c = Math.cos(g.angle);
      const len = Math.abs(area.w * s) + Math.abs(area.h * c);
      if (len <= 0) return null;
      const t = (x - (area.x + area.w / 2)) * s - (y - (area.y + area.h / 2)) * c + len / 2;
      const pos = g.stops.map((st) => (st.pos === null ? null : length(st.pos, len)));
      if (pos[0] === null) pos[0] = 0;
      if (pos[pos.length - 1] === null) pos[pos.length - 1] = len;
      for (let i = 1; i < pos.length; i++) if (pos[i] !== null && pos[i] < maxBefore(pos, i)) pos[i] = maxBefore(pos, i);
      for (let i = 1; i < pos.length; i++) if (pos[i] === null) { let j = i; while (pos[j] === null) j++; for (let k = i; k < j; k++) pos[k] = pos[i - 1] + ((pos[j] - pos[i - 1]) * (k - i + 1)) / (j - i + 1); }
      if (t <= pos[0]) return g.stops[0].color;
      for (let i = 1; i < pos.length; i++) {
        if (t <= pos[i]) {
          const a = g.stops[i - 1].color, b = g.stops[i].color, span = pos[i] - pos[i - 1];
          const f = span > 0 ? (t - pos[i - 1]) / span : 1;
          const alpha = a[3] + (b[3] - a[3]) * f;
          if (alpha <= 0) return [0, 0, 0, 0];
          const mix = (k) => (a[k] * a[3] + (b[k] * b[3] - a[k] * a[3]) * f) / alpha; // premultiplied, as CSS interpolates
          return [mix(0), mix(1), mix(2), alpha];
        }
      }
      return g.stops[g.stops.length - 1].color;
    };
    const maxBefore = (pos, i) => { let m = -Infinity; for (let k = 0; k < i; k++) if (pos[k] !== null) m = Math.max(m, pos[k]); return m; };

    const images = new Map();
    const imageOf = async (url) => {
      if (images.has(url)) return images.get(url);
      let data = null;
      try {
        const img = new Image();
        img.src = url;
        await Promise.race([img.decode(), new Promise((_, rej) => setTimeout(() => rej(new Error('slow')), 800))]);
        const w = img.naturalWidth, h = img.naturalHeight;
        if (w > 0 && h > 0 && w * h <= 4_000_000) {
          const canvas = document.createElement('canvas');
          canvas.width = w; canvas.height = h;
          const g = canvas.getContext('2d', { willReadFrequently: true });
          g.drawImage(img, 0, 0);
          data = { w, h, px: g.getImageData(0, 0, w, h).data }; // throws for cross-origin images: left out
        }
      } catch { data = null; }
      images.set(url, data);
      return data;
    };

    // One background layer of an element as a function of the point, or null when it cannot be known.
    const layerOf = async (el) => {
      const s = css(el);
      const color = parseColor(s.backgroundColor);
      if (!color) return null;
      const src = s.backgroundImage;
      const layer = { color, image: null };
      if (src === 'none') return layer;
      if (splitTop(src).length !== 1 || s.backgroundAttachment !== 'scroll' || /,/.test(s.backgroundSize + s.backgroundPosition + s.backgroundRepeat)) return null;
      const rects = el.getClientRects();
      if (rects.length !== 1) return null;
      const r = rects[0];
      const bl = parseFloat(s.borderLeftWidth) || 0, bt = parseFloat(s.borderTopWidth) || 0, br = parseFloat(s.borderRightWidth) || 0, bb = parseFloat(s.borderBottomWidth) || 0;
      let area = { x: r.left + bl, y: r.top + bt, w: r.width - bl - br, h: r.height - bt - bb };
      if (s.backgroundOrigin === 'border-box') area = { x: r.left, y: r.top, w: r.width, h: r.height };
      else if (s.backgroundOrigin === 'content-box') {
        const pl = parseFloat(s.paddingLeft) || 0, pt = parseFloat(s.paddingTop) || 0, pr = parseFloat(s.paddingRight) || 0, pb = parseFloat(s.paddingBottom) || 0;
        area = { x: area.x + pl, y: area.y + pt, w: area.w - pl - pr, h: area.h - pt - pb };
      }
      if (area.w <= 0 || area.h <= 0) return null;
      const g = gradientOf(src);
      if (g) {
        if (s.backgroundSize !== 'auto' && s.backgroundSize !== 'auto auto') return null;
        layer.image = (x, y) => (x >= area.x && x < area.x + area.w && y >= area.y && y < area.y + area.h ? gradientColor(g, area, x, y) : null);
        return layer;
      }
      const u = /^url\("(.*)"\)$/.exec(src);
      if (!u) return null;
      const img = await imageOf(u[1]);
      if (!img) return null;
      let w = img.w, h = img.h;
      const size = s.backgroundSize.split(/\s+/);
      if (size[0] === 'cover' || size[0] === 'contain') {
        const k = size[0] === 'cover' ? Math.max(area.w / w, area.h / h) : Math.min(area.w / w, area.h / h);
        w *= k; h *= k;
      } else if (size[0] !== 'auto' || (size[1] && size[1] !== 'auto')) {
        const sw = size[0] === 'auto' ? null : length(size[0], area.w), sh = !size[1] || size[1] === 'auto' ? null : length(size[1], area.h);
        if ((size[0] !== 'auto' && sw === null) || (size[1] && size[1] !== 'auto' && sh === null)) return null;
        if (sw !== null && sh !== null) { w = sw; h = sh; } else if (sw !== null) { h = (h * sw) / w; w = sw; } else { w = (w * sh) / h; h = sh; }
      }
      const pos = s.backgroundPosition.split(/\s+/);
      if (pos.length !== 2) return null;
      const px = /%$/.test(pos[0]) ? ((parseFloat(pos[0]) / 100) * (area.w - w)) : length(pos[0], area.w);
      const py = /%$/.test(pos[1]) ? ((parseFloat(pos[1]) / 100) * (area.h - h)) : length(pos[1], area.h);
      const rep = { 'repeat': ['r', 'r'], 'no-repeat': ['n', 'n'], 'repeat-x': ['r', 'n'], 'repeat-y': ['n', 'r'], 'repeat repeat': ['r', 'r'], 'no-repeat no-repeat': ['n', 'n'], 'repeat no-repeat': ['r', 'n'], 'no-repeat repeat': ['n', 'r'] }[s.backgroundRepeat];
      if (px === null || py === null || !rep || w <= 0 || h <= 0) return null;
      layer.image = (x, y) => {
        let lx = x - (area.x + px), ly = y - (area.y + py);
        if (rep[0] === 'r') lx = ((lx % w) + w) % w; else if (lx < 0 || lx >= w) return [0, 0, 0, 0];
        if (rep[1] === 'r') ly = ((ly % h) + h) % h; else if (ly < 0 || ly >= h) return [0, 0, 0, 0];
        const ix = Math.min(img.w - 1, Math.floor((lx * img.w) / w)), iy = Math.min(img.h - 1, Math.floor((ly * img.h) / h));
        const o = (iy * img.w + ix) * 4;
        return [img.px[o], img.px[o + 1], img.px[o + 2], img.px[o + 3] / 255];
      };
      return layer;
    };

    const painted = (el) => { for (const pseudo of ['::before', '::after']) { const p = getComputedStyle(el, pseudo); if (p.content !== 'none' && p.content !== 'normal' && (p.backgroundImage !== 'none' || (parseColor(p.backgroundColor) || [0, 0, 0, 0])[3] > 0 || p.boxShadow !== 'none')) return true; } return false; };
    const unsafeEffects = (el) => { const s = css(el); return Number(s.opacity) < 1 || s.filter !== 'none' || s.mixBlendMode !== 'normal' || (s.backdropFilter && s.backdropFilter !== 'none'); };

    const all = Array.from(document.querySelectorAll('body, body *'));
    if (!all.some((el) => css(el).backgroundImage !== 'none')) return out;
    const html = document.documentElement, bodyEl = document.body;
    if (css(html).backgroundImage !== 'none' || css(bodyEl).backgroundImage !== 'none') return out; // propagated canvas images: left out
    const htmlBg = parseColor(css(html).backgroundColor), bodyBg = parseColor(css(bodyEl).backgroundColor);
    if (!htmlBg || !bodyBg) return out;
    const canvasColor = over(htmlBg[3] > 0 ? htmlBg : bodyBg, [255, 255, 255, 1]);
    const bodyPropagated = htmlBg[3] === 0;

    const hasText = (el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && /\S/.test(n.textContent));
    const overImage = (el) => { for (let a = el; a && a !== html; a = a.parentElement) if (css(a).backgroundImage !== 'none') return true; return false; };
    const candidates = all.filter((el) => hasText(el) && overImage(el));
    if (!candidates.length) return out;
    // pointer-events: none would hide overlays from elementsFromPoint; count everything while sampling.
    const probe = document.createElement('style');
    probe.textContent = '*, *::before, *::after { pointer-events: auto !important; }';
    (document.head || html).appendChild(probe);
    try {
      for (const el of candidates) {
        if (out.length >= MAX_ELEMENTS || performance.now() - t0 > BUDGET_MS) break;
        const texts = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && /\S/.test(n.textContent));
        const s = css(el);
        const fg = parseColor(s.webkitTextFillColor || s.color);
        if (!fg || s.textShadow !== 'none' || parseFloat(s.webkitTextStrokeWidth) > 0 || s.visibility !== 'visible' || el.closest(':disabled, [aria-disabled="true" i]')) continue;
        // The element and its ancestors, top to bottom, each with a knowable background.
        const chain = [];
        let ok = true;
        for (let e = el; e && e !== html; e = e.parentElement) {
          if (unsafeEffects(e) || painted(e)) { ok = false; break; }
          if (e === bodyEl && bodyPropagated) break;
          const layer = await layerOf(e);
          if (!layer) { ok = false; break; }
          chain.push({ el: e, layer });
        }
        if (!ok || unsafeEffects(html)) continue;
        const members = new Set(chain.map((c) => c.el).concat([html, bodyEl]));
        let worst = Infinity, charsJudged = 0, worstChar = '';
        for (const node of texts) {
          const str = node.textContent;
          for (let i = 0; i < str.length && charsJudged < MAX_CHARS; ) {
            const cp = str.codePointAt(i), n = cp > 0xffff ? 2 : 1, ch = str.slice(i, i + n);
            const start = i;
            i += n;
            if (/\s/.test(ch)) continue;
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, start + n);
            const r = range.getBoundingClientRect();
            if (r.width < 1 || r.height < 1 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) continue;
            // Nothing but the element's own ancestors may be under the character.
            const probes = [[0.5, 0.5], [0.2, 0.2], [0.8, 0.2], [0.2, 0.8], [0.8, 0.8]];
            if (!probes.every(([fx, fy]) => { const st = document.elementsFromPoint(r.left + r.width * fx, r.top + r.height * fy); return st[0] === el && st.every((e) => members.has(e)) && chain.every((c) => st.includes(c.el)); })) continue;
            let best = 0, known = true;
            for (let gy = 0; gy < GRID && known; gy++) for (let gx = 0; gx < GRID && known; gx++) {
              const x = r.left + ((gx + 0.5) * r.width) / GRID, y = r.top + ((gy + 0.5) * r.height) / GRID;
              let bg = canvasColor;
              for (let k = chain.length - 1; k >= 0; k--) {
                const { layer } = chain[k];
                if (layer.color[3] > 0) bg = over(layer.color, bg);
                if (layer.image) { const c = layer.image(x, y); if (!c) { known = false; break; } if (c[3] > 0) bg = over(c, bg); }
              }
              if (known) best = Math.max(best, ratio(over(fg, bg), bg));
            }
            if (!known) continue;
            charsJudged++;
            if (best < worst) { worst = best; worstChar = ch; }
          }
        }
        if (!charsJudged) continue;
        out.push({
          ref: refOf(el), selector: selectorOf(el), snippet: snippet(el), text: collapse(texts.map((t) => t.textContent).join(' ')).slice(0, 80),
          fontSizePx: parseFloat(s.fontSize) || 16, fontWeight: Number(s.fontWeight) || 400,
          color: s.color, worstRatio: Math.round(worst * 100) / 100, worstChar, charsJudged,
        });
      }
    } finally {
      probe.remove();
    }
    return out;
  })().catch(() => []);

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
    meta, links, images, text, stylesheets, vitals, tables, headings, landmarks, textBackgrounds,
    layout: {
      viewportWidth: window.innerWidth,
      scrollWidth: Math.max(de ? de.scrollWidth : 0, body ? body.scrollWidth : 0),
      documentHeight: Math.max(de ? de.scrollHeight : 0, body ? body.scrollHeight : 0),
      narrowScrollWidth: null,
    },
  };
}
