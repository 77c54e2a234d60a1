// The real-markup corpus (corpus/real/manifest.json): Taiwanese government home-page markup from public
// sources, each page labelled by hand with what the engine should produce. Shared by `npm run corpus`
// (scores the engine), `npm run corpus:fetch` (rebuilds pages that are not in the repository) and the
// corpus tests. Pages whose licence does not allow copying are not committed: they live in the cache
// folder (corpus/real/pages, git-ignored, or $GOVCHECK_REAL_CORPUS) and are skipped by the scoring
// when absent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../core/config.ts';
import type { SiteResult } from '../../core/types.ts';
import type { CheckOptions } from '../../worker/site-checker.ts';

export const MANIFEST_PATH = fileURLToPath(new URL('../../corpus/real/manifest.json', import.meta.url));
/** Where fetched pages live: $GOVCHECK_REAL_CORPUS, else corpus/real/pages (git-ignored). */
export const PAGES_ROOT = process.env.GOVCHECK_REAL_CORPUS || fileURLToPath(new URL('../../corpus/real/pages/', import.meta.url));

/** Rule ids the labels speak for, in report order. */
export const LABELLED_RULES = [
  'tw/guide-bricks',
  'tw/skip-link',
  'gov/privacy-policy',
  'gov/security-policy',
  'gov/open-data-declaration',
  'gov/contact-info',
  'gov/site-search',
  'gov/english-version',
  'gov/mobile-viewport',
] as const;
export type LabelledRule = (typeof LABELLED_RULES)[number];
export type Outcome = 'pass' | 'fail';

export interface PageLabels {
  /** 導盲磚 present on the page: each key with the brick's target (null = no usable target). */
  bricks: { keys: string[]; footerKey: string | null; targetsOk: boolean; duplicates: boolean };
  /** A skip link is the first Tab stop and its target exists. */
  skipLink: { present: boolean; first: boolean; works: boolean; text: string | null };
  privacy: boolean;
  security: boolean;
  openData: boolean;
  /** Address + phone (or a contact page link) in the page. */
  contact: boolean;
  /** A search form or a link to the site's own search page. */
  search: boolean;
  /** A link to an English version (or, on an English page, the page is that version). */
  english: boolean;
  /** `<meta name=viewport content="width=device-width…">` and a responsive template. */
  viewport: boolean;
  /** Newest content date from the news list's date slot (YYYY-MM-DD), null when the page has none. */
  newestDate: string | null;
  /** Expected rule outcomes derived from the facts above (see expectedOutcomes), overridable per rule. */
  expect?: Partial<Record<LabelledRule, Outcome>>;
  /** Why a label is what it is, where a reader might doubt it. */
  notes?: string;
}

export interface CorpusPage {
  id: string;
  agency: string;
  originalUrl: string;
  lang: 'zh' | 'en';
  /**
   * 'vendor-template': the CMS vendor's front-end markup delivered for the site (placeholder content);
   * 'site-source': the site's own deployed source (a static site published from its repository).
   */
  kind: 'vendor-template' | 'saved-page' | 'site-source';
  /** Who made the front-end (the CMS vendor or developer), for per-vendor figures. */
  vendor: string;
  source: { repo: string; path: string; commit: string; url: string };
  captureDate: string;
  /** The reference date for the check (`--now`): the day the markup was captured. */
  fetchDate: string;
  licence: { status: 'copyable' | 'not-copyable'; committed: boolean; terms: string; evidence: string };
  labels: PageLabels;
  /** Part of the small subset the vitest test runs. */
  subset?: boolean;
  /** Labels changed after the first engine run, each with the reason found by re-reading the markup. */
  labelCorrections?: string[];
  /**
   * Where the engine disagrees today, by rule id (or 'date'), with the defect class; the subset test
   * asserts every other labelled outcome, so a regression fails while a fix does not.
   */
  known?: Partial<Record<LabelledRule | 'date', string>>;
}

export function loadManifest(path = MANIFEST_PATH): CorpusPage[] {
  return JSON.parse(readFileSync(path, 'utf8')).pages as CorpusPage[];
}

/** The page's file under the pages root (pages/<id>/<path>), or null when it has not been fetched. */
export function pageFile(p: CorpusPage, root = PAGES_ROOT): string | null {
  const f = join(root, p.id, p.source.path);
  return existsSync(f) ? f : null;
}

export function pageUrlPath(p: CorpusPage): string {
  return `/${p.id}/${p.source.path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The rule outcomes a careful reader expects from the labels. */
export function expectedOutcomes(l: PageLabels): Record<LabelledRule, Outcome> {
  const b = l.bricks;
  // A missing footer brick (any key: Z, F, B …) is its own minor finding of the rule (issue 10), so the
  // rule fails on it too; what it must not do is demand Z when F or B is there.
  const bricksOk = b.keys.includes('U') && b.keys.includes('C') && b.footerKey !== null && b.targetsOk && !b.duplicates;
  const base: Record<LabelledRule, Outcome> = {
    'tw/guide-bricks': bricksOk ? 'pass' : 'fail',
    'tw/skip-link': l.skipLink.present && l.skipLink.first && l.skipLink.works ? 'pass' : 'fail',
    'gov/privacy-policy': l.privacy ? 'pass' : 'fail',
    'gov/security-policy': l.security ? 'pass' : 'fail',
    'gov/open-data-declaration': l.openData ? 'pass' : 'fail',
    'gov/contact-info': l.contact ? 'pass' : 'fail',
    'gov/site-search': l.search ? 'pass' : 'fail',
    'gov/english-version': l.english ? 'pass' : 'fail',
    'gov/mobile-viewport': l.viewport ? 'pass' : 'fail',
  };
  return { ...base, ...(l.expect ?? {}) };
}

export function checkOptionsFor(p: CorpusPage): CheckOptions {
  return {
    categories: ['governance', 'freshness'],
    maxPages: 1,
    now: new Date(`${p.fetchDate}T12:00:00+08:00`),
    allowPrivate: true,
    // Generous limits: the corpus runs on machines shared with other work, and a timeout is no finding.
    config: { ...defaultConfig(), timeouts: { ...defaultConfig().timeouts, navigationMs: 60_000, pageMs: 240_000 } },
    lang: 'en',
    loopbackOnly: true,
    skipProbes: true,
  };
}

export interface RuleVerdict {
  rule: LabelledRule;
  expected: Outcome;
  /** The engine's outcome on the page; 'inapplicable' or 'missing' count as disagreement. */
  engine: 'pass' | 'fail' | 'inapplicable' | 'missing';
  agree: boolean;
  message?: string;
}

export interface PageScore {
  id: string;
  status: string;
  error: string | null;
  rules: RuleVerdict[];
  expectedDate: string | null;
  engineDate: string | null;
  engineDateRaw: string | null;
  dateExact: boolean;
}

/** The engine's newest content date for the page: the freshness summary's date (YYYY-MM-DD). */
export function engineDateOf(result: SiteResult): { date: string | null; raw: string | null } {
  const f = result.freshness;
  if (!f?.lastUpdated) return { date: null, raw: null };
  // Only dates read from the page itself count (HTTP headers and sitemaps are not page content).
  if (f.source === 'http-header' || f.source === 'sitemap') return { date: null, raw: f.raw };
  return { date: f.lastUpdated.slice(0, 10), raw: f.raw };
}

export function scorePage(p: CorpusPage, result: SiteResult): PageScore {
  const expected = expectedOutcomes(p.labels);
  const page = result.pages[0];
  const rules: RuleVerdict[] = LABELLED_RULES.map((rule) => {
    const o = result.outcomes.find((x) => x.rule === rule);
    const engine = o ? o.outcome : 'missing';
    const finding = page?.findings.find((f) => f.rule === rule);
    return { rule, expected: expected[rule], engine, agree: engine === expected[rule], ...(finding ? { message: finding.message } : {}) };
  });
  const { date, raw } = engineDateOf(result);
  return {
    id: p.id,
    status: result.status,
    error: result.error,
    rules,
    expectedDate: p.labels.newestDate,
    engineDate: date,
    engineDateRaw: raw,
    dateExact: date === p.labels.newestDate,
  };
}

export interface Tally {
  perRule: Record<string, { agree: number; total: number }>;
  rulesAgree: number;
  rulesTotal: number;
  datesExact: number;
  datesTotal: number;
}

export function tally(scores: PageScore[]): Tally {
  const perRule: Tally['perRule'] = {};
  let rulesAgree = 0;
  let rulesTotal = 0;
  for (const s of scores) {
    for (const v of s.rules) {
      const t = (perRule[v.rule] ??= { agree: 0, total: 0 });
      t.total++;
      rulesTotal++;
      if (v.agree) {
        t.agree++;
        rulesAgree++;
      }
    }
  }
  return { perRule, rulesAgree, rulesTotal, datesExact: scores.filter((s) => s.dateExact).length, datesTotal: scores.length };
}

export function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`;
}
