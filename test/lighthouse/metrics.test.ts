import { describe, expect, it } from 'vitest';
import { median, performanceScore, siteMetrics } from '../../core/metrics.ts';
import { noVitals, slim } from './slim-helpers.ts';

const page = (v: Partial<ReturnType<typeof noVitals>>) => ({ vitals: { ...noVitals(), ...v } });

describe('performanceScore', () => {
  it('is null without Lighthouse or when every run failed', () => {
    expect(performanceScore([])).toBeNull();
    expect(performanceScore([slim('https://a/', { runtimeError: 'NO_FCP: x', performance: null })])).toBeNull();
  });
  it('is the median performance score × 100, rounded, ignoring failed runs', () => {
    expect(performanceScore([slim('https://a/', { performance: 0.634 })])).toBe(63);
    expect(performanceScore([slim('https://a/', { performance: 0.5 }), slim('https://a/b', { performance: 0.9 }), slim('https://a/c', { performance: 0.7 })])).toBe(70);
    expect(performanceScore([slim('https://a/', { performance: 0.5 }), slim('https://a/b', { performance: 0.8 })])).toBe(65);
    expect(performanceScore([slim('https://a/', { performance: 0.8 }), slim('https://a/x', { runtimeError: 'ERRORED_DOCUMENT_REQUEST: 500', performance: 0 })])).toBe(80);
  });
});

describe('siteMetrics', () => {
  it('takes Lighthouse values (median across pages) when Lighthouse ran', () => {
    const m = siteMetrics(
      [page({ lcpMs: 900, cls: 0.5, fcpMs: 300, transferBytes: 10, requestCount: 7 })],
      [slim('https://a/', { performance: 0.6, metrics: { lcpMs: 4000, cls: 0.2, tbtMs: 600, fcpMs: 2000, transferBytes: 900_000 } }), slim('https://a/b', { performance: 0.8, metrics: { lcpMs: 3000, cls: 0.1, tbtMs: 200, fcpMs: 1000, transferBytes: 500_000 } })],
    );
    expect(m).toMatchObject({ lcpMs: 3500, cls: 0.15, tbtMs: 400, fcpMs: 1500, transferBytes: 700_000, performanceScore: 70, requestCount: 7, lighthousePages: 2 });
  });
  it('falls back to the cheap per-page vitals without Lighthouse; TBT stays null', () => {
    const m = siteMetrics([page({ lcpMs: 1200, cls: 0.02, fcpMs: 500, transferBytes: 100_000, requestCount: 10 }), page({ lcpMs: 2000, cls: 0.3, fcpMs: 700, transferBytes: 300_000, requestCount: 20 }), page({ lcpMs: 1600 })], []);
    expect(m).toMatchObject({ lcpMs: 1600, cls: 0.16, tbtMs: null, fcpMs: 600, transferBytes: 200_000, performanceScore: null, requestCount: 15 });
    expect(m.lighthousePages).toBeUndefined();
  });
  it('falls back per metric when the Lighthouse run failed', () => {
    const m = siteMetrics([page({ lcpMs: 1000, cls: 0 })], [slim('https://a/', { runtimeError: 'NO_FCP: x', performance: null, metrics: { lcpMs: null, cls: null, tbtMs: null, fcpMs: null, transferBytes: null } })]);
    expect(m).toMatchObject({ lcpMs: 1000, cls: 0, tbtMs: null, performanceScore: null });
  });
  it("reports Lighthouse's other category scores only when collected", () => {
    const only = siteMetrics([], [slim('https://a/', { performance: 0.9 })]);
    expect(only.lighthouseAccessibility).toBeUndefined();
    const all = siteMetrics([], [slim('https://a/', { scores: { performance: 0.9, accessibility: 0.87, 'best-practices': 1, seo: 0.92 } })]);
    expect(all).toMatchObject({ lighthouseAccessibility: 87, lighthouseBestPractices: 100, lighthouseSeo: 92, performanceScore: 90 });
  });
  it('is all null with nothing measured', () => {
    expect(siteMetrics([], [])).toMatchObject({ lcpMs: null, cls: null, tbtMs: null, fcpMs: null, transferBytes: null, performanceScore: null });
  });
});

describe('median', () => {
  it('handles odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
