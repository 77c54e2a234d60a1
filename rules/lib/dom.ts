// Server-side DOM over the gathered HTML, parsed once per page and shared by every rule.
// linkedom is a light, spec-ish DOM: enough for querySelector/closest/textContent. Anything that
// needs layout or computed style (visibility, focus order, sizes) is gathered in the browser instead.
import { parseHTML } from 'linkedom';
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

/** A short, stable CSS path for an element of the server-side DOM (ids win, else tag:nth-of-type chain). */
export function selectorOf(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && node.nodeType === 1 && parts.length < 6) {
    const tag = node.tagName.toLowerCase();
    if (tag === 'html') break;
    const id = node.getAttribute('id');
    if (id && /^[A-Za-z][\w-]*$/.test(id)) {
      parts.unshift(`#${id}`);
      break;
    }
    const parent: Element | null = node.parentElement;
    if (!parent) {
      parts.unshift(tag);
      break;
    }
    const same = Array.from(parent.children).filter((c) => c.tagName === node!.tagName);
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
    node = parent;
  }
  return parts.join(' > ');
}

export function snippetOf(el: Element, max = 300): string {
  const html = el.outerHTML ?? '';
  return html.length > max ? `${html.slice(0, max)}…` : html;
}
