// Chinese numerals as used in formal ROC dates: positional (一百十五, 二十三, 廿三) or digit by digit (一一五, 二〇二六).

export const CHINESE_NUMERAL_CHARS = '〇○零一二兩三四五六七八九十百千廿卅';

const DIGITS: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const UNITS: Record<string, number> = { '十': 10, '百': 100, '千': 1000 };

/** ASCII digits or Chinese numerals → number; null when the text is not a well-formed numeral. */
export function parseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text) return null;
  if (!/[十百千廿卅]/.test(text)) {
    let out = 0;
    for (const ch of text) {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      out = out * 10 + d;
    }
    return out;
  }
  let total = 0;
  let pending: number | null = null;
  for (const ch of text) {
    if (ch === '廿' || ch === '卅') {
      if (pending !== null) return null;
      total += ch === '廿' ? 20 : 30;
    } else if (ch in UNITS) {
      total += (pending ?? 1) * UNITS[ch]!;
      pending = null;
    } else if (ch in DIGITS) {
      if (pending !== null && DIGITS[ch] !== 0) return null; // 一二百: not a number
      pending = DIGITS[ch] === 0 ? null : DIGITS[ch]!;
    } else return null;
  }
  return total + (pending ?? 0);
}
