// Content dates of one page with their provenance: news list rows, labelled dates (更新日期, 發布日期,
// Last updated …), short date elements, <time datetime>, date meta tags and the Last-Modified header.
// Decoys are dropped here: dates in <select>/calendar widgets (page-text.ts), law and founding dates in
// prose (an unlabelled date inside a sentence), event/deadline dates (活動日期, 截止日期: label kind 'other').
// Cross-page judgements (a footer date that is today on every page) are made in site-dates.ts.
import type { FreshnessSource, PageArtifacts } from '../../core/types.ts';
import { collapseWhitespace, documentOf } from '../lib/dom.ts';
import { taipeiDateOf, taipeiPartsOf } from './calendar.ts';
import { type DateMatch, type LabelKind, findDates, parseDate } from './dates.ts';
import { type DateRegion, isHeadingLike, PageContext } from './context.ts';
import { elementAt, pageTextOf, textAfterInNode } from './page-text.ts';
import { findSplitDates } from './split-dates.ts';
import { liveRegionOf } from './widgets.ts';

export interface DateCandidate {
  date: string;
  time?: string;
  /** As written, label included when there was one (「更新日期：115年11月2日」). */
  raw: string;
  source: FreshnessSource;
  /** Page the date was found on (feed or sitemap URL for those sources). */
  pageUrl: string;
  label: string | null;
  labelKind: LabelKind | null;
  region: DateRegion;
  /** Site-wide chrome date (same value on every sampled page): a weaker signal. */
  weak?: boolean;
}

/** Meta names and properties (lower case) whose content is a page date. */
const DATE_META = new Set([
  'dc.date', 'dc.date.modified', 'dc.date.created', 'dc.date.issued', 'dc.date.available', 'dcterms.date', 'dcterms.modified', 'dcterms.issued',
  'dcterms.created', 'article:modified_time', 'article:published_time', 'og:updated_time', 'last-modified', 'lastmod', 'last_modified',
  'date', 'pubdate', 'publishdate', 'publish_date', 'revised', 'modified', 'updated', 'dc.modified',
]);
/** Class/id/itemprop tokens of elements that hold a date (span.date, .post-meta, itemprop=datePublished). */
const DATE_CLASS = /date|time|day|update|publish|posted|post-?meta|日期/i;
/** Text right after an unlabelled date that makes it part of a sentence about an event: 「…日公布施行」, 「…日起」. */
const PROSE_AFTER = /^[\s,，、]{0,2}(?:起|前|以前|之前|止|為止|至今|以來|公布|制定|修正|施行|生效|成立|創立|設立|改制|通過|舉行|舉辦|召開|發生|訂定|核定|頒布|頒佈|總統令|令|函|生|逝|開始|結束|截止)/;
/** What may surround a date in an element that is "just a date": weekdays, brackets, punctuation. */
const DATE_DECORATION = /星期[一二三四五六日天]|週[一二三四五六日]|禮拜[一二三四五六日天]|\((?:[一二三四五六日]|mon|tue|wed|thu|fri|sat|sun)\w*\)|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?|[\s\p{P}\p{S}]/giu;

const cache = new WeakMap<PageArtifacts, Map<number, DateCandidate[]>>();

/** Every credible date candidate on one page (before cross-page filtering). Cached per page and `now`. */
export function extractPageDates(page: PageArtifacts, now: Date): DateCandidate[] {
  let byNow = cache.get(page);
  if (!byNow) cache.set(page, (byNow = new Map()));
  let out = byNow.get(now.getTime());
  if (!out) {
    out = [...visibleDates(page, now), ...metaDates(page, now), ...headerDates(page, now)];
    byNow.set(now.getTime(), out);
  }
  return out;
}

function visibleDates(page: PageArtifacts, now: Date): DateCandidate[] {
  if (!page.html) return [];
  const doc = documentOf(page);
  const pt = pageTextOf(page);
  const ctx = new PageContext(page, doc);
  const today = taipeiDateOf(now);
  const nowClock = taipeiPartsOf(now.getTime());
  // Slots are reserved in text order: a news row's place is where its first date was seen.
  const out: (DateCandidate | null)[] = [];
  const positionalRegion = (el: Element, index: number): DateRegion => {
    // Legacy table layouts have no regions: a block with address/phone/copyright/counters is the footer,
    // and so are the last lines of the page; the first lines are its header.
    for (let n: Element | null = el, depth = 0; n && depth < 3 && ctx.textLength(n) <= 600; n = n.parentElement, depth++) {
      if (ctx.isFooterLike(n)) return 'footer';
    }
    if (!pt.hasFooterElement && pt.text.length > 400) {
      if (index > pt.text.length * 0.85) return 'footer';
      if (index < pt.text.length * 0.08) return 'header';
    }
    return 'content';
  };
  const candidate = (m: Pick<DateMatch, 'date' | 'time' | 'labelledRaw' | 'label' | 'labelKind'>, source: FreshnessSource, region: DateRegion): DateCandidate => ({
    date: m.date,
    ...(m.time ? { time: m.time } : {}),
    raw: m.labelledRaw.replace(/\s+/g, ' ').trim(),
    source,
    pageUrl: page.url,
    label: m.label,
    labelKind: m.labelKind,
    region,
  });
  /** A date the page shows because it is today: a clock, a "today is" line, a live ticker. */
  const isTodayWidget = (m: DateMatch, el: Element, before: string): boolean => {
    if (m.date !== today) return false;
    if (TODAY_BEFORE.test(before) || liveRegionOf(el)) return true;
    // A running clock: today's date with a time to the second, minutes away from the scan.
    if (m.time && m.time.length === 8) {
      const [h, mi] = m.time.split(':').map(Number) as [number, number];
      return Math.abs(h * 60 + mi - (nowClock.hour * 60 + nowClock.minute)) <= 10;
    }
    return false;
  };

  // A news row's <time datetime> is its date slot: the row takes that date, not one from its text.
  const rowTimes = new Map<Element, { m: DateMatch; el: Element; region: DateRegion }>();
  const looseTimes: { m: DateMatch; el: Element; region: DateRegion }[] = [];
  for (const el of pt.times) {
    const parsed = parseDate(el.getAttribute('datetime') ?? '', { now, standalone: true });
    if (!parsed) continue;
    const m = { ...parsed, labelledRaw: (el.textContent ?? '').replace(/\s+/g, ' ').trim() || parsed.raw };
    if (isTodayWidget(m, el, '')) continue;
    const region = ctx.regionOf(el) ?? 'content';
    const row = region === 'content' ? ctx.rowOf(el) : null;
    if (row && ctx.isNewsRow(row) && !rowTimes.has(row) && inTitle(el, row, ctx, m.labelledRaw.length, true) === null) rowTimes.set(row, { m, el, region });
    else looseTimes.push({ m, el, region });
  }

  const textMatches = findDates(pt.text, { now, dottedUnlabelled: true });
  const taken = (s: number, e: number) => textMatches.some((m) => m.index < e && m.index + m.raw.length > s);
  const matches: { m: DateMatch; box: Element | null }[] = [
    ...textMatches.map((m) => ({ m, box: null })),
    ...findSplitDates(pt, now, taken).map((d) => ({ m: d.match, box: d.box })),
  ].sort((a, b) => a.m.index - b.m.index);

  const rows = new Map<Element, { slot: number; rank: number }>();
  for (const { m, box } of matches) {
    if (m.labelKind === 'other') continue;
    const el = box ?? elementAt(pt, m.index);
    if (!el) continue;
    const end = m.index + m.raw.length;
    // What surrounds a date within its line (a date box or cell of its own starts a line of its own).
    const before = pt.text.slice(Math.max(0, m.index - 16), m.index).replace(/^[^]*\n/, '');
    const afterWide = pt.text.slice(end, end + 16).replace(/\n[^]*$/, '');
    if (!isUpdateLabel(m) && isPeriodOrDeadline(before, afterWide)) continue;
    if (isTodayWidget(m, el, before)) continue;
    const semantic = ctx.regionOf(el);
    const chrome = semantic === 'nav' || semantic === 'header' || semantic === 'footer';
    const row = chrome ? null : ctx.rowOf(el);
    const after = box ? afterWide.slice(0, 8) : textAfterInNode(pt, end, 8);
    if (row && ctx.isNewsRow(row) && !PROSE_AFTER.test(after)) {
      let pick = rows.get(row);
      if (!pick) {
        rows.set(row, (pick = { slot: out.length, rank: Infinity }));
        out.push(null);
      }
      const timed = rowTimes.get(row);
      if (timed) {
        // The row's <time datetime> wins over any date in its text.
        if (pick.rank > 0) out[pick.slot] = candidate(timed.m, 'news-list', timed.region);
        pick.rank = 0;
        continue;
      }
      // One date per news item: the one in its date slot, else the first outside its title.
      const rank = box ? 0 : slotRank(m, el, row, ctx);
      if (rank !== null && rank < pick.rank) {
        pick.rank = rank;
        out[pick.slot] = candidate(m, 'news-list', semantic ?? 'content');
      }
      continue;
    }
    const region = semantic ?? positionalRegion(el, m.index);
    // A dotted 115.11.02 outside news rows needs a label or an element of its own (versions look alike).
    if (m.label || acceptUnlabelled(m, el, m.form === 'dotted' ? null : row, after, ctx)) out.push(candidate(m, 'visible-date', region));
  }
  // News rows dated only by a <time datetime> whose text did not read as a date (「8 Nov」, split parts).
  for (const [row, t] of rowTimes) if (!rows.has(row)) out.push(candidate(t.m, 'news-list', t.region));
  for (const t of looseTimes) out.push(candidate(t.m, 'visible-date', t.region));
  return out.filter((c): c is DateCandidate => c !== null);
}

/** Text right before a date that says "today": 「今天是」, 「現在時間」, "Today:". */
const TODAY_BEFORE = /(?:今天|今日|現在|目前|系統|today|now|current(?:\s+(?:date|time))?)\s{0,2}(?:是|為|时间|時間|日期|is)?\s{0,2}[:：]?\s{0,2}$/i;
/** A period: a date followed by a range connector and another date or number (自…至…, 11/1~11/30, Nov 1 – Nov 30). */
const RANGE_AFTER =
  /^\s{0,2}(?:[(（][^)）\n]{1,4}[)）]\s{0,2})?(?:[~～〜–—至到迄]|起至|起迄|\s-\s?(?=\d{2,4}[-/.年]\d)|(?:to|until|till|through|thru)\s)\s{0,3}(?:\d|[０-９一二三四五六七八九十〇○]|民國|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** The end of a period or a deadline: 「…至115年11月30日」, 「截止：…」, "until", "starting", "deadline". */
const PERIOD_BEFORE =
  /(?:[\d日號)）]\s{0,2}(?:[~～〜–—-]|\s-)|至|到|迄|自|從|起|截止|期限|期間|報名|受理|\b(?:to|until|till|through|thru|deadline|due|starting|starts?|begins?|beginning|from|since|effective|by|opens?|closes?|closing))\s{0,2}(?:on|at|date)?\s{0,2}[:：]?\s{0,2}$/i;

function isUpdateLabel(m: DateMatch): boolean {
  return m.labelKind === 'updated' || m.labelKind === 'published';
}

/** Whether a date is part of a period (自…至…, ~, –), the end of one, or a start date or deadline. */
function isPeriodOrDeadline(before: string, after: string): boolean {
  return RANGE_AFTER.test(after) || PERIOD_BEFORE.test(before);
}

const BLOCK_CHILD = /^(?:div|p|h[1-6]|ul|ol|dl|section|header|footer|figure|table|img|picture)$/;

/**
 * The link or heading of the row that holds a date of `dateLength` characters together with other text
 * (the item's title), or null. For an element of its own (a <time>), a link wrapping a whole card (its
 * children are blocks: a date box, a heading) is no title sentence.
 */
function inTitle(el: Element, row: Element, ctx: PageContext, dateLength: number, ownElement: boolean): Element | null {
  for (let n: Element | null = el; n && n !== row.parentElement; n = n.parentElement) {
    if ((n.localName === 'a' || isHeadingLike(n)) && ctx.textLength(n) > dateLength + 1) {
      if (ownElement && n !== el && Array.from(n.children).some((c) => BLOCK_CHILD.test(c.localName))) return null;
      return n;
    }
    if (n === row) break;
  }
  return null;
}

/**
 * How well a date in a news row fills the item's date slot: 0 for its own element (a date cell, a
 * span.date, a <time>), 1 for a date elsewhere in the row or leading/closing the title (「[115-11-02] 標題」,
 * 「標題（115-11-02）」), null for a date inside the title text (「115年11月20日記者會紀錄」 is the event's date).
 */
function slotRank(m: DateMatch, el: Element, row: Element, ctx: PageContext): number | null {
  if (isJustDate(m, el)) return 0;
  for (let n: Element | null = el, depth = 0; n && depth < 3; n = n.parentElement, depth++) {
    if (DATE_CLASS.test(`${n.getAttribute('class') ?? ''} ${n.getAttribute('id') ?? ''} ${n.getAttribute('itemprop') ?? ''}`) && ctx.textLength(n) <= 40) return 0;
    if (n === row) break;
  }
  const title = inTitle(el, row, ctx, collapseWhitespace(m.raw).length, false);
  if (!title) return 1;
  const text = collapseWhitespace(title.textContent ?? '');
  const raw = collapseWhitespace(m.raw);
  const i = text.indexOf(raw);
  if (i < 0) return null;
  const head = text.slice(0, i);
  const tail = text.slice(i + raw.length);
  if (/^[\s[【(（<《「‧·•*-]*$/.test(head)) return 1;
  if (/[[【(（]\s*$/.test(head) && /^\s*[\]】)）]?\s*$/.test(tail)) return 1;
  return null;
}

/** The element's whole text is the date and its decorations (weekday, brackets, a time). */
function isJustDate(m: DateMatch, el: Element): boolean {
  const own = collapseWhitespace(el.textContent ?? '');
  return own.length <= 60 && own.replace(collapseWhitespace(m.raw), '').replace(DATE_DECORATION, '').replace(/\d/g, '') === '';
}

/**
 * An unlabelled date counts only when it stands on its own: an element that is just the date
 * (「2026-11-02」, 「115年11月2日（一）」), an element marked as a date (class="date"), or a short list
 * row with a link. Dates inside sentences (「本法於民國九十年一月十七日公布」) are history, not updates.
 */
function acceptUnlabelled(m: DateMatch, el: Element, row: Element | null, after: string, ctx: PageContext): boolean {
  if (PROSE_AFTER.test(after)) return false;
  if (isJustDate(m, el)) return true;
  for (let n: Element | null = el, depth = 0; n && depth < 3; n = n.parentElement, depth++) {
    const marks = `${n.getAttribute('class') ?? ''} ${n.getAttribute('id') ?? ''} ${n.getAttribute('itemprop') ?? ''}`;
    if (DATE_CLASS.test(marks)) return ctx.textLength(n) <= 120;
  }
  return Boolean(row && ctx.textLength(row) <= 200 && ctx.linksIn(row).length > 0);
}

function metaDates(page: PageArtifacts, now: Date): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const meta of page.meta) {
    const key = (meta.name ?? meta.property ?? meta.httpEquiv ?? '').toLowerCase();
    if (!DATE_META.has(key)) continue;
    const m = parseDate(meta.content, { now, standalone: true });
    if (!m) continue;
    const name = meta.name ?? meta.property ?? meta.httpEquiv;
    out.push({ date: m.date, ...(m.time ? { time: m.time } : {}), raw: `${name}: ${meta.content.trim()}`, source: 'meta', pageUrl: page.url, label: name, labelKind: 'date', region: 'content' });
  }
  return out;
}

function headerDates(page: PageArtifacts, now: Date): DateCandidate[] {
  const value = page.headers['last-modified'];
  if (!value) return [];
  const m = parseDate(value, { now, standalone: true });
  if (!m) return [];
  return [{ date: m.date, ...(m.time ? { time: m.time } : {}), raw: `Last-Modified: ${value}`, source: 'http-header', pageUrl: page.url, label: 'Last-Modified', labelKind: 'updated', region: 'content' }];
}
