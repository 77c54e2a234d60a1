// headings: h1–h6 and role=heading with level, accessible name, exposure and visibility.
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const { attr, roleOf, nameOf, exposedEl, visibleContent, refOf, selectorOf } = h;
  const headings = [];
  for (const el of document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')) {
    if (headings.length >= 500) break;
    const role = roleOf(el);
    if (role && role !== 'heading') continue; // h1 role="presentation" etc. is no heading
    const level = role === 'heading' ? parseInt(attr(el, 'aria-level') || '2', 10) || 2 : Number(el.tagName[1]) || 2;
    headings.push({ level, name: nameOf(el).slice(0, 200), exposed: exposedEl(el), visible: visibleContent(el), ref: refOf(el), selector: selectorOf(el) });
  }
  return headings;
}
