// Runs inside the page (source text, never transpiled). A frameset page shows its frames' documents, not
// a body of its own: a visitor reads the header, menu and content frames as one page. The frameset is
// replaced by a <body> holding each same-origin frame's body (one <div data-govcheck-frame> per frame),
// with the frame's relative URLs made absolute, so links, text, dates and guide bricks are gathered as
// the visitor sees them. Cross-origin frames stay empty. Returns null for a page without a frameset.
() => {
  const set = document.querySelector('html > frameset, body > frameset');
  if (!set) return null;
  const frames = Array.from(set.querySelectorAll('frame'));
  const body = document.createElement('body');
  const inlined = [];
  for (const frame of frames) {
    const box = document.createElement('div');
    box.setAttribute('data-govcheck-frame', frame.getAttribute('name') || frame.getAttribute('src') || '');
    let doc = null;
    try {
      doc = frame.contentDocument;
    } catch (e) {
      doc = null;
    }
    if (doc && doc.body) {
      const copy = document.importNode(doc.body, true);
      for (const el of copy.querySelectorAll('[href],[src],[action]')) {
        for (const attr of ['href', 'src', 'action']) {
          const value = el.getAttribute(attr);
          if (!value || value.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(value)) continue;
          try {
            el.setAttribute(attr, new URL(value, doc.baseURI).href);
          } catch (e) {
            /* leave a URL the frame itself could not resolve */
          }
        }
      }
      while (copy.firstChild) box.appendChild(copy.firstChild);
      inlined.push(frame.src);
    }
    body.appendChild(box);
  }
  set.replaceWith(body);
  return { frames: frames.length, inlined };
}
