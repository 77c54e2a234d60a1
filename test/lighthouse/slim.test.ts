import { describe, expect, it } from 'vitest';
import { chromiumVersionOf, isFailingAudit, learnMoreUrl, medianRun, slimLhr, type LhrAudit, type LhrLike } from '../../worker/lighthouse/slim.ts';
import { slim } from './slim-helpers.ts';

const audit = (id: string, over: Partial<LhrAudit>): LhrAudit => ({ id, title: id, score: 1, scoreDisplayMode: 'binary', ...over });

function lhr(over: Partial<LhrLike> = {}): LhrLike {
  return {
    lighthouseVersion: '12.2.3',
    finalDisplayedUrl: 'https://www.example.gov.tw/',
    environment: { benchmarkIndex: 1234.5, hostUserAgent: 'Mozilla/5.0 (Linux; Android 11) HeadlessChrome/156.0.0.0 Mobile Safari/537.36' },
    configSettings: { formFactor: 'mobile', locale: 'en' },
    categories: {
      performance: { score: 0.42, auditRefs: [{ id: 'largest-contentful-paint' }, { id: 'unused-javascript' }, { id: 'total-blocking-time' }, { id: 'diagnostics' }, { id: 'font-display' }, { id: 'uses-rel-preconnect' }] },
      seo: { score: 0.8, auditRefs: [{ id: 'meta-description' }] },
    },
    audits: {
      'largest-contentful-paint': audit('largest-contentful-paint', { title: 'Largest Contentful Paint', score: 0.03, scoreDisplayMode: 'numeric', numericValue: 7953.4, numericUnit: 'millisecond', displayValue: '8.0 s' }),
      'total-blocking-time': audit('total-blocking-time', { score: 0.95, scoreDisplayMode: 'numeric', numericValue: 120, numericUnit: 'millisecond' }),
      'cumulative-layout-shift': audit('cumulative-layout-shift', { score: 1, scoreDisplayMode: 'numeric', numericValue: 0.2098, numericUnit: 'unitless' }),
      'first-contentful-paint': audit('first-contentful-paint', { score: 1, scoreDisplayMode: 'numeric', numericValue: 604.7, numericUnit: 'millisecond' }),
      'total-byte-weight': audit('total-byte-weight', { score: 1, scoreDisplayMode: 'numeric', numericValue: 1_444_895, numericUnit: 'byte' }),
      'unused-javascript': audit('unused-javascript', {
        title: 'Reduce unused JavaScript',
        description: 'Reduce unused JavaScript. [Learn how to reduce unused JavaScript](https://developer.chrome.com/docs/lighthouse/performance/unused-javascript/).',
        score: 0,
        scoreDisplayMode: 'metricSavings',
        metricSavings: { LCP: 1650, FCP: 1200 },
        details: { overallSavingsMs: 1650.4, overallSavingsBytes: 331_670.2 },
      }),
      diagnostics: audit('diagnostics', { score: null, scoreDisplayMode: 'informative' }),
      'font-display': audit('font-display', { score: null, scoreDisplayMode: 'notApplicable' }),
      'uses-rel-preconnect': audit('uses-rel-preconnect', { score: 0.5, scoreDisplayMode: 'metricSavings', metricSavings: { LCP: 0, FCP: 300 } }),
      'meta-description': audit('meta-description', { score: 0, scoreDisplayMode: 'binary' }),
      'not-in-a-category': audit('not-in-a-category', { score: 0 }),
    },
    ...over,
  };
}

describe('slimLhr', () => {
  it('keeps scores, headline metrics and failing audits only', () => {
    const s = slimLhr(lhr(), { url: 'https://www.example.gov.tw/', formFactor: 'mobile', durationMs: 7012.6, otherTitles: new Map([['unused-javascript', '減少無用的 JavaScript']]) });
    expect(s.scores).toEqual({ performance: 0.42, seo: 0.8 });
    expect(s.metrics).toEqual({ lcpMs: 7953.4, cls: 0.2098, tbtMs: 120, fcpMs: 604.7, speedIndexMs: null, ttiMs: null, transferBytes: 1_444_895 });
    expect(s.benchmarkIndex).toBe(1234.5);
    expect(s.durationMs).toBe(7013);
    expect(s.failingAudits.map((a) => a.id)).toEqual(['unused-javascript', 'meta-description', 'largest-contentful-paint', 'uses-rel-preconnect']);
    const unused = s.failingAudits[0];
    expect(unused).toMatchObject({
      savingsMs: 1650,
      savingsBytes: 331_670,
      category: 'performance',
      titles: { 'zh-TW': '減少無用的 JavaScript', en: 'Reduce unused JavaScript' },
      helpUrl: 'https://developer.chrome.com/docs/lighthouse/performance/unused-javascript/',
    });
    expect(s.failingAudits.find((a) => a.id === 'meta-description')?.category).toBe('seo');
    expect(s.failingAudits.find((a) => a.id === 'uses-rel-preconnect')?.savingsMs).toBe(300);
    expect(s.failingAudits.find((a) => a.id === 'largest-contentful-paint')).toMatchObject({ numericValue: 7953.4, numericUnit: 'millisecond', savingsMs: null });
  });

  it('records a runtime error with no metrics or audits', () => {
    const s = slimLhr(
      lhr({ runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'Lighthouse was unable to reliably load the page (Status code: 500)' }, configSettings: { formFactor: 'desktop', locale: 'en' } }),
      { url: 'https://x/', formFactor: 'mobile', durationMs: 1 },
    );
    expect(s.runtimeError).toMatch(/^ERRORED_DOCUMENT_REQUEST: /);
    expect(s.failingAudits).toEqual([]);
    expect(s.metrics.lcpMs).toBeNull();
    // What the run emulated wins over what was asked for.
    expect(s.formFactor).toBe('desktop');
    expect(slimLhr(lhr({ configSettings: {} }), { url: 'https://x/', formFactor: 'desktop', durationMs: 1 }).formFactor).toBe('desktop');
  });

  it('stays small', () => {
    const s = slimLhr(lhr(), { url: 'https://www.example.gov.tw/', formFactor: 'mobile', durationMs: 1 });
    expect(JSON.stringify(s).length).toBeLessThan(4000);
  });
});

describe('helpers', () => {
  it('isFailingAudit ignores unscored modes and passing scores', () => {
    expect(isFailingAudit(audit('a', { score: 0.89 }))).toBe(true);
    expect(isFailingAudit(audit('a', { score: 0.9 }))).toBe(false);
    expect(isFailingAudit(audit('a', { score: 0, scoreDisplayMode: 'manual' }))).toBe(false);
    expect(isFailingAudit(audit('a', { score: null, scoreDisplayMode: 'error' }))).toBe(false);
  });
  it('extracts the learn-more link and the Chromium version', () => {
    expect(learnMoreUrl('Text. [Learn more](https://developer.chrome.com/docs/x/).')).toBe('https://developer.chrome.com/docs/x/');
    expect(learnMoreUrl('no link')).toBeNull();
    expect(chromiumVersionOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.8078.108 Safari/537.36')).toBe('156.0.8078.108');
  });
});

describe('medianRun', () => {
  it('keeps the median run by performance score and counts all runs', () => {
    const runs = [slim('u', { performance: 0.9 }), slim('u', { performance: 0.5 }), slim('u', { performance: 0.7 })];
    const m = medianRun(runs);
    expect(m.scores.performance).toBe(0.7);
    expect(m.runs).toBe(3);
    expect(m.durationMs).toBe(21_000);
  });
  it('prefers runs without a runtime error; with two, the lower (more conservative) one', () => {
    expect(medianRun([slim('u', { performance: 0.8 }), slim('u', { runtimeError: 'NO_FCP: x', performance: null }), slim('u', { performance: 0.6 })]).scores.performance).toBe(0.6);
    expect(medianRun([slim('u', { runtimeError: 'NO_FCP: x', performance: null })]).runtimeError).toBe('NO_FCP: x');
  });
});
