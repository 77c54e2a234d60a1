// links: anchors and image-map areas as the browser shows them (visibility, box, region, resolved URL).
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const { attr, collapse, isVisible, regionOf, boxOf, refOf, selectorOf, snippet } = h;
  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href], a[accesskey], a[name]')) {
    if (links.length >= h.opts.maxLinks) break;
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
  return links;
}
