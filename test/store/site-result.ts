// SiteResult builders for store, scheduler and report tests: state only what the test cares about.
import type { Category, Finding, PageResult, SiteResult, SiteStatus } from '../../core/types.ts';

export const ALL_CATEGORIES: Category[] = ['accessibility', 'performance', 'freshness', 'governance', 'security'];

export function finding(rule: string, overrides: Partial<Finding> = {}): Finding {
  const selector = overrides.selector === undefined ? `#${rule.replace(/\W/g, '-')}` : overrides.selector;
  return {
    rule,
    category: (overrides.category ?? (rule.startsWith('axe/') || rule.startsWith('tw/') ? 'accessibility' : rule.split('/')[0] === 'gov' ? 'governance' : rule.split('/')[0])) as Category,
    severity: 'serious',
    wcag: [],
    selector,
    snippet: '<img src="x.png">',
    message: `${rule} failed`,
    help: null,
    fingerprint: `${rule}|${selector ?? ''}|/`,
    ...overrides,
  };
}

export function page(url: string, findings: Finding[] = [], overrides: Partial<PageResult> = {}): PageResult {
  return {
    url,
    finalUrl: url,
    httpStatus: 200,
    sampledBecause: 'start',
    title: 'page',
    findings,
    needsReview: [],
    vitals: { lcpMs: 1200, cls: 0.01, fcpMs: 800, ttfbMs: 100, domContentLoadedMs: 900, loadMs: 1300, transferBytes: 100_000, requestCount: 12 },
    timings: { navigationMs: 500, settleMs: 100, axeMs: 300, gatherMs: 200, totalMs: 1100 },
    accessibilityScore: 90,
    error: null,
    ...overrides,
  };
}

export function siteResult(url: string, opts: { overall?: number | null; status?: SiteStatus; pages?: PageResult[]; categories?: Category[]; scores?: Partial<SiteResult['scores']>; error?: string } = {}): SiteResult {
  const status = opts.status ?? 'ok';
  const ok = status === 'ok';
  const overall = opts.overall === undefined ? 80 : opts.overall;
  return {
    url,
    status,
    error: ok ? null : (opts.error ?? `${status} while loading`),
    failureKind: ok ? null : status === 'blocked' ? 'blocked' : status === 'timeout' ? 'timeout' : status === 'unreachable' ? 'refused' : 'error',
    finalUrl: ok ? url : null,
    scores: ok
      ? { accessibility: overall, performance: overall, freshness: overall, governance: overall, security: overall, overall, ...opts.scores }
      : { accessibility: null, performance: null, freshness: null, governance: null, security: null, overall: null },
    freshness: ok ? { lastUpdated: '2026-11-01', source: 'visible-date', raw: '更新日期：115年11月1日', ageDays: 26 } : null,
    metrics: { lcpMs: 1500, cls: 0.02, tbtMs: 100, fcpMs: 900, transferBytes: 500_000, performanceScore: overall },
    pages: ok ? (opts.pages ?? [page(url)]) : [],
    outcomes: [{ rule: 'gov/privacy-policy', category: 'governance', severity: 'serious', outcome: 'pass', failedPages: 0, applicablePages: 1 }],
    budgets: [],
    lighthouse: [],
    engines: { govcheck: '0.1.0', 'axe-core': '4.14.1', lighthouse: null, chromium: '140.0', ruleset: '2026.11.1' },
    categories: opts.categories ?? ALL_CATEGORIES,
    startedAt: '2026-11-27T00:00:00.000Z',
    finishedAt: '2026-11-27T00:00:05.000Z',
    durationMs: 5000,
    skippedPages: [],
  };
}
