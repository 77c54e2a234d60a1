// Well-known link names with a one-character slip. Real footers misspell them (資料開發宣告 for
// 資料開放宣告, 隱私權證策 for 隱私權政策) and a visitor still reads the name; so a label names a well-known
// link when some part of it is within one edit (insert, delete, substitute) of the name. Only names of
// MIN_FUZZY_LENGTH characters or more are matched this way: shorter words are too close to each other.
import { normalizeLabel } from './text.ts';

export const MIN_FUZZY_LENGTH = 5;

/**
 * Smallest edit distance between `name` and any substring of `text` (Sellers' algorithm), stopping
 * early once it cannot be at most `max`. O(|name|·|text|): labels are short (≤ 60 characters).
 */
export function substringEditDistance(name: string, text: string, max = 1): number {
  const n = [...name];
  const t = [...text];
  // prev[j]: distance of name[0..i) against a substring of text ending at j (free start: row 0 is all 0).
  let prev = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= n.length; i++) {
    const cur = new Array<number>(t.length + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= t.length; j++) {
      const cost = n[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j - 1]! + cost, prev[j]! + 1, cur[j - 1]! + 1);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return Math.min(...prev);
}

/** Normalised names, ready for matching (see normalizeLabel). */
export function wellKnownNames(names: string[]): string[] {
  return names.map(normalizeLabel).filter((n) => [...n].length >= MIN_FUZZY_LENGTH);
}

/** A normalised label names one of the (normalised) well-known names, allowing one slip. */
export function nearWellKnownName(label: string, names: string[]): boolean {
  return names.some((name) => substringEditDistance(name, label) <= 1);
}
