// The page's text as one string with a map back to elements, built in a single DOM walk so the date
// parser runs once per page (linear regexes over ≤ a few hundred KB) instead of once per element.
// Subtrees that only look like content are left out: form controls (<select>/<option> year pickers),
// calendars, date pickers and live-data widgets (weather, tickers, clocks, counters: widgets.ts), scripts,
// hidden elements.
import type { PageArtifacts } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { isWidget } from './widgets.ts';

export interface PageText {
  /** Whitespace-collapsed text; block boundaries are '\n', table cells '\t'. */
  text: string;
  /** starts[i] is where the text of elements[i]'s own text node begins (ascending). */
  starts: number[];
  elements: Element[];
  /** <time datetime> elements outside skipped subtrees. */
  times: Element[];
  /** Whether the page has a recognisable footer element (else footer position is guessed from text offsets). */
  hasFooterElement: boolean;
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'head', 'svg', 'iframe', 'object', 'canvas', 'math']);
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
const CELL_TAGS = new Set(['td', 'th']);
const FOOTERISH = /foot/i;

const cache = new WeakMap<PageArtifacts, PageText>();

export function pageTextOf(page: PageArtifacts): PageText {
  let out = cache.get(page);
  if (!out) {
    out = buildPageText(documentOf(page));
    cache.set(page, out);
  }
  return out;
}

/**
 * WOW.js hides its boxes with an inline `visibility: hidden; animation-name: none` until they scroll into
 * view: content waiting for an animation, not hidden content (the worker scrolls pages through, but its
 * time cap may stop before the end of a long page).
 */
function isAnimateOnScroll(el: Element, style: string): boolean {
  if (/display\s*:\s*none/i.test(style)) return false;
  return /animation-name\s*:\s*none/i.test(style) || /(?:^|\s)wow(?:\s|$)/.test(el.getAttribute('class') ?? '') || el.hasAttribute('data-aos');
}

function isSkipped(el: Element, tag: string): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) && !isAnimateOnScroll(el, style)) return true;
  return isWidget(el, tag);
}

function buildPageText(doc: Document): PageText {
  const parts: string[] = [];
  const starts: number[] = [];
  const elements: Element[] = [];
  const times: Element[] = [];
  let length = 0;
  let lastChar = '\n';
  let hasFooterElement = false;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
    lastChar = s[s.length - 1]!;
  };
  const separate = (sep: '\n' | '\t') => {
    if (lastChar === '\n' || (sep === '\t' && lastChar === '\t')) return;
    push(sep);
  };
  const walk = (el: Element) => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const s = (node as Text).data.replace(/\s+/g, ' ');
        if (!s || (s === ' ' && /\s/.test(lastChar))) continue;
        const text = /\s/.test(lastChar) ? s.replace(/^ /, '') : s;
        if (!text) continue;
        // Minified markup glues inline elements: <a>COVID-19</a><span>115-11-02</span> must not read as one number.
        if (/[A-Za-z0-9./-]/.test(lastChar) && /^[A-Za-z0-9]/.test(text)) push(' ');
        starts.push(length);
        elements.push(el);
        push(text);
      } else if (node.nodeType === 1) {
        const child = node as Element;
        const tag = child.localName?.toLowerCase() ?? '';
        if (isSkipped(child, tag)) continue;
        if (!hasFooterElement && (tag === 'footer' || child.getAttribute('role') === 'contentinfo' || FOOTERISH.test(`${child.getAttribute('id') ?? ''} ${child.getAttribute('class') ?? ''}`))) {
          hasFooterElement = true;
        }
        if (tag === 'time' && child.hasAttribute('datetime')) times.push(child);
        const block = BLOCK_TAGS.has(tag);
        const cell = CELL_TAGS.has(tag);
        if (block) separate('\n');
        else if (cell) separate('\t');
        walk(child);
        if (block) separate('\n');
        else if (cell) separate('\t');
      }
    }
  };
  // From the root element, not <body>: linkedom leaves fragments ('<p>…</p>') outside an empty body.
  const root = doc.documentElement;
  if (root) walk(root);
  return { text: parts.join(''), starts, elements, times, hasFooterElement };
}

function nodeIndexAt(pt: PageText, index: number): number {
  let lo = 0;
  let hi = pt.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pt.starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The element whose text contains offset `index`. */
export function elementAt(pt: PageText, index: number): Element | null {
  return pt.starts.length ? (pt.elements[nodeIndexAt(pt, index)] ?? null) : null;
}

/** Up to `max` characters after offset `from` within the same text node (text in the next element is not "after"). */
export function textAfterInNode(pt: PageText, from: number, max: number): string {
  const i = nodeIndexAt(pt, Math.max(0, from - 1));
  const nodeEnd = pt.starts[i + 1] ?? pt.text.length;
  return pt.text.slice(from, Math.min(nodeEnd, from + max));
}
