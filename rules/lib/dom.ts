// Server-side DOM over the gathered HTML, parsed once per page and shared by every rule.
// linkedom is a light, spec-ish DOM: enough for querySelector/closest/textContent. Anything that
// needs layout or computed style (visibility, focus order, sizes) is gathered in the browser instead.
import { parseHTML } from 'linkedom';
import { createSelectorOf, ELEMENT_REF_ATTRIBUTE, withoutElementRefs } from '../../core/element-identity.js';
import type { PageArtifacts } from '../../core/types.ts';
import { rawOf } from '../artifact-view.ts';

const cache = new WeakMap<PageArtifacts, Document>();

/** The page's DOM, parsed once per page for every rule (a rule must still declare 'html' to get it). */
export function documentOf(page: PageArtifacts): Document {
  const html = page.html;
  const key = rawOf(page);
  let doc = cache.get(key);
  if (!doc) {
    doc = parseHTML(html || '<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
    cache.set(key, doc);
  }
  return doc;
}

const matching = new WeakMap<Document, Map<string, ReadonlySet<Element>>>();

/**
 * Every element of the document that matches `selector`, found in one pass and kept per document. For
 * rules that test element after element: linkedom compiles the selector anew on every matches() and
 * closest() call, which cost a walk over a 9,000-cell table page ~0.3 s in one rule.
 */
export function elementsMatching(doc: Document, selector: string): ReadonlySet<Element> {
  let bySelector = matching.get(doc);
  if (!bySelector) matching.set(doc, (bySelector = new Map()));
  let set = bySelector.get(selector);
  if (!set) bySelector.set(selector, (set = new Set(Array.from(doc.querySelectorAll(selector)))));
  return set;
}

/** el.closest(selector), with the matching elements found once per document (see elementsMatching). */
export function closestMatching(el: Element, selector: string): Element | null {
  const set = elementsMatching(el.ownerDocument, selector);
  for (let node: Element | null = el; node; node = node.parentElement) if (set.has(node)) return node;
  return null;
}

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** NFKC maps full-width digits/letters/colons (１１３年, ：) onto ASCII, which every text matcher expects. */
export function normalizeText(s: string): string {
  return collapseWhitespace(s.normalize('NFKC'));
}

export function textOf(el: Element | null | undefined): string {
  return el ? collapseWhitespace(el.textContent ?? '') : '';
}

const selectors = new WeakMap<Document, (el: Element) => string>();

/** The selector of an element: the same function, on the same DOM, as the browser's records (core/element-identity.js). */
export function selectorOf(el: Element): string {
  const doc = el.ownerDocument;
  let of = selectors.get(doc);
  if (!of) selectors.set(doc, (of = createSelectorOf(doc)));
  return of(el);
}

const recordIndex = new WeakMap<readonly { ref?: string }[], Map<string, { ref?: string }>>();

/**
 * The browser's record (of page.links, page.images, page.headings, axe nodes…) of an element of the serialised
 * DOM, joined by the ref both carry; null when the browser did not report it, or the ref is on several elements
 * (a page that copied the attribute: no guessing which is which).
 */
export function recordOf<T extends { ref?: string }>(records: readonly T[], el: Element): T | null {
  const ref = el.getAttribute(ELEMENT_REF_ATTRIBUTE);
  if (ref === null || elementsByRef(el.ownerDocument).get(ref) !== el) return null;
  let index = recordIndex.get(records);
  if (!index) {
    index = new Map();
    for (const r of records) if (r.ref !== undefined) index.set(r.ref, r);
    recordIndex.set(records, index);
  }
  return (index.get(ref) as T | undefined) ?? null;
}

/** The element of the page's serialised DOM a browser record names (by its ref), or null as for recordOf. */
export function elementOf(page: PageArtifacts, record: { ref?: string }): Element | null {
  return record.ref === undefined ? null : (elementsByRef(documentOf(page)).get(record.ref) ?? null);
}

/** Each ref carried by exactly one element, to that element (a ref on several elements maps to null). */
const refIndex = new WeakMap<Document, Map<string, Element | null>>();

function elementsByRef(doc: Document): Map<string, Element | null> {
  let index = refIndex.get(doc);
  if (!index) {
    index = new Map();
    for (const el of Array.from(doc.querySelectorAll(`[${ELEMENT_REF_ATTRIBUTE}]`))) {
      const ref = el.getAttribute(ELEMENT_REF_ATTRIBUTE)!;
      index.set(ref, index.has(ref) ? null : el);
    }
    refIndex.set(doc, index);
  }
  return index;
}

/** outerHTML, truncated, as evidence: without the refs the serialised DOM carries. */
export function snippetOf(el: Element, max = 300): string {
  const html = withoutElementRefs(el.outerHTML ?? '');
  return html.length > max ? `${html.slice(0, max)}…` : html;
}
