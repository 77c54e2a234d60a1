// Taiwan national ID numbers (身分證統一編號) and new-style resident certificate numbers
// (新式統一證號, 2021+): a letter for the issuing region, then 1/2 (citizens) or 8/9 (residents),
// then 7 digits and a check digit. Only a number whose check digit is right is treated as an ID,
// so order numbers and product codes that merely look alike are left alone.

/** Letter → two-digit region code (I, O, W … were added later and are out of sequence). */
const LETTER_CODES: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1, 1];

/** A candidate standing alone: not part of a longer run of letters or digits (e.g. SKU AB123456789X). */
export const NATIONAL_ID_CANDIDATE = /(?<![A-Za-z0-9])[A-Z][1289]\d{8}(?![A-Za-z0-9])/g;

export function isValidNationalId(id: string): boolean {
  if (!/^[A-Z][1289]\d{8}$/.test(id)) return false;
  const code = LETTER_CODES[id[0]!]!;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 0; i < 9; i++) sum += Number(id[i + 1]) * WEIGHTS[i]!;
  return sum % 10 === 0;
}

/** A12****789: enough to find it on the page, not enough to reuse it. */
export function maskNationalId(id: string): string {
  return `${id.slice(0, 3)}****${id.slice(-3)}`;
}

export interface NationalIdHit {
  id: string;
  masked: string;
  /** Surrounding text with the number masked, for evidence. */
  context: string;
}

/** Distinct checksum-valid IDs in a text (expected NFKC-normalised, so full-width digits count). */
export function findNationalIds(text: string): NationalIdHit[] {
  const seen = new Map<string, NationalIdHit>();
  for (const m of text.matchAll(NATIONAL_ID_CANDIDATE)) {
    const id = m[0];
    if (seen.has(id) || !isValidNationalId(id)) continue;
    const start = Math.max(0, m.index! - 20);
    const end = Math.min(text.length, m.index! + id.length + 20);
    const context = text.slice(start, end).replace(NATIONAL_ID_CANDIDATE, (s) => maskNationalId(s)).replace(/\s+/g, ' ').trim();
    seen.set(id, { id, masked: maskNationalId(id), context });
  }
  return [...seen.values()];
}
