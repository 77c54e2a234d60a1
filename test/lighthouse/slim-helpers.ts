// Builders for Lighthouse slim records and site results in unit tests.
import type { LighthouseSlim, PageResult, PageVitals, SiteResult } from '../../core/types.ts';

type Audit = LighthouseSlim['failingAudits'][number];

export function slim(url: string, over: { performance?: number | null; metrics?: Partial<LighthouseSlim['metrics']>; audits?: Partial<Audit>[]; runtimeError?: string; scores?: LighthouseSlim['scores'] } = {}): LighthouseSlim {
  return {
    url,
    finalUrl: url,
    formFactor: 'mobile',
    lighthouseVersion: '12.2.3',
    benchmarkIndex: 1000,
    runtimeError: over.runtimeError ?? null,
    scores: over.scores ?? { performance: over.performance === undefined ? 0.9 : over.performance },
    metrics: { lcpMs: 2000, cls: 0.01, tbtMs: 100, fcpMs: 1000, speedIndexMs: 1500, ttiMs: 3000, transferBytes: 500_000, ...over.metrics },
    failingAudits: (over.audits ?? []).map((a) => ({
      id: 'unused-javascript',
      title: 'Reduce unused JavaScript',
      score: 0,
      displayValue: null,
      savingsMs: null,
      savingsBytes: null,
      ...a,
    })),
    durationMs: 7000,
    runs: 1,
  };
}

export const noVitals = (): PageVitals => ({ lcpMs: null, cls: null, fcpMs: null, ttfbMs: null, domContentLoadedMs: null, loadMs: null, transferBytes: null, requestCount: null });

export function pageResult(url: string, vitals: Partial<PageVitals> = {}): PageResult {
  return {
    url,
    finalUrl: url,
    httpStatus: 200,
    sampledBecause: 'start',
    title: '',
    findings: [],
    needsReview: [],
    vitals: { ...noVitals(), ...vitals },
    timings: { navigationMs: 0, settleMs: 0, axeMs: 0, gatherMs: 0, totalMs: 0 },
    accessibilityScore: null,
    error: null,
  };
}

export function siteResult(over: Partial<SiteResult> = {}): SiteResult {
  const url = over.url ?? 'https://www.example.gov.tw/';
  return {
    url,
    status: 'ok',
    error: null,
    failureKind: null,
    finalUrl: url,
    scores: { accessibility: 90, performance: 70, freshness: 100, governance: 80, security: 90, overall: 85 },
    freshness: null,
    metrics: { lcpMs: 2000, cls: 0.05, tbtMs: 300, fcpMs: 1000, transferBytes: 900_000, performanceScore: 70 },
    pages: [pageResult(url)],
    outcomes: [],
    budgets: [],
    lighthouse: [],
    engines: { govcheck: '0.1.0', 'axe-core': '4.14.1', lighthouse: '12.2.3', chromium: null, ruleset: 'x' },
    categories: ['accessibility', 'performance', 'freshness', 'governance', 'security'],
    startedAt: '2026-11-27T00:00:00.000Z',
    finishedAt: '2026-11-27T00:00:10.000Z',
    durationMs: 10_000,
    skippedPages: [],
    ...over,
  };
}
