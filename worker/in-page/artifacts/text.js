// text: document.body.innerText (visible text only), up to a cap.
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const body = document.body;
  let text = body ? body.innerText || '' : '';
  if (text.length > h.opts.maxText) text = text.slice(0, h.opts.maxText);
  return text;
}
