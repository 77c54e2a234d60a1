// Date parser for Taiwanese government pages (research/tw-rules.md §4).
// Finds every date in a text: ROC years (民國 115 年 11 月 2 日, 115/11/2, 115-11-02, 民國前1年), Gregorian
// (2026-11-02, 2026年11月2日, Nov 2, 2026, 2 November 2026, ISO with time and zone), Chinese numerals
// (一百十五年十一月二日, 二〇二六年…), full-width digits, 上午/下午 times. All dates are Asia/Taipei calendar
// dates. Ambiguous forms need a label: dotted 115.11.02 (versions, IPs) and compact 1150523 (counts, ids).
// Pure: the caller passes `now`; nothing reads the clock.
import { addDays, isValidDate, pad2, taipeiDateOf, taipeiPartsOf, ymd } from './calendar.ts';
import { CHINESE_NUMERAL_CHARS as CN, parseNumeral } from './chinese-numerals.ts';
import { labelBefore, type LabelKind } from './labels.ts';

export type { LabelKind } from './labels.ts';
export type DateKind = 'roc' | 'gregorian';
/** cjk: 年月日; numeric: 115/11/2, 2026-11-02; dotted: 115.11.02; compact: 1150523; english: Nov 2, 2026. */
export type DateForm = 'cjk' | 'numeric' | 'dotted' | 'compact' | 'english';

export interface DateMatch {
  /** Gregorian calendar date in Asia/Taipei. */
  date: string;
  /** Taipei wall-clock time 'HH:MM' or 'HH:MM:SS' when the text gave one. */
  time?: string;
  /** The date (and time) exactly as written. */
  raw: string;
  /** Offset of raw in the input. */
  index: number;
  /** The label right before the date (更新日期, Last updated …), or null. */
  label: string | null;
  labelKind: LabelKind | null;
  /** Label and date as written, e.g. 「更新日期：115年11月2日」 (raw when unlabelled). */
  labelledRaw: string;
  kind: DateKind;
  form: DateForm;
}

export interface DateParseOptions {
  /** Reference instant: dates more than one day after it (in Taipei) are rejected. */
  now: Date;
  /** The text is a single value (meta content, sitemap lastmod, feed date): dotted and compact forms need no label. */
  standalone?: boolean;
  /** Also return unlabelled dotted dates (form 'dotted'); the caller decides by context (e.g. a news list row). */
  dottedUnlabelled?: boolean;
}

/** Earliest year for forms that say they are dates (年月日, month names, a label). */
const MIN_YEAR = 1800;
/** Earliest year for bare numeric forms, where older "dates" are mostly numbers that look like dates. */
const MIN_YEAR_BARE = 1990;

/** The length-preserving part of NFKC that matters here: full-width ASCII (１１５／１１, ：) and the ideographic space. */
export function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** An English month name or abbreviation, alone. */
export const MONTH_NAME = new RegExp(`^(?:${MONTHS})$`, 'i');
/** Month number by the name's first three letters, lower case. */
export const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

const CJK_DATE = new RegExp(
  String.raw`(?:((?:中華)?民國)\s{0,2}(前)?\s{0,2})?(?<![\d${CN}])(\d{1,4}|[${CN}]{1,7})\s{0,2}年\s{0,2}(\d{1,2}|[${CN}]{1,3})\s{0,2}月\s{0,2}(\d{1,2}|[${CN}]{1,4})(?:\s{0,2}([日號号]))?`,
  'g',
);
const NUMERIC_DATE = /(?<![\d./-])(\d{2,4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d|[-/.]\d)/g;
const COMPACT_DATE = /(?<![\d.])(\d{3}|\d{4})(\d{2})(\d{2})(?![\d.])/g;
const EN_MDY = new RegExp(String.raw`\b(${MONTHS})\.?\s{1,2}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,2}(\d{4})(?!\d)`, 'gi');
const EN_DMY = new RegExp(String.raw`(?<![\d.])(\d{1,2})(?:st|nd|rd|th)?(?:\s{1,2}|-)(${MONTHS})\.?,?(?:\s{1,2}|-)(\d{4})(?!\d)`, 'gi');

/** A time right after a date: optional weekday 「(一)」, 'T' or spaces, 上午/下午/AM/PM before or after, optional zone. */
const TIME_AFTER =
  /^(?:\s{0,2}[(（][^)）\n]{1,4}[)）])?(?:T|\s{1,3})(?:(上午|下午|AM|PM|a\.m\.|p\.m\.)\s{0,2})?(\d{1,2})(?::|時|点|點)(\d{2})(?:(?::|分)(\d{2})(?:\.\d{1,6})?秒?)?分?(?:\s{0,2}(上午|下午|AM|PM|a\.m\.|p\.m\.))?(?:\s{0,2}(Z|GMT|UTC|[+-]\d{2}:?\d{2}))?/i;

/** Words that make a numeric match a count or an article number, not a date: 第12-1-3條. */
const ARTICLE_BEFORE = /第\s{0,2}$/;
const ARTICLE_AFTER = /^\s{0,2}[條条款項项點点號号]/;

interface RawHit {
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
  kind: DateKind;
  form: DateForm;
  /** Whether the text itself says "this is a date" (年月日, month name), so old years are plausible. */
  explicit: boolean;
}

/** Every date in `input`, in text order. */
export function findDates(input: string, opts: DateParseOptions): DateMatch[] {
  const text = foldWidth(input);
  const latest = addDays(taipeiDateOf(opts.now), 1);
  const hits = [...cjkHits(text), ...numericHits(text), ...compactHits(text), ...englishHits(text)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const out: DateMatch[] = [];
  let coveredTo = -1;
  for (const hit of hits) {
    if (hit.start < coveredTo) continue;
    const match = accept(hit, text, input, latest, opts);
    if (match) {
      out.push(match);
      coveredTo = match.index + match.raw.length;
    }
  }
  return out;
}

/** The first date in a single string (a meta value, a table cell, a feed date), or null. */
export function parseDate(input: string, opts: DateParseOptions): DateMatch | null {
  return findDates(input, opts)[0] ?? null;
}

function accept(hit: RawHit, text: string, input: string, latest: string, opts: DateParseOptions): DateMatch | null {
  const label = labelBefore(text, hit.start);
  const labelled = label !== null;
  if (hit.form === 'compact' && !labelled && !opts.standalone) return null;
  if (hit.form === 'dotted' && !labelled && !opts.standalone && !opts.dottedUnlabelled) return null;
  if (hit.form === 'numeric' || hit.form === 'dotted' || hit.form === 'compact') {
    if (ARTICLE_BEFORE.test(text.slice(Math.max(0, hit.start - 4), hit.start)) || ARTICLE_AFTER.test(text.slice(hit.end, hit.end + 4))) return null;
  }
  const minYear = hit.explicit || labelled ? MIN_YEAR : MIN_YEAR_BARE;
  if (hit.year < minYear || !isValidDate(hit.year, hit.month, hit.day)) return null;

  let date = ymd(hit.year, hit.month, hit.day);
  let time: string | undefined;
  let end = hit.end;
  const t = TIME_AFTER.exec(text.slice(end, end + 48));
  if (t) {
    const clock = readClock(t);
    if (clock) {
      end += t[0].length;
      if (clock.zoneMinutes === null) time = clock.text;
      else {
        // A zone was given (ISO Z/+00:00, HTTP "GMT"): convert the instant to the Taipei calendar.
        const ms = Date.UTC(hit.year, hit.month - 1, hit.day, clock.hour, clock.minute, clock.second) - clock.zoneMinutes * 60_000;
        const p = taipeiPartsOf(ms);
        date = p.date;
        time = clock.hasSeconds ? `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}` : `${pad2(p.hour)}:${pad2(p.minute)}`;
      }
    }
  }
  if (date > latest) return null;
  const raw = input.slice(hit.start, end);
  return {
    date,
    ...(time ? { time } : {}),
    raw,
    index: hit.start,
    label: label?.text ?? null,
    labelKind: label?.kind ?? null,
    labelledRaw: label ? input.slice(label.index, end) : raw,
    kind: hit.kind,
    form: hit.form,
  };
}

function readClock(t: RegExpExecArray): { hour: number; minute: number; second: number; hasSeconds: boolean; text: string; zoneMinutes: number | null } | null {
  let hour = Number(t[2]);
  const minute = Number(t[3]);
  const second = t[4] ? Number(t[4]) : 0;
  const meridiem = (t[1] ?? t[5] ?? '').toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem === '下午' || meridiem === 'pm';
    hour = pm ? (hour === 12 ? 12 : hour + 12) : hour === 12 ? 0 : hour;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const text = t[4] ? `${pad2(hour)}:${pad2(minute)}:${pad2(second)}` : `${pad2(hour)}:${pad2(minute)}`;
  return { hour, minute, second, hasSeconds: Boolean(t[4]), text, zoneMinutes: zoneOffsetMinutes(t[6]) };
}

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (!zone) return null;
  if (/^(z|gmt|utc)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Year rule (tw-rules §4): 民國 N → N + 1911; 民國前 N → 1912 − N; otherwise 2–3 digits are ROC and
 * 4 digits Gregorian. A lone digit needs 民國 (「5年3月」 is a duration more often than a date).
 */
function resolveYear(yearText: string, roc: boolean, before: boolean): { year: number; kind: DateKind } | null {
  const value = parseNumeral(yearText);
  if (value === null) return null;
  if (before) return value >= 1 ? { year: 1912 - value, kind: 'roc' } : null;
  if (roc) return value >= 1 && value <= 999 ? { year: value + 1911, kind: 'roc' } : null;
  if (/^\d+$/.test(yearText)) {
    if (yearText.length === 4) return yearText[0] === '0' ? null : { year: value, kind: 'gregorian' };
    if (yearText.length >= 2 && value >= 1) return { year: value + 1911, kind: 'roc' };
    return null;
  }
  if (value >= 1000) return { year: value, kind: 'gregorian' };
  if (value >= 10) return { year: value + 1911, kind: 'roc' };
  return null;
}

function* cjkHits(text: string): Generator<RawHit> {
  for (const m of text.matchAll(CJK_DATE)) {
    const [whole, prefix, before, y, mo, d, suffix] = m;
    const numeralDay = !/^\d+$/.test(d!);
    if (!suffix && (numeralDay || /\d/.test(text[m.index + whole.length] ?? ''))) continue;
    const year = resolveYear(y!, Boolean(prefix), Boolean(before));
    const month = parseNumeral(mo!);
    const day = parseNumeral(d!);
    if (!year || month === null || day === null) continue;
    yield { start: m.index, end: m.index + whole.length, ...year, month, day, form: 'cjk', explicit: true };
  }
}

function* numericHits(text: string): Generator<RawHit> {
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [whole, y, sep, mo, d] = m;
    const year = resolveYear(y!, false, false);
    if (!year) continue;
    yield { start: m.index, end: m.index + whole.length, ...year, month: Number(mo), day: Number(d), form: sep === '.' ? 'dotted' : 'numeric', explicit: false };
  }
}

function* compactHits(text: string): Generator<RawHit> {
  for (const m of text.matchAll(COMPACT_DATE)) {
    const [whole, y, mo, d] = m;
    // 3-digit years are ROC (1150523); 4-digit years Gregorian (20261102).
    const year = y!.length === 3 ? (y![0] === '0' || y![0] === '1' ? { year: Number(y) + 1911, kind: 'roc' as const } : null) : resolveYear(y!, false, false);
    if (!year) continue;
    yield { start: m.index, end: m.index + whole.length, ...year, month: Number(mo), day: Number(d), form: 'compact', explicit: false };
  }
}

function* englishHits(text: string): Generator<RawHit> {
  for (const m of text.matchAll(EN_MDY)) {
    yield englishHit(m, m[1]!, m[2]!, m[3]!);
  }
  for (const m of text.matchAll(EN_DMY)) {
    yield englishHit(m, m[2]!, m[1]!, m[3]!);
  }
}

function englishHit(m: RegExpMatchArray, month: string, day: string, year: string): RawHit {
  return {
    start: m.index!,
    end: m.index! + m[0].length,
    year: Number(year),
    month: MONTH_INDEX[month.slice(0, 3).toLowerCase()]!,
    day: Number(day),
    kind: 'gregorian',
    form: 'english',
    explicit: true,
  };
}
