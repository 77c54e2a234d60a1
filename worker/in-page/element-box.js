// Where the element a selector finds is, in viewport CSS px, after scrolling it into view; null when the
// selector is not valid CSS, finds nothing, or the element is hidden or has no size (source text, never
// transpiled). Instant scroll: a page's smooth scrolling would leave the box mid-flight.
(selector) => {
  let el;
  try {
    el = document.querySelector(selector);
  } catch {
    return null;
  }
  if (!el || typeof el.getBoundingClientRect !== 'function') return null;
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) return null;
  let r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return null;
  el.scrollIntoView({ behavior: 'instant', block: 'center', inline: 'center' });
  r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}
