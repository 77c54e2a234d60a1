// Dates split across elements: a news card's date box (<div class="date"><span>2026</span><span>11</span>
// <span>02</span></div>, <span class="day">02</span><span class="month">Nov 2026</span>, <p class="date"><b>02</b>
// 2026.11</p>) or a <time> whose year, month and day are child elements. The box's pieces are read in order
// with their children joined, and each number gets its role from its unit (年/月/日), a month name, its
// element's class (year/month/day), its size (4 digits: a year; 1xx: an ROC year) and its position.
// A box that cannot be read without guessing (02 / 11 / 2026 with nothing to tell day from month) gives no date.
import { addDays, isValidDate, taipeiDateOf, ymd } from './calendar.ts';
import { type DateMatch, foldWidth } from './dates.ts';
import { labelBefore } from './labels.ts';
import type { PageText } from './page-text.ts';

export interface SplitDate {
  match: DateMatch;
  /** The element holding the whole date. */
  box: Element;
}

const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MONTH_NAME = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
/** Words and marks around a date that carry no part of it: weekdays, times, 民國, 上午/下午. */
const NOISE = /星期[一二三四五六日天]|週[一二三四五六日]|禮拜[一二三四五六日天]|[(（][一二三四五六日][)）]|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?|上午|下午|\b[ap]\.?m\.?(?=\s|$)|\d{1,2}:\d{2}(?::\d{2})?|(?:中華)?民國/gi;
const TOKEN = /(\d+)\s*([年月日號号])?|([A-Za-z]+)\.?|([-./])|([\s,，、|()[\]（）【】]+)|(.)/gsu;
const HINTS: [Role, RegExp][] = [
  ['year', /^(?:y|yy|yyyy|year|years|yr)$/i],
  ['month', /^(?:m|mm|mon|month|months|mth)$/i],
  ['day', /^(?:d|dd|day|days)$/i],
];
/** Containers a date box never is (a table row "2026 | 11 | 25" is statistics, not a date). */
const NOT_A_BOX = new Set(['body', 'html', 'main', 'table', 'tbody', 'thead', 'tr', 'ul', 'ol', 'dl', 'select', 'nav', 'header', 'footer', 'section', 'article', 'form']);
const MAX_BOX_TEXT = 40;

type Role = 'year' | 'month' | 'day';

interface Component {
  value: number;
  digits: number;
  role: Role | null;
  /** Pieces (text nodes) and whitespace split parts; "2026.11" is one part. */
  part: number;
  explicit: boolean;
}

/** Text pieces of an element in document order (text nodes, trimmed, non-empty); null past `limit` characters. */
function piecesOf(el: Element, limit = Infinity): { text: string; parent: Element }[] | null {
  const out: { text: string; parent: Element }[] = [];
  let length = 0;
  const visit = (n: Element): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const text = ((c as Text).data ?? '').replace(/\s+/g, ' ').trim();
        if (!text) continue;
        out.push({ text, parent: n });
        if ((length += text.length + 1) > limit) return false;
      } else if (c.nodeType === 1) {
        const tag = (c as Element).localName;
        if (tag !== 'script' && tag !== 'style' && tag !== 'template' && !visit(c as Element)) return false;
      }
    }
    return true;
  };
  return visit(el) ? out : null;
}

function hintOf(el: Element, box: Element): Role | null {
  for (let n: Element | null = el; n && n !== box; n = n.parentElement) {
    const tokens = (n.getAttribute('class') ?? '').split(/[\s_-]+/).filter(Boolean);
    for (const [role, re] of HINTS) if (tokens.some((t) => re.test(t))) return role;
  }
  return null;
}

/** The date components of a text, or null when it holds anything but a date. */
function componentsOf(text: string, hint: Role | null, firstPart: number, out: Component[]): number | null {
  let part = firstPart;
  const clean = foldWidth(text).replace(NOISE, ' ');
  for (const m of clean.matchAll(TOKEN)) {
    const [, num, unit, word, , space, other] = m;
    if (other) return null;
    if (space) {
      part++;
      continue;
    }
    if (num) {
      if (num.length > 4) return null;
      const role: Role | null = unit === '年' ? 'year' : unit === '月' ? 'month' : unit ? 'day' : null;
      out.push({ value: Number(num), digits: num.length, role: role ?? hint, part, explicit: Boolean(unit) });
    } else if (word) {
      if (!MONTH_NAME.test(word)) return null;
      out.push({ value: MONTH_INDEX[word.slice(0, 3).toLowerCase()]!, digits: 0, role: 'month', part, explicit: true });
    }
  }
  return part + 1;
}

function readBox(box: Element, roc: boolean): { year: number; month: number; day: number; explicit: boolean; named: boolean; units: boolean; roc: boolean } | null {
  const comps: Component[] = [];
  let part = 0;
  for (const p of piecesOf(box) ?? []) {
    const hint = hintOf(p.parent, box);
    const next = componentsOf(p.text, hint, part, comps);
    if (next === null) return null;
    part = next;
  }
  if (comps.length !== 3) return null;
  for (const c of comps) if (!c.role && c.digits === 4) c.role = 'year';
  if (!comps.some((c) => c.role === 'year')) {
    const roc3 = comps.filter((c) => !c.role && (c.digits === 3 || (roc && c.digits === 2)) && c.value >= 1 && c.value <= 199);
    if (roc3.length === 1) roc3[0]!.role = 'year';
  }
  const year = comps.filter((c) => c.role === 'year');
  if (year.length !== 1 || comps.filter((c) => c.role === 'month').length > 1 || comps.filter((c) => c.role === 'day').length > 1) return null;
  const y = year[0]!;
  const free = comps.filter((c) => !c.role);
  const missing = (['month', 'day'] as Role[]).filter((r) => !comps.some((c) => c.role === r));
  if (free.length !== missing.length) return null;
  if (free.length === 1) free[0]!.role = missing[0]!;
  else if (free.length === 2) {
    const [a, b] = free as [Component, Component];
    const order = (month: Component, day: Component) => {
      month.role = 'month';
      day.role = 'day';
    };
    if (a.part === b.part) a.value > 12 ? order(b, a) : order(a, b); // 11/02 (month/day)
    else if (a.part === y.part) order(a, b); // 2026.11 + 02
    else if (b.part === y.part) order(b, a); // 02 + 2026.11
    else if (y.part < a.part) order(a, b); // 2026 11 02
    else if (a.value > 12) order(b, a); // 25 11 2026
    else if (b.value > 12) order(a, b); // 11 25 2026
    else return null; // 02 11 2026: day/month cannot be told apart
  }
  const get = (r: Role) => comps.find((c) => c.role === r)!.value;
  const units = comps.some((c) => c.explicit && c.digits > 0);
  const named = comps.some((c) => c.digits === 0);
  const yearValue = y.digits === 4 ? y.value : y.value + 1911;
  if (y.digits !== 4 && (y.value < 1 || y.value > 199)) return null;
  return { year: yearValue, month: get('month'), day: get('day'), explicit: units || named, named, units, roc: y.digits !== 4 };
}

/**
 * Dates whose parts sit in separate elements, found by climbing from short date-like text pieces to the
 * largest small ancestor (≤ 40 characters, ≥ 2 pieces) that holds nothing but a date. `taken` says
 * whether the single-string parser already read a date in that stretch of the page text.
 */
export function findSplitDates(pt: PageText, now: Date, taken: (start: number, end: number) => boolean): SplitDate[] {
  const out: SplitDate[] = [];
  const seen = new Set<Element>();
  const latest = addDays(taipeiDateOf(now), 1);
  const n = pt.starts.length;
  for (let i = 0; i < n; i++) {
    const piece = pt.text.slice(pt.starts[i], pt.starts[i + 1] ?? pt.text.length).trim();
    if (!piece || piece.length > 16 || !/\d/.test(piece)) continue;
    let box: Element | null = null;
    for (let el: Element | null = pt.elements[i]!, depth = 0; el && depth < 4; el = el.parentElement, depth++) {
      if (NOT_A_BOX.has(el.localName)) break;
      const pieces = piecesOf(el, MAX_BOX_TEXT);
      if (!pieces) break;
      const joined = pieces.map((p) => p.text).join(' ');
      const comps: Component[] = [];
      if (componentsOf(joined, null, 0, comps) === null || comps.length > 3) break;
      if (pieces.length >= 2 && comps.length === 3) box = el;
    }
    if (!box || seen.has(box)) continue;
    seen.add(box);
    let j = i;
    while (j + 1 < n && box.contains(pt.elements[j + 1]!)) j++;
    const start = pt.starts[i]!;
    const end = start + pt.text.slice(start, pt.starts[j + 1] ?? pt.text.length).trimEnd().length;
    if (taken(start, end)) continue;
    const read = readBox(box, /民國/.test(box.textContent ?? ''));
    if (!read || read.year < (read.explicit ? 1800 : 1990) || !isValidDate(read.year, read.month, read.day)) continue;
    const date = ymd(read.year, read.month, read.day);
    if (date > latest) continue;
    const from = Math.max(0, start - 28);
    const label = labelBefore(foldWidth(pt.text.slice(from, start)), start - from);
    const raw = pt.text.slice(start, end).replace(/\s+/g, ' ');
    out.push({
      box,
      match: {
        date,
        raw,
        index: start,
        label: label?.text ?? null,
        labelKind: label?.kind ?? null,
        labelledRaw: label ? pt.text.slice(from + label.index, end) : raw,
        kind: read.roc ? 'roc' : 'gregorian',
        form: read.named ? 'english' : read.units ? 'cjk' : 'numeric',
      },
    });
  }
  return out;
}
