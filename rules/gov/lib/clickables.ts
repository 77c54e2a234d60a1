// Everything a visitor can click on a page, with every label it carries, so a rule can ask
// "is there a link to the privacy policy?" without caring how the site wrote it.
// Sources: the browser's link list (page.links) plus the server-side DOM for what that list misses —
// image-map <area>, buttons, onclick handlers (legacy sites navigate with location.href), <option>
// entries of "related sites" / language drop-downs, and title/alt attributes.
import type { PageArtifacts, PageRegion } from '../../../core/types.ts';
import { documentOf, selectorOf, snippetOf } from '../../lib/dom.ts';
import { nearWellKnownName } from './names.ts';
import { normalizeHref, normalizeLabel } from './text.ts';

export interface Clickable {
  /** Normalised labels (see normalizeLabel): text, accessible name, title, aria-label, img alts, value. */
  labels: string[];
  /** Normalised target (decoded, lower case); '' when none could be read. */
  href: string;
  hreflang: string | null;
  selector: string;
  snippet: string;
  region: PageRegion | null;
}

export interface ClickableSpec {
  /** Tested against each normalised label. */
  label?: RegExp;
  /** Tested against the normalised href. */
  href?: RegExp;
  /** Well-known names (normalised, see wellKnownNames) a label may carry with one slip (資料開發宣告). */
  names?: string[];
}

const cache = new WeakMap<PageArtifacts, Clickable[]>();

const CLICKABLE_SELECTOR = [
  'a',
  'area',
  'button',
  'input[type=button]',
  'input[type=submit]',
  'input[type=image]',
  'option',
  '[onclick]',
  '[role=link]',
  '[role=button]',
  '[role=menuitem]',
  '[data-href]',
  '[data-url]',
  '[data-link]',
].join(',');

/** A URL written inside an onclick handler: location.href='…', window.open("…"), location='…'. */
function hrefFromScript(js: string | null): string {
  if (!js) return '';
  const m = /(?:location(?:\.href)?\s*=|window\.open\s*\(|location\.(?:assign|replace)\s*\()\s*['"]([^'"]+)['"]/i.exec(js);
  return m ? m[1]! : '';
}

function labelsOf(values: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const n = normalizeLabel(v);
    if (n) out.add(n);
  }
  return [...out];
}

function fromDom(page: PageArtifacts): Clickable[] {
  const doc = documentOf(page);
  const out: Clickable[] = [];
  for (const el of Array.from(doc.querySelectorAll(CLICKABLE_SELECTOR))) {
    const tag = el.tagName.toLowerCase();
    // Icon links: the image's alt, or failing that its title, names the link.
    const alts = Array.from(el.querySelectorAll('img,input[type=image]')).flatMap((im) => [im.getAttribute('alt'), im.getAttribute('title')]);
    const text = tag === 'option' || tag === 'a' || tag === 'button' || el.children.length === 0 ? el.textContent : null;
    // A big container with an onclick would carry the whole page's text; only short labels say what it is.
    const shortText = text && text.length <= 200 ? text : null;
    const href =
      el.getAttribute('href') ||
      el.getAttribute('data-href') ||
      el.getAttribute('data-url') ||
      el.getAttribute('data-link') ||
      hrefFromScript(el.getAttribute('onclick')) ||
      (tag === 'option' ? el.getAttribute('value') || '' : '');
    out.push({
      labels: labelsOf([
        shortText,
        el.getAttribute('title'),
        el.getAttribute('aria-label'),
        el.getAttribute('alt'),
        tag === 'input' ? el.getAttribute('value') : null,
        ...alts,
      ]),
      href: normalizeHref(href),
      hreflang: el.getAttribute('hreflang'),
      selector: selectorOf(el),
      snippet: snippetOf(el),
      region: null,
    });
  }
  return out;
}

/** All clickables of a page, browser-gathered links first (they carry region and selector). */
export function clickablesOf(page: PageArtifacts): Clickable[] {
  let list = cache.get(page);
  if (!list) {
    list = page.links.map((l) => ({
      labels: labelsOf([l.text, l.name, l.title, l.ariaLabel, ...l.imgAlts]),
      href: normalizeHref(l.href || l.rawHref),
      hreflang: l.hreflang,
      selector: l.selector,
      snippet: l.snippet,
      region: l.region,
    }));
    list.push(...fromDom(page));
    cache.set(page, list);
  }
  return list;
}

/**
 * Labels longer than this are headlines or paragraphs (a news item that mentions 隱私), not the name of
 * a policy link; the longest real one seen is "Government Website Open Information Announcement" (44).
 */
export const MAX_LABEL_LENGTH = 60;

export function matchesSpec(c: Clickable, spec: ClickableSpec): boolean {
  if (spec.label && c.labels.some((l) => l.length <= MAX_LABEL_LENGTH && spec.label!.test(l))) return true;
  if (spec.href && c.href && !/^(javascript:|#)/.test(c.href) && spec.href.test(c.href)) return true;
  if (spec.names && c.labels.some((l) => l.length <= MAX_LABEL_LENGTH && nearWellKnownName(l, spec.names!))) return true;
  return false;
}

export function findClickable(page: PageArtifacts, spec: ClickableSpec): Clickable | null {
  return clickablesOf(page).find((c) => matchesSpec(c, spec)) ?? null;
}
