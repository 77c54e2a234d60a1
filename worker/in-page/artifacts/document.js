// document: title, language and the layout at the window's width (the 320 px one is measured later).
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const { attr, collapse } = h;
  const de = document.documentElement, body = document.body;
  return {
    title: collapse(document.title),
    lang: de ? attr(de, 'lang') ?? attr(de, 'xml:lang') : null,
    layout: {
      viewportWidth: window.innerWidth,
      scrollWidth: Math.max(de ? de.scrollWidth : 0, body ? body.scrollWidth : 0),
      documentHeight: Math.max(de ? de.scrollHeight : 0, body ? body.scrollHeight : 0),
      narrowScrollWidth: null,
    },
  };
}
