// meta: every <meta> element's name, property, http-equiv and content.
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const { attr } = h;
  return Array.from(document.querySelectorAll('meta')).map((m) => ({
    name: attr(m, 'name'), property: attr(m, 'property'), httpEquiv: attr(m, 'http-equiv'), content: attr(m, 'content') || '',
  }));
}
