// The site's freshness: its newest credible content date with provenance, and the 0–100 freshness score.
//
// Policy for lastUpdated (documented in the README's "How scores are computed"):
// 1. Content dates — news list items, labelled/visible dates on pages (更新日期, 發布日期, <time>), feed
//    items — and page date meta (DC.Date, article:modified_time, og:updated_time) are the primary evidence.
//    lastUpdated is the NEWEST of them, not the first found: a stale footer must not hide a fresh news item.
// 2. Page-level update stamps — a date in the page's chrome (footer/header/nav: 「更新日期」 lines, "Last
//    Update", a visitor-counter box), or an update line beside a dated news list — say when someone touched the template, not which content is newest
//    (a footer line is often newer than every news item). They never become lastUpdated; the newest one is
//    reported separately as siteUpdated. When the site shows no dated content at all, the stamp is the
//    best evidence the pages give, so lastUpdated falls back on it (before file dates, see 3).
//    Weak dates (a sitemap/feed stamped with one shared date) count only when no other primary date exists.
// 3. HTTP Last-Modified and sitemap lastmod describe files, not content (a redeploy touches every file), so
//    they are fallbacks used only when the pages carry no date at all.
// Auto-generated dates (today's date stamped on every page) never count (site-dates.ts).
// When several sources give the same newest date, provenance follows tw-rules §4: labelled 更新 date >
// labelled 發布 date > news list > other visible date > feed > meta > HTTP header > sitemap.
// All dates are Asia/Taipei calendar dates; ageDays counts whole days to ctx.now's Taipei date.
import type { FreshnessSource, FreshnessSummary, RuleContext, RuleOptions, SiteArtifacts } from '../../core/types.ts';
import { freshnessScoreFromAge } from '../../core/scoring.ts';
import { daysBetween, taipeiDateOf } from './calendar.ts';
import type { DateCandidate } from './extract.ts';
import { collectSiteDates } from './site-dates.ts';

const PRIMARY: ReadonlySet<FreshnessSource> = new Set(['visible-date', 'news-list', 'feed', 'meta']);

/**
 * A page-level update stamp, not a content date: a date in the page chrome (footer, header, navigation)
 * of the start page, or the same one on every sampled page; and, on a page with a dated news list, an
 * 「更新日期」/"Last updated" line outside that list (a sidebar or banner update line says when the page
 * was touched, the list says which content is newest). A chrome date that differs from page to page on
 * inner pages is that page's own 更新日期 (CMS content pages print it in their footer): content.
 */
export function isPageStamp(c: DateCandidate, startUrl: string, pagesWithNews: ReadonlySet<string>): boolean {
  if (c.source !== 'visible-date') return false;
  if (c.region !== 'content') return c.pageUrl === startUrl || Boolean(c.weak);
  return c.labelKind === 'updated' && pagesWithNews.has(c.pageUrl);
}

function provenanceRank(c: DateCandidate): number {
  if (c.source === 'visible-date') return c.labelKind === 'updated' ? 0 : c.labelKind === 'published' ? 1 : 3;
  return { 'news-list': 2, feed: 4, meta: 5, 'http-header': 6, sitemap: 7 }[c.source] ?? 8;
}

/** Newest first; same date: better provenance, then the start page. */
function newest(cands: DateCandidate[], startUrl: string): DateCandidate | null {
  let best: DateCandidate | null = null;
  for (const c of cands) {
    if (!best || compare(c, best, startUrl) < 0) best = c;
  }
  return best;
}

function compare(a: DateCandidate, b: DateCandidate, startUrl: string): number {
  if (a.date !== b.date) return a.date > b.date ? -1 : 1;
  const rank = provenanceRank(a) - provenanceRank(b);
  if (rank !== 0) return rank;
  return Number(b.pageUrl === startUrl) - Number(a.pageUrl === startUrl);
}

const cache = new WeakMap<SiteArtifacts, Map<number, FreshnessSummary>>();

export function computeFreshness(site: SiteArtifacts, ctx: Pick<RuleContext, 'now'>): FreshnessSummary {
  let byNow = cache.get(site);
  if (!byNow) cache.set(site, (byNow = new Map()));
  const key = ctx.now.getTime();
  let summary = byNow.get(key);
  if (!summary) {
    summary = summarize(site, ctx.now);
    byNow.set(key, summary);
  }
  return summary;
}

function summarize(site: SiteArtifacts, now: Date): FreshnessSummary {
  const today = taipeiDateOf(now);
  const { candidates } = collectSiteDates(site, now);
  const pagesWithNews = new Set(candidates.filter((c) => c.source === 'news-list').map((c) => c.pageUrl));
  const stamps = candidates.filter((c) => isPageStamp(c, site.startUrl, pagesWithNews));
  const primary = candidates.filter((c) => PRIMARY.has(c.source) && !stamps.includes(c));
  const stamp = newest(stamps.filter((c) => !c.weak), site.startUrl) ?? newest(stamps, site.startUrl);
  const fallback = candidates.filter((c) => !PRIMARY.has(c.source));
  const chosen =
    newest(primary.filter((c) => !c.weak), site.startUrl) ??
    newest(primary, site.startUrl) ??
    stamp ??
    newest(fallback.filter((c) => !c.weak), site.startUrl) ??
    newest(fallback, site.startUrl);
  // A feed is the news list in machine form: it stands in when no news list was recognised on the pages.
  const news = newest(candidates.filter((c) => c.source === 'news-list'), site.startUrl) ?? newest(candidates.filter((c) => c.source === 'feed' && !c.weak), site.startUrl);
  return {
    lastUpdated: chosen?.date ?? null,
    source: chosen?.source ?? null,
    raw: chosen?.raw ?? null,
    ageDays: chosen ? Math.max(0, daysBetween(chosen.date, today)) : null,
    pageUrl: chosen?.pageUrl ?? null,
    newestNews: news ? { date: news.date, raw: news.raw, pageUrl: news.pageUrl } : null,
    siteUpdated: stamp ? { date: stamp.date, raw: stamp.raw, pageUrl: stamp.pageUrl, ageDays: Math.max(0, daysBetween(stamp.date, today)) } : null,
  };
}

/**
 * Freshness score 0–100 from the age of the newest content date: 100 at ≤ fullMarksDays, 0 at
 * ≥ zeroDays, linear in between (rounded). No date found: 0. (Same formula as core/scoring.ts, which the worker uses.)
 */
export function freshnessScore(summary: FreshnessSummary | null, options: RuleOptions['freshness']): number {
  return freshnessScoreFromAge(summary?.ageDays ?? null, options.fullMarksDays, options.zeroDays);
}

/** Age in whole days of a date relative to ctx.now in Taipei (0 for today or tomorrow). */
export function ageInDays(date: string, now: Date): number {
  return Math.max(0, daysBetween(date, taipeiDateOf(now)));
}
