// One element identity for the browser and the rules. This file runs in two places: as an ES module in
// rules (over linkedom's re-parse of the serialised DOM) and, as source text with its `export`s removed,
// inside the page (worker/page-gatherer.ts). So both sides name an element by the same algorithm, and the
// browser's records (links, images, headings, focus stops…) carry a ref that the serialised DOM carries
// too, on the same element, for an exact join. Plain JavaScript on purpose: page scripts are never transpiled.

/** The attribute that carries an element's ref in the serialised DOM (and nowhere else: never in the live page). */
export const ELEMENT_REF_ATTRIBUTE = 'data-govcheck-ref';

/** Markup without ref attributes: evidence (snippets) and fingerprints must not depend on them. */
export function withoutElementRefs(html) {
  return html.replace(/ data-govcheck-ref="\d+"/g, '');
}

/**
 * "The selector of an element": a short CSS path, an id that is valid and unique in the document wins,
 * else tag:nth-of-type steps (at most six). Returns a function bound to one document; ids are counted once
 * per function, so make a new one when the document may have changed.
 */
export function createSelectorOf(doc) {
  let idCounts = null;
  const uniqueId = (id) => {
    if (!idCounts) {
      idCounts = new Map();
      for (const el of doc.querySelectorAll('[id]')) {
        const v = el.getAttribute('id');
        idCounts.set(v, (idCounts.get(v) || 0) + 1);
      }
    }
    return idCounts.get(id) === 1;
  };
  return (el) => {
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && parts.length < 6) {
      const tag = node.tagName.toLowerCase();
      if (tag === 'html') break;
      const id = node.getAttribute('id');
      if (id && /^[A-Za-z][\w-]*$/.test(id) && uniqueId(id)) {
        parts.unshift('#' + id);
        break;
      }
      const parent = node.parentElement;
      if (!parent) {
        parts.unshift(tag);
        break;
      }
      const same = Array.from(parent.children).filter((c) => c.tagName === node.tagName);
      parts.unshift(same.length > 1 ? tag + ':nth-of-type(' + (same.indexOf(node) + 1) + ')' : tag);
      node = parent;
    }
    return parts.join(' > ');
  };
}
