// DOM helpers the Taiwan-convention rules share: hidden-by-markup tests, the texts a screen reader
// would announce for a link, in-page fragment targets, and matching a server-side DOM anchor back to
// the browser's LinkArtifact (which knows visibility, region and a real selector).
import type { FindingDraft, LinkArtifact, PageArtifacts } from '../../../core/types.ts';
import { collapseWhitespace, documentOf, normalizeText, recordOf, selectorOf, snippetOf } from '../../lib/dom.ts';

/**
 * Hidden by the markup itself (the same exclusions Freego makes): `hidden`, aria-hidden="true",
 * inline display:none / visibility:hidden, or inside <template> / <noscript>. Computed styles are unknown here.
 */
export function hiddenByMarkup(el: Element): boolean {
  // Memoised per element (rules never change the parsed DOM): rules ask for every element of a page,
  // and walking up the ancestors each time made a 9,000-cell table page cost ~0.3 s in one rule.
  // Up to the nearest ancestor already known (iteratively: pages nest thousands deep), then down again.
  const chain: Element[] = [];
  let hidden = false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const known = hiddenCache.get(node);
    if (known !== undefined) {
      hidden = known;
      break;
    }
    chain.push(node);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    hidden ||= hidesItself(chain[i]!);
    hiddenCache.set(chain[i]!, hidden);
  }
  return hidden;
}

const hiddenCache = new WeakMap<Element, boolean>();

/** The element's own markup hides it and its subtree. */
function hidesItself(node: Element): boolean {
  // <noscript> content is inert while scripts run, which is how the page was gathered.
  if (node.tagName === 'TEMPLATE' || node.tagName === 'NOSCRIPT') return true;
  if (node.hasAttribute('hidden')) return true;
  if ((node.getAttribute('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
  const style = (node.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return /(^|;)display:none|(^|;)visibility:hidden/.test(style);
}

/** textContent without <script>/<style> noise, whitespace collapsed. */
export function visibleTextOf(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'TEMPLATE') walk(child);
        if (tag === 'BR') out += ' ';
      }
    }
  };
  walk(el);
  return collapseWhitespace(out);
}

/**
 * Every text a user agent may announce for an element: its text, aria-label, title, alt/title/aria-label
 * of descendants (icons, images), and aria-labelledby / aria-describedby targets. NFKC-normalised.
 */
export function announcedTextsOf(el: Element, doc: Document): string {
  const parts: string[] = [visibleTextOf(el)];
  const attrs = ['aria-label', 'title', 'alt'];
  for (const node of [el, ...Array.from(el.querySelectorAll('[aria-label],[title],[alt]'))]) {
    for (const a of attrs) {
      const v = node.getAttribute(a);
      if (v) parts.push(v);
    }
  }
  for (const ref of ['aria-labelledby', 'aria-describedby']) {
    for (const id of (el.getAttribute(ref) ?? '').split(/\s+/).filter(Boolean)) {
      const target = doc.getElementById(id);
      if (target) parts.push(visibleTextOf(target));
    }
  }
  return normalizeText(parts.join(' '));
}

/** The short label of a link for messages: aria-label, text, img alt, title. */
export function labelOf(el: Element): string {
  const img = Array.from(el.querySelectorAll('img')).map((i) => i.getAttribute('alt') ?? '').find((a) => a.trim());
  const label = el.getAttribute('aria-label') || visibleTextOf(el) || img || el.getAttribute('title') || el.getAttribute('href') || '';
  const s = normalizeText(label);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

export type FragmentTarget =
  /** Same document, #fragment: exists tells whether an element with that id (or a[name]) is there. */
  | { kind: 'in-page'; fragment: string; exists: boolean }
  /** '#' alone or javascript: — behaviour comes from a script we cannot judge. */
  | { kind: 'script' }
  /** A different document. */
  | { kind: 'other-page'; href: string }
  | { kind: 'none' };

/** Element with this id, or an <a name> (HTML "find a potential indicated element", exact match). */
export function elementForFragment(doc: Document, fragment: string): Element | null {
  if (!fragment) return null;
  const byId = doc.getElementById(fragment);
  if (byId) return byId;
  for (const a of Array.from(doc.querySelectorAll('a[name]'))) {
    if (a.getAttribute('name') === fragment) return a;
  }
  return null;
}

function decodeFragment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Where a link's href takes the user, judged against the page's own URL. */
export function fragmentTargetOf(page: PageArtifacts, rawHref: string | null): FragmentTarget {
  if (rawHref === null) return { kind: 'none' };
  const raw = rawHref.trim();
  if (raw === '') return { kind: 'none' };
  if (/^javascript:/i.test(raw) || /^#!?$/.test(raw)) return { kind: 'script' };
  const doc = documentOf(page);
  if (raw.startsWith('#')) {
    const fragment = decodeFragment(raw.slice(1));
    return { kind: 'in-page', fragment, exists: elementForFragment(doc, fragment) !== null };
  }
  let target: URL;
  let here: URL;
  try {
    here = new URL(page.finalUrl || page.url);
    target = new URL(raw, here);
  } catch {
    return { kind: 'none' };
  }
  const sameDoc = target.origin === here.origin && target.pathname === here.pathname && target.search === here.search;
  if (sameDoc && target.hash.length > 1) {
    const fragment = decodeFragment(target.hash.slice(1));
    return { kind: 'in-page', fragment, exists: elementForFragment(doc, fragment) !== null };
  }
  if (sameDoc) return { kind: 'script' };
  return { kind: 'other-page', href: target.href };
}

/** The browser's record of a DOM anchor (joined by the ref both carry). */
export function linkArtifactFor(page: PageArtifacts, el: Element): LinkArtifact | null {
  return recordOf(page.links, el);
}

/** Where a finding on an anchor points: the browser's selector and snippet of it, else the same made from the DOM. */
export function linkEvidence(page: PageArtifacts, a: Element): { selector: string; snippet: string } {
  const link = linkArtifactFor(page, a);
  return link ? { selector: link.selector, snippet: link.snippet } : { selector: selectorOf(a), snippet: snippetOf(a) };
}

/** False only when the browser reported the link as not visible, or the markup hides it. */
export function isShown(page: PageArtifacts, el: Element): boolean {
  if (hiddenByMarkup(el)) return false;
  if (el.tagName === 'A') return linkArtifactFor(page, el)?.visible !== false;
  return true;
}

/** Cap per page for rules that report one finding per element. */
export const MAX_FINDINGS_PER_PAGE = 50;

/** Keeps the first `max` findings; the last one kept counts the rest in data.moreElements. */
export function capFindings(findings: FindingDraft[], max = MAX_FINDINGS_PER_PAGE): FindingDraft[] {
  if (findings.length <= max) return findings;
  const kept = findings.slice(0, max);
  const last = kept[max - 1]!;
  kept[max - 1] = { ...last, data: { ...last.data, moreElements: findings.length - max } };
  return kept;
}

/** Elements matching `selector` that the markup does not hide (Freego's skip rules), in document order. */
export function shownElements(page: PageArtifacts, selector: string): Element[] {
  return Array.from(documentOf(page).querySelectorAll(selector)).filter((el) => !hiddenByMarkup(el));
}

/** Inline elements: a link inside them is still part of the same run of text. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'NOBR']);

/** The nearest ancestor that is not an inline element (paragraph, list item, cell, div …). */
export function blockOf(el: Element): Element | null {
  let block: Element | null = el.parentElement;
  while (block && INLINE.has(block.tagName)) block = block.parentElement;
  return block;
}

/** Letters or digits: what makes surrounding text "content" (separators such as | ｜ 、 › are not). */
const CONTENT_CHAR = /[\p{L}\p{N}]/u;

/**
 * The text around a link in its block (paragraph, list item, cell …), other links' text left out: a link
 * "with other content before or after it" (網站無障礙規範 HM1240401C) has some; a stand-alone link
 * (HM3240900C) has none.
 */
export function surroundingTextOf(link: Element): string {
  const block = blockOf(link);
  if (!block) return '';
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el === link || el.tagName === 'A' || ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName) || hiddenByMarkup(el)) {
          out += ' ';
          continue;
        }
        // Only the block's own run of text: nested blocks (a sub-list, a nested div) are other content units.
        if (!INLINE.has(el.tagName) && el.tagName !== 'BR') continue;
        walk(el);
        out += ' ';
      }
    }
  };
  walk(block);
  return collapseWhitespace(out);
}

/** True when the link sits in a run of text (HM1240401C applies), false when it stands alone (HM3240900C). */
export function linkInContext(link: Element): boolean {
  return CONTENT_CHAR.test(surroundingTextOf(link));
}

/** The name a link gets from its content: text, then non-empty alt of images, then aria-label. */
export function linkContentName(link: Element): string {
  const alt = Array.from(link.querySelectorAll('img[alt],area[alt],input[type=image][alt]')).map((i) => normalizeText(i.getAttribute('alt') ?? '')).find(Boolean);
  const svg = Array.from(link.querySelectorAll('svg')).map((s) => normalizeText(s.getAttribute('aria-label') ?? s.querySelector('title')?.textContent ?? '')).find(Boolean);
  return normalizeText(visibleTextOf(link)) || alt || svg || normalizeText(link.getAttribute('aria-label') ?? '');
}
