// textBackgrounds: text over background images and gradients, which axe-core leaves to human review.
// Page script (source text, never transpiled), called with the helpers of common.js. The colours
// behind each character are worked out (gradient geometry, image pixels) where that can be known for
// sure — the contrast they make with the text is judged by the rule (rules/accessibility/lib/contrast.ts),
// not here; anything uncertain is left out: other elements or pseudo-elements painted under the text,
// filters, blend modes, opacity, several background layers, text shadows or strokes, cross-origin
// images, text outside the first screen.
async (h) => {
  const { collapse, refOf, selectorOf, snippet } = h;
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
      // The opaque colours painted behind the judged characters (a palette), and per character the set of
      // them its sample points fall on; characters with the same set are kept once.
      const palette = [], paletteIndex = new Map(), chars = new Map();
      let charsJudged = 0;
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
          const behind = new Set();
          let known = true;
          for (let gy = 0; gy < GRID && known; gy++) for (let gx = 0; gx < GRID && known; gx++) {
            const x = r.left + ((gx + 0.5) * r.width) / GRID, y = r.top + ((gy + 0.5) * r.height) / GRID;
            let bg = canvasColor;
            for (let k = chain.length - 1; k >= 0; k--) {
              const { layer } = chain[k];
              if (layer.color[3] > 0) bg = over(layer.color, bg);
              if (layer.image) { const c = layer.image(x, y); if (!c) { known = false; break; } if (c[3] > 0) bg = over(c, bg); }
            }
            if (!known) break;
            const rgb = [Math.round(bg[0]), Math.round(bg[1]), Math.round(bg[2])], key = rgb.join(',');
            if (!paletteIndex.has(key)) { paletteIndex.set(key, palette.length); palette.push(rgb); }
            behind.add(paletteIndex.get(key));
          }
          if (!known) continue;
          charsJudged++;
          const set = [...behind].sort((a, b) => a - b), setKey = set.join(',');
          if (!chars.has(setKey)) chars.set(setKey, { char: ch, backgrounds: set });
        }
      }
      if (!charsJudged) continue;
      out.push({
        ref: refOf(el), selector: selectorOf(el), snippet: snippet(el), text: collapse(texts.map((t) => t.textContent).join(' ')).slice(0, 80),
        fontSizePx: parseFloat(s.fontSize) || 16, fontWeight: Number(s.fontWeight) || 400,
        color: s.color, foreground: fg, palette, chars: [...chars.values()], charsJudged,
      });
    }
  } finally {
    probe.remove();
  }
  return out;
}
