// Text normalisation for matching labels on government sites.
// Real markup writes the same label many ways: 臺/台, full-width letters and spaces (ＰＲＩＶＡＣＹ, 　),
// words split over spans or lines ("隱私權 政策"), zero-width characters from CMS editors.
// Patterns in rules/gov are written against the normalised form: lower case, 台 (never 臺), no whitespace.
import { normalizeText } from '../../lib/dom.ts';

const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;

/** A label reduced for matching: NFKC, lower case, 臺→台, every space (incl. full-width) removed. */
export function normalizeLabel(s: string | null | undefined): string {
  if (!s) return '';
  return s.normalize('NFKC').replace(INVISIBLE, '').replace(/臺/g, '台').toLowerCase().replace(/\s+/g, '');
}

/** Running text for matching: NFKC, 臺→台, whitespace collapsed to single spaces (case kept). */
export function normalizeProse(s: string | null | undefined): string {
  if (!s) return '';
  return normalizeText(s.replace(INVISIBLE, '')).replace(/臺/g, '台');
}

/** href with percent-escapes decoded (Chinese paths such as /%E9%9A%B1%E7%A7%81) and lower-cased. */
export function normalizeHref(href: string | null | undefined): string {
  if (!href) return '';
  let h = href;
  try {
    h = decodeURI(href);
  } catch {
    // a malformed escape: match the raw form
  }
  return h.normalize('NFKC').replace(/臺/g, '台').toLowerCase();
}
