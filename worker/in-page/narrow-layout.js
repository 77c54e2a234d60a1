// Runs inside the page after the window was narrowed (source text, never transpiled): waits until the
// layout has settled — no change of the document's size over several animation frames and a quiet
// period, with a cap — then measures the page width and the element that sticks out furthest (named by
// the element identity of worker/gatherers/in-page.ts).
async (opts, identity) => {
  const FRAMES = opts.frames, QUIET_MS = opts.quietMs, CAP_MS = opts.capMs;
  const de = document.documentElement;
  const size = () => [de.scrollWidth, document.body ? document.body.scrollWidth : 0, de.scrollHeight, de.clientWidth].join(',');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
  const start = performance.now();
  let last = size(), stable = 0, lastChange = start, settled = false;
  while (performance.now() - start < CAP_MS) {
    await frame();
    const now = size();
    if (now !== last) { last = now; stable = 0; lastChange = performance.now(); } else stable++;
    if (stable >= FRAMES && performance.now() - lastChange >= QUIET_MS) { settled = true; break; }
  }
  const viewport = de.clientWidth;
  const scrollWidth = Math.max(de.scrollWidth, document.body ? document.body.scrollWidth : 0);
  // An element inside an ancestor that clips horizontal overflow (and itself fits) does not widen the page.
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body && a !== de; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' && a.getBoundingClientRect().right + scrollX <= viewport + 1) return true;
    }
    return false;
  };
  let overflow = null;
  if (scrollWidth > viewport + 1 && document.body) {
    let best = null, bestRight = viewport + 1;
    const all = document.body.getElementsByTagName('*');
    for (let i = 0; i < all.length && i < 20000; i++) {
      const el = all[i];
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const right = r.right + scrollX;
      // Strictly further out than the best so far: the outermost element of a given edge wins (document order).
      if (right <= bestRight + 0.5) continue;
      const s = getComputedStyle(el);
      if (s.position === 'fixed' || s.visibility === 'hidden' || clipped(el)) continue;
      best = el;
      bestRight = right;
    }
    if (best) {
      const h = best.outerHTML || '';
      overflow = { ref: identity.refOf(best), selector: identity.selectorOf(best), right: Math.round(bestRight), width: Math.round(best.getBoundingClientRect().width), snippet: h.length > 300 ? h.slice(0, 300) + '…' : h };
    }
  }
  return { scrollWidth, settled, waitedMs: Math.round(performance.now() - start), overflow };
}
