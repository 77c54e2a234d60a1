// All date candidates of a site, after the judgements that need more than one page or source:
// - auto-generated stamps: a chrome date (footer/header 更新日期, date meta, Last-Modified) that equals the
//   scan date on every sampled page carrying one is the server's clock, not an edit (tw-rules rule 36): dropped;
// - site-wide chrome: the same footer date on every sampled page (≥ 2 pages), not today: kept, marked weak;
// - sitemap lastmod / feed dates that are one shared value: a generation stamp (today: dropped; else weak).
import type { PageArtifacts, SiteArtifacts } from '../../core/types.ts';
import { taipeiDateOf } from './calendar.ts';
import { parseDate } from './dates.ts';
import { type DateCandidate, extractPageDates } from './extract.ts';

export interface DiscardedDate extends DateCandidate {
  reason: 'auto-generated';
}

export interface SiteDates {
  candidates: DateCandidate[];
  discarded: DiscardedDate[];
}

type Group = 'chrome' | 'meta' | 'http-header';

/** Which cross-page group a page candidate belongs to; news rows and in-content labelled dates have none. */
function groupOf(c: DateCandidate): Group | null {
  if (c.source === 'meta') return 'meta';
  if (c.source === 'http-header') return 'http-header';
  if (c.source === 'visible-date' && (c.region === 'footer' || c.region === 'header' || c.region === 'nav')) return 'chrome';
  return null;
}

const isPageWithContent = (p: PageArtifacts) => Boolean(p.html) && (p.httpStatus === null || p.httpStatus < 400);

export function collectSiteDates(site: SiteArtifacts, now: Date): SiteDates {
  const today = taipeiDateOf(now);
  const pages = site.pages.filter(isPageWithContent);
  const perPage = pages.map((p) => extractPageDates(p, now));
  const candidates: DateCandidate[] = [];
  const discarded: DiscardedDate[] = [];

  // For each group: the pages that carry any date of it, and per date the pages that carry that date.
  const carriers = new Map<Group, number>();
  const pagesWith = new Map<string, number>();
  const visiblePagesWith = new Map<string, number>();
  perPage.forEach((cands) => {
    const groups = new Set<Group>();
    const keys = new Set<string>();
    const visible = new Set<string>();
    for (const c of cands) {
      const g = groupOf(c);
      if (g) {
        groups.add(g);
        keys.add(`${g}|${c.date}`);
      }
      if (c.source === 'visible-date') visible.add(`${c.label ?? ''}|${c.date}`);
    }
    for (const g of groups) carriers.set(g, (carriers.get(g) ?? 0) + 1);
    for (const k of keys) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
    for (const k of visible) visiblePagesWith.set(k, (visiblePagesWith.get(k) ?? 0) + 1);
  });

  for (const c of perPage.flat()) {
    const g = groupOf(c);
    const onEveryCarrier = g !== null && pagesWith.get(`${g}|${c.date}`) === carriers.get(g);
    if (g && c.date === today && onEveryCarrier) {
      discarded.push({ ...c, reason: 'auto-generated' });
      continue;
    }
    // The same labelled date on every sampled page is template chrome even where no footer was recognised.
    const siteWide = pages.length >= 2 && c.source === 'visible-date' && visiblePagesWith.get(`${c.label ?? ''}|${c.date}`) === pages.length;
    if (siteWide && c.date === today) {
      discarded.push({ ...c, reason: 'auto-generated' });
      continue;
    }
    candidates.push(siteWide ? { ...c, weak: true } : c);
  }

  const listSources: { source: 'sitemap' | 'feed'; url: string; items: { raw: string; value: string }[] }[] = [];
  if (site.sitemap) {
    listSources.push({
      source: 'sitemap',
      url: site.sitemap.url,
      items: site.sitemap.entries.flatMap((e) => (e.lastmod ? [{ raw: `lastmod ${e.lastmod} (${e.loc})`, value: e.lastmod }] : [])),
    });
  }
  for (const feed of site.feeds) {
    listSources.push({ source: 'feed', url: feed.url, items: feed.items.flatMap((i) => (i.date ? [{ raw: `${i.date} ${i.title}`.trim(), value: i.date }] : [])) });
  }
  for (const list of listSources) {
    const dated = list.items.flatMap((item) => {
      const m = parseDate(item.value, { now, standalone: true });
      return m ? [{ date: m.date, ...(m.time ? { time: m.time } : {}), raw: item.raw, source: list.source, pageUrl: list.url, label: null, labelKind: null, region: 'content' as const }] : [];
    });
    const shared = dated.length > 0 && dated.every((d) => d.date === dated[0]!.date);
    // One item can legitimately be today's; one value stamped on many entries is the generator's clock.
    const stamp = shared && (list.source === 'sitemap' || dated.length >= 2);
    for (const d of dated) {
      if (stamp && d.date === today) discarded.push({ ...d, reason: 'auto-generated' });
      else candidates.push(stamp && dated.length >= 2 ? { ...d, weak: true } : d);
    }
  }
  return { candidates, discarded };
}
