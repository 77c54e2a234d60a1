import { describe, expect, it } from 'vitest';
import { lighthouseAudits } from '../../../rules/performance/lighthouse-audits.ts';
import { performanceRules } from '../../../rules/performance/index.ts';
import { ruleById } from '../../../rules/index.ts';
import { makePage, makeSite, siteContext } from '../../helpers/artifacts.ts';
import { slim } from '../../lighthouse/slim-helpers.ts';

const START = 'https://www.example.gov.tw/';
const FINAL = 'https://www.example.gov.tw/index.aspx';

function site(lighthouse: ReturnType<typeof slim>[]) {
  const start = makePage('<html><body>home</body></html>', { url: START, finalUrl: FINAL });
  const news = makePage('<html><body>news</body></html>', { url: `${START}news/`, finalUrl: `${START}news/` });
  return makeSite([start, news], { lighthouse });
}

const run = (lighthouse: ReturnType<typeof slim>[]) => {
  const s = site(lighthouse);
  return lighthouseAudits.check(s, siteContext(s));
};

describe('perf/lighthouse', () => {
  it('is registered as a performance site rule', () => {
    expect(performanceRules).toContain(lighthouseAudits);
    expect(ruleById('perf/lighthouse')?.meta).toMatchObject({ category: 'performance', scope: 'site' });
  });

  it('is not applicable when Lighthouse did not run or every run failed', () => {
    expect(run([]).applicable).toBe(false);
    expect(run([slim(FINAL, { runtimeError: 'NO_FCP: The page did not paint any content.' })]).applicable).toBe(false);
  });

  it('passes when no performance audit failed', () => {
    expect(run([slim(FINAL, { audits: [] })])).toEqual({ applicable: true, findings: [] });
  });

  it('turns each failing audit into a perf/<audit id> finding on the page Lighthouse ran on', () => {
    const result = run([
      slim(FINAL, {
        audits: [
          { id: 'unused-javascript', title: '減少無用的 JavaScript', titles: { 'zh-TW': '減少無用的 JavaScript', en: 'Reduce unused JavaScript' }, score: 0, savingsMs: 1650, savingsBytes: 331_670, category: 'performance', helpUrl: 'https://developer.chrome.com/docs/lighthouse/performance/unused-javascript/' },
          { id: 'largest-contentful-paint', title: 'Largest Contentful Paint', score: 0.75, numericValue: 3089.8, numericUnit: 'millisecond', category: 'performance' },
          { id: 'cumulative-layout-shift', title: 'Cumulative Layout Shift', score: 0.59, numericValue: 0.2099, numericUnit: 'unitless', category: 'performance' },
          { id: 'meta-description', title: 'Document does not have a meta description', score: 0, category: 'seo' },
        ],
      }),
      slim(`${START}news/`, { audits: [{ id: 'uses-text-compression', score: 0.5, savingsBytes: 2534, savingsMs: 0, category: 'performance', titles: { 'zh-TW': '啟用文字壓縮', en: 'Enable text compression' } }] }),
    ]);
    expect(result.applicable).toBe(true);
    expect(result.findings.map((f) => [f.rule, f.severity, f.pageUrl])).toEqual([
      ['perf/unused-javascript', 'serious', START],
      ['perf/largest-contentful-paint', 'moderate', START],
      ['perf/cumulative-layout-shift', 'moderate', START],
      ['perf/uses-text-compression', 'moderate', `${START}news/`],
    ]);
    const [unused, lcp, cls, compression] = result.findings;
    expect(unused.message).toEqual({
      'zh-TW': '減少無用的 JavaScript（估計可節省 1.7 秒、324 KiB；Lighthouse 分數 0/100）',
      en: 'Reduce unused JavaScript (estimated savings 1.7 s, 324 KiB; Lighthouse score 0/100)',
    });
    expect(unused.help).toBe('https://developer.chrome.com/docs/lighthouse/performance/unused-javascript/');
    expect(unused.data).toMatchObject({ audit: 'unused-javascript', savingsMs: 1650, savingsBytes: 331_670, formFactor: 'mobile' });
    expect(lcp.message.en).toBe('Largest Contentful Paint (measured 3.1 s; Lighthouse score 75/100)');
    expect(lcp.message['zh-TW']).toBe('Largest Contentful Paint（測得 3.1 秒；Lighthouse 分數 75/100）');
    expect(cls.message.en).toContain('measured 0.210');
    expect(compression.message.en).toBe('Enable text compression (estimated savings 2 KiB; Lighthouse score 50/100)');
  });
});
