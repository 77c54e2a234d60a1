// PLACEHOLDER (lead) until the Lighthouse helper writes the real module: keep signatures.
import type { LighthouseSlim, PageVitals, SiteMetrics } from './types.ts';
export function performanceScore(lighthouse: LighthouseSlim[]): number | null {
  const s = lighthouse.map((l) => l.scores.performance).filter((x): x is number => typeof x === 'number');
  return s.length ? Math.round(s[0] * 100) : null;
}
export function siteMetrics(pages: { vitals: PageVitals }[], lighthouse: LighthouseSlim[]): SiteMetrics {
  const v = pages[0]?.vitals;
  return { lcpMs: v?.lcpMs ?? null, cls: v?.cls ?? null, tbtMs: null, fcpMs: v?.fcpMs ?? null, transferBytes: v?.transferBytes ?? null, performanceScore: performanceScore(lighthouse) };
}
