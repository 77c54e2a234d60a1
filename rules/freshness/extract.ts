// Content dates of one page with their provenance: news list rows, labelled dates (更新日期, 發布日期,
// Last updated …), short date elements, <time datetime>, date meta tags and the Last-Modified header.
// Decoys are dropped here: dates in <select>/calendar widgets (page-text.ts), law and founding dates in
// prose (an unlabelled date inside a sentence), event/deadline dates (活動日期, 截止日期: label kind 'other').
// Cross-page judgements (a footer date that is today on every page) are made in site-dates.ts.
import type { FreshnessSource, PageArtifacts } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { type DateMatch, type LabelKind, findDates, parseDate } from './dates.ts';
import { type DateRegion, PageContext } from './context.ts';
import { elementAt, pageTextOf, textAfterInNode } from './page-text.ts';

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
  const out: DateCandidate[] = [];
  const datedRows = new Set<Element>();
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
  const push = (m: Pick<DateMatch, 'date' | 'time' | 'labelledRaw' | 'label' | 'labelKind'>, source: FreshnessSource, region: DateRegion) => {
    out.push({
      date: m.date,
      ...(m.time ? { time: m.time } : {}),
      raw: m.labelledRaw.replace(/\s+/g, ' ').trim(),
      source,
      pageUrl: page.url,
      label: m.label,
      labelKind: m.labelKind,
      region,
    });
  };

  for (const m of findDates(pt.text, { now, dottedUnlabelled: true })) {
    if (m.labelKind === 'other') continue;
    const el = elementAt(pt, m.index);
    if (!el) continue;
    const semantic = ctx.regionOf(el);
    const chrome = semantic === 'nav' || semantic === 'header' || semantic === 'footer';
    const row = chrome ? null : ctx.rowOf(el);
    const after = textAfterInNode(pt, m.index + m.raw.length, 8);
    if (row && ctx.isNewsRow(row) && !PROSE_AFTER.test(after)) {
      const region = semantic ?? 'content';
      // One date per news item: the first one (publication date) wins over a later 截止/更新 date.
      if (!datedRows.has(row)) {
        datedRows.add(row);
        push(m, 'news-list', region);
      }
      continue;
    }
    const region = semantic ?? positionalRegion(el, m.index);
    // A dotted 115.11.02 outside news rows needs a label or an element of its own (versions look alike).
    if (m.label || acceptUnlabelled(m, el, m.form === 'dotted' ? null : row, after, ctx)) push(m, 'visible-date', region);
  }

  for (const el of pt.times) {
    const m = parseDate(el.getAttribute('datetime') ?? '', { now, standalone: true });
    if (!m) continue;
    const region = ctx.regionOf(el) ?? 'content';
    const row = region === 'content' ? ctx.rowOf(el) : null;
    const shown = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const dated = { ...m, labelledRaw: shown || m.raw };
    if (row && ctx.isNewsRow(row)) {
      if (!datedRows.has(row)) {
        datedRows.add(row);
        push(dated, 'news-list', region);
      }
    } else push(dated, 'visible-date', region);
  }
  return out;
}

/**
 * An unlabelled date counts only when it stands on its own: an element that is just the date
 * (「2026-11-02」, 「115年11月2日（一）」), an element marked as a date (class="date"), or a short list
 * row with a link. Dates inside sentences (「本法於民國九十年一月十七日公布」) are history, not updates.
 */
function acceptUnlabelled(m: DateMatch, el: Element, row: Element | null, after: string, ctx: PageContext): boolean {
  if (PROSE_AFTER.test(after)) return false;
  const own = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (own.replace(m.raw, '').replace(DATE_DECORATION, '').replace(/\d/g, '') === '' && own.length <= 60) return true;
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
