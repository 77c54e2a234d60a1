// images: every <img> with its decoded size, box, visibility and enclosing link.
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const { attr, isVisible, regionOf, boxOf, refOf, selectorOf, snippet } = h;
  const images = [];
  for (const im of document.querySelectorAll('img')) {
    if (images.length >= h.opts.maxImages) break;
    const link = im.closest('a[href]');
    images.push({
      src: im.currentSrc || im.src || '', alt: attr(im, 'alt'), title: attr(im, 'title'),
      naturalWidth: im.naturalWidth || 0, naturalHeight: im.naturalHeight || 0,
      box: boxOf(im), visible: isVisible(im), linkHref: link ? link.href : null, region: regionOf(im),
      ref: refOf(im), selector: selectorOf(im), snippet: snippet(im),
    });
  }
  return images;
}
