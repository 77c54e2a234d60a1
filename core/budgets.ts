// Budgets from the --config file, checked against a finished SiteResult. A violated budget makes
// `govcheck check` exit 1 (the CLI lists every result with its measured value and limit).
//
// Semantics:
// - A budget without `url` is on the site as a whole: its metrics are the site's contract metrics
//   (core/metrics.ts), its scores the site's category scores.
// - A budget with `url` (glob, '*' wildcard) is on every sampled page whose URL matches: each page
//   is measured on its own (Lighthouse's numbers where Lighthouse ran on that page, else the page's
//   cheap vitals). Its `scores` apply when the site's start URL matches (scores are per site).
// - A value that was not measured (category not run, TBT without Lighthouse) does not fail the
//   budget: it is listed with `measured: null`, so a CI author can see it was not checked.
import type { BudgetSpec } from './config.ts';
import { urlMatches } from './config.ts';
import type { BudgetResult, Category, LighthouseSlim, PageResult, SiteResult } from './types.ts';

const METRICS = ['lcpMs', 'cls', 'tbtMs', 'fcpMs', 'transferBytes'] as const;
type BudgetMetric = (typeof METRICS)[number];
type Measured = Record<BudgetMetric, number | null>;

function label(index: number, spec: BudgetSpec, what: string): string {
  return `budgets[${index}]${spec.url ? ` (${spec.url})` : ''}: ${what}`;
}

function metricResults(index: number, spec: BudgetSpec, measured: Measured, url: string | null): BudgetResult[] {
  const out: BudgetResult[] = [];
  for (const metric of METRICS) {
    const limit = spec[metric];
    if (limit === undefined) continue;
    const value = measured[metric];
    out.push({ budget: label(index, spec, `${metric} ≤ ${limit}`), metric, url, limit, measured: value, passed: value === null || value <= limit, operator: '≤' });
  }
  return out;
}

function scoreResults(index: number, spec: BudgetSpec, site: SiteResult): BudgetResult[] {
  return Object.entries(spec.scores ?? {}).map(([category, limit]) => {
    const value = site.scores[category as Category | 'overall'] ?? null;
    return {
      budget: label(index, spec, `scores.${category} ≥ ${limit}`),
      metric: `scores.${category}`,
      url: null,
      limit: limit as number,
      measured: value,
      passed: value === null || value >= (limit as number),
      operator: '≥' as const,
    };
  });
}

function lighthouseFor(page: PageResult, lighthouse: LighthouseSlim[]): LighthouseSlim | undefined {
  return lighthouse.find((l) => !l.runtimeError && (l.url === page.url || l.url === page.finalUrl || (l.finalUrl !== null && l.finalUrl === page.finalUrl)));
}

/** One page's numbers: Lighthouse's lab values where it ran on the page, else the cheap vitals. */
export function pageMeasurements(page: PageResult, lighthouse: LighthouseSlim[]): Measured {
  const lh = lighthouseFor(page, lighthouse)?.metrics;
  const v = page.vitals;
  return {
    lcpMs: lh?.lcpMs ?? v?.lcpMs ?? null,
    cls: lh?.cls ?? v?.cls ?? null,
    tbtMs: lh?.tbtMs ?? null,
    fcpMs: lh?.fcpMs ?? v?.fcpMs ?? null,
    transferBytes: lh?.transferBytes ?? v?.transferBytes ?? null,
  };
}

export function evaluateBudgets(site: SiteResult, budgets: BudgetSpec[]): BudgetResult[] {
  // A site that could not be checked has no numbers; the CLI reports it with exit status 3 instead.
  if (site.status !== 'ok') return [];
  const out: BudgetResult[] = [];
  budgets.forEach((spec, index) => {
    if (!spec.url) {
      const m = site.metrics;
      out.push(...metricResults(index, spec, { lcpMs: m.lcpMs, cls: m.cls, tbtMs: m.tbtMs, fcpMs: m.fcpMs, transferBytes: m.transferBytes }, null));
      out.push(...scoreResults(index, spec, site));
      return;
    }
    const pattern = spec.url;
    if ([site.url, site.finalUrl].some((u) => u && urlMatches(pattern, u))) out.push(...scoreResults(index, spec, site));
    for (const page of site.pages) {
      if (page.error && page.httpStatus === null) continue;
      if (!urlMatches(pattern, page.url) && !urlMatches(pattern, page.finalUrl)) continue;
      out.push(...metricResults(index, spec, pageMeasurements(page, site.lighthouse), page.url));
    }
  });
  return out;
}
