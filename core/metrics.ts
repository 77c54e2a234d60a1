// Site metrics (contract `metrics`) and the performance score.
//
// Lighthouse runs on a few sampled pages (mobile, simulated throttling): where it ran, its lab
// values are the site's numbers, the median across those pages. Where it did not run (or failed),
// the cheap vitals gathered on every page during the ordinary load stand in — the median across
// pages. Total blocking time only exists in Lighthouse (it needs the throttled trace).
import type { LighthouseSlim, PageVitals, SiteMetrics } from './types.ts';

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const round = (v: number | null, digits = 0): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** Lighthouse runs that produced numbers (a runtime error means the page never loaded properly). */
export function usableRuns(lighthouse: LighthouseSlim[]): LighthouseSlim[] {
  return lighthouse.filter((r) => !r.runtimeError);
}

function categoryScore(lighthouse: LighthouseSlim[], key: keyof LighthouseSlim['scores']): number | null {
  const m = median(usableRuns(lighthouse).map((r) => r.scores[key]).filter(isNumber));
  return m === null ? null : Math.round(m * 100);
}

/**
 * Performance score 0–100: Lighthouse's performance score of the sampled pages it ran on (median
 * when several), × 100, rounded. null when Lighthouse did not run or every run failed.
 */
export function performanceScore(lighthouse: LighthouseSlim[]): number | null {
  return categoryScore(lighthouse, 'performance');
}

type LabMetric = 'lcpMs' | 'cls' | 'fcpMs' | 'transferBytes';

function labOrField(pages: { vitals: PageVitals }[], lighthouse: LighthouseSlim[], key: LabMetric): number | null {
  const lab = median(usableRuns(lighthouse).map((r) => r.metrics[key]).filter(isNumber));
  if (lab !== null) return lab;
  return median(pages.map((p) => p.vitals?.[key]).filter(isNumber));
}

export function siteMetrics(pages: { vitals: PageVitals }[], lighthouse: LighthouseSlim[]): SiteMetrics {
  const runs = usableRuns(lighthouse);
  const metrics: SiteMetrics = {
    lcpMs: round(labOrField(pages, lighthouse, 'lcpMs')),
    cls: round(labOrField(pages, lighthouse, 'cls'), 4),
    tbtMs: round(median(runs.map((r) => r.metrics.tbtMs).filter(isNumber))),
    fcpMs: round(labOrField(pages, lighthouse, 'fcpMs')),
    transferBytes: round(labOrField(pages, lighthouse, 'transferBytes')),
    performanceScore: performanceScore(lighthouse),
    requestCount: round(median(pages.map((p) => p.vitals?.requestCount).filter(isNumber))),
  };
  if (runs.length) {
    metrics.speedIndexMs = round(median(runs.map((r) => r.metrics.speedIndexMs).filter(isNumber)));
    // How many pages the lab values come from (0 = every number is from the cheap vitals).
    metrics.lighthousePages = runs.length;
  }
  // Lighthouse's other category scores, when the run collected them. govcheck's accessibility
  // score of record stays its own (axe-core on every page); this one is for comparison only.
  const extra = { lighthouseAccessibility: 'accessibility', lighthouseBestPractices: 'best-practices', lighthouseSeo: 'seo' } as const;
  for (const [name, key] of Object.entries(extra)) {
    const score = categoryScore(lighthouse, key);
    if (score !== null) metrics[name] = score;
  }
  return metrics;
}
