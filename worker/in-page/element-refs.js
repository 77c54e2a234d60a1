// The page's element refs (source text, never transpiled; called with ELEMENT_REF_ATTRIBUTE of
// core/element-identity.js). Kept on the window across the gatherer's round trips (gather, tab stops,
// 320 px layout) so one element has one ref, and written into the DOM only while it is serialised: the
// live page never carries them, so axe-core (which builds selectors from rare attributes), snippets and
// elements the page clones never see them.
(attribute) => {
  const KEY = '__govcheckElementRefs';
  if (!Object.prototype.hasOwnProperty.call(window, KEY)) {
    const refs = new Map();
    const registry = {
      refOf(el) {
        let ref = refs.get(el);
        if (ref === undefined) { ref = String(refs.size + 1); refs.set(el, ref); }
        return ref;
      },
      // What page.content() returns, with every reported element still in the document carrying its ref.
      serialise() {
        const stamped = [];
        try {
          for (const [el, ref] of refs) {
            if (!el.isConnected) continue;
            stamped.push([el, el.getAttribute(attribute)]);
            el.setAttribute(attribute, ref);
          }
          let html = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
          if (document.documentElement) html += document.documentElement.outerHTML;
          return html;
        } finally {
          for (const [el, before] of stamped) { if (before === null) el.removeAttribute(attribute); else el.setAttribute(attribute, before); }
        }
      },
    };
    Object.defineProperty(window, KEY, { value: registry, enumerable: false });
  }
  return window[KEY];
}
