import { describe, expect, it } from 'vitest';
import { evaluateBudgets } from '../../core/budgets.ts';
import { parseConfig } from '../../core/config.ts';
import { pageResult, siteResult, slim } from './slim-helpers.ts';

const budgets = (json: unknown) => parseConfig({ budgets: json }).budgets;

describe('evaluateBudgets', () => {
  it('checks site metrics and category scores for a budget without url', () => {
    const site = siteResult();
    const results = evaluateBudgets(site, budgets([{ lcpMs: 2500, tbtMs: 200, scores: { accessibility: 90, performance: 80 } }]));
    expect(results.map((r) => [r.metric, r.measured, r.limit, r.passed, r.url])).toEqual([
      ['lcpMs', 2000, 2500, true, null],
      ['tbtMs', 300, 200, false, null],
      ['scores.accessibility', 90, 90, true, null],
      ['scores.performance', 70, 80, false, null],
    ]);
    expect(results[1].budget).toBe('budgets[0]: tbtMs ≤ 200');
    expect(results[1].operator).toBe('≤');
    expect(results[3].operator).toBe('≥');
  });

  it('passes when every limit holds', () => {
    const results = evaluateBudgets(siteResult(), budgets([{ lcpMs: 4000, cls: 0.1, transferBytes: 1_000_000, fcpMs: 1800, scores: { overall: 80 } }]));
    expect(results).toHaveLength(5);
    expect(results.every((r) => r.passed)).toBe(true);
  });

  it('lists a value that was not measured without failing it', () => {
    const site = siteResult({ metrics: { lcpMs: 1000, cls: 0, tbtMs: null, fcpMs: 500, transferBytes: 1, performanceScore: null }, scores: { ...siteResult().scores, performance: null } });
    const results = evaluateBudgets(site, budgets([{ tbtMs: 100, scores: { performance: 90 } }]));
    expect(results.map((r) => [r.measured, r.passed])).toEqual([
      [null, true],
      [null, true],
    ]);
  });

  it('checks every matching page with its own numbers for a budget with a url pattern', () => {
    const start = 'https://www.example.gov.tw/';
    const news = 'https://www.example.gov.tw/news/list.aspx';
    const about = 'https://www.example.gov.tw/about.html';
    const site = siteResult({
      pages: [pageResult(start, { lcpMs: 1000, transferBytes: 100_000 }), pageResult(news, { lcpMs: 5000, transferBytes: 3_000_000 }), pageResult(about, { lcpMs: 9000 })],
      // Lighthouse ran on the news page: its lab numbers win over the page's cheap vitals.
      lighthouse: [slim(start), slim(news, { metrics: { lcpMs: 3000, tbtMs: 900, transferBytes: 2_500_000 } })],
    });
    const results = evaluateBudgets(site, budgets([{ url: '*/news/*', lcpMs: 2500, tbtMs: 1000, transferBytes: 2_000_000 }]));
    expect(results.map((r) => [r.url, r.metric, r.measured, r.passed])).toEqual([
      [news, 'lcpMs', 3000, false],
      [news, 'tbtMs', 900, true],
      [news, 'transferBytes', 2_500_000, false],
    ]);
    expect(results[0].budget).toBe('budgets[0] (*/news/*): lcpMs ≤ 2500');
  });

  it('applies the scores of a url budget to sites whose start URL matches', () => {
    const site = siteResult();
    expect(evaluateBudgets(site, budgets([{ url: 'https://www.example.gov.tw/*', scores: { accessibility: 95 } }]))).toMatchObject([{ metric: 'scores.accessibility', measured: 90, passed: false }]);
    expect(evaluateBudgets(site, budgets([{ url: 'https://www.other.gov.tw/*', scores: { accessibility: 95 }, lcpMs: 1 }]))).toEqual([]);
  });

  it('uses cheap vitals for pages without Lighthouse; TBT only from Lighthouse', () => {
    const site = siteResult({ pages: [pageResult('https://www.example.gov.tw/', { lcpMs: 1800, cls: 0.3 })] });
    const results = evaluateBudgets(site, budgets([{ url: '*', cls: 0.1, tbtMs: 200 }]));
    expect(results.map((r) => [r.metric, r.measured, r.passed])).toEqual([
      ['cls', 0.3, false],
      ['tbtMs', null, true],
    ]);
  });

  it('evaluates nothing for a site that could not be checked', () => {
    expect(evaluateBudgets(siteResult({ status: 'unreachable' }), budgets([{ lcpMs: 1 }]))).toEqual([]);
  });
});
