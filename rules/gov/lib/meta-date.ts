// Is a DC.Date value a date? The 詮釋資料規範 examples use "2007-11-09" and "2010-10-13 00:00"; real
// sites also write W3CDTF with a zone, .NET's "2024/11/27 下午 03:00:00", and ROC years (115-11-27,
// 民國115年11月27日). This only validates; turning dates into ages belongs to the freshness rules.

const TIME_TAIL = String.raw`(?:[T ]+(?:上午|下午|am|pm)?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm|z|[+-]\d{2}:?\d{2})?)?`;
const GREGORIAN = new RegExp(String.raw`^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2})${TIME_TAIL})?)?$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const ROC_NUMERIC = new RegExp(String.raw`^(?:中華民國|民國)?\s*(\d{2,3})([-/.])(\d{1,2})\2(\d{1,2})${TIME_TAIL}$`, 'i');
/** 115年11月27日 (ROC) or 2026年11月27日 (Gregorian). */
const YEAR_MONTH_DAY_WORDS = /^(?:中華民國|民國)?\s*(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
/** RFC 2822 / HTTP dates: Wed, 27 Nov 2026 10:00:00 GMT. */
const RFC_DATE = /^(?:[a-z]{3},?\s*)?\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/i;

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidMetaDate(raw: string): boolean {
  const s = raw.normalize('NFKC').trim();
  let m = GREGORIAN.exec(s);
  if (m) {
    const year = Number(m[1]);
    if (year < 1900 || year > 2200) return false;
    if (!m[3]) return true;
    const month = Number(m[3]);
    if (!m[4]) return month >= 1 && month <= 12;
    return validDay(year, month, Number(m[4]));
  }
  m = COMPACT.exec(s);
  if (m) return Number(m[1]) >= 1900 && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ROC_NUMERIC.exec(s);
  if (m) return Number(m[1]) >= 1 && validDay(Number(m[1]) + 1911, Number(m[3]), Number(m[4]));
  m = YEAR_MONTH_DAY_WORDS.exec(s);
  if (m) {
    const year = Number(m[1]);
    if (year < 1 || (year > 300 && year < 1900)) return false;
    return validDay(year >= 1900 ? year : year + 1911, Number(m[2]), Number(m[3]));
  }
  return RFC_DATE.test(s) && !Number.isNaN(Date.parse(s));
}
