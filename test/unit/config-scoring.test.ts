import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, urlMatches } from '../../core/config.ts';
import { checksScore, freshnessScoreFromAge, overallScore, pageAccessibilityScore } from '../../core/scoring.ts';
import type { Finding } from '../../core/types.ts';

const finding = (rule: string, severity: Finding['severity']): Finding => ({ rule, category: 'accessibility', severity, wcag: [], selector: 'x', snippet: null, message: '', help: null, fingerprint: 'f' });

describe('config', () => {
  it('names the wrong field', () => {
    expect(() => parseConfig({ budgets: [{ lcpMs: 'fast' }] })).toThrow(/budgets\[0\]\.lcpMs/);
    expect(() => parseConfig({ weights: { beauty: 1 } })).toThrow(/weights\.beauty/);
    expect(() => parseConfig({ colour: true })).toThrow(ConfigError);
    const c = parseConfig({ rules: { 'gov/english-version': 'off' }, freshness: { staleDays: 365 } });
    expect(c.disabledRules).toContain('gov/english-version');
    expect(c.ruleOptions.freshness.staleDays).toBe(365);
  });
  it('matches URL patterns with * wildcards only', () => {
    expect(urlMatches('https://a.gov.tw/news/*', 'https://a.gov.tw/news/1.html')).toBe(true);
    expect(urlMatches('https://a.gov.tw/news/*', 'https://a.gov.tw/about/')).toBe(false);
    expect(urlMatches('https://a.gov.tw/?.html', 'https://a.gov.tw/x.html')).toBe(false);
  });
});

describe('scoring', () => {
  it('accessibility: penalty per failing rule by worst impact', () => {
    expect(pageAccessibilityScore([])).toBe(100);
    expect(pageAccessibilityScore([finding('axe/image-alt', 'critical'), finding('axe/image-alt', 'critical')])).toBe(85);
    expect(pageAccessibilityScore([finding('axe/image-alt', 'critical'), finding('axe/label', 'serious'), finding('axe/region', 'moderate')])).toBe(73);
    expect(pageAccessibilityScore(Array.from({ length: 11 }, () => finding('axe/image-alt', 'critical')))).toBe(78);
  });
  it('checks: weighted share passed; freshness: linear between thresholds; overall renormalised', () => {
    expect(checksScore([
      { rule: 'a', category: 'governance', severity: 'critical', outcome: 'pass', failedPages: 0, applicablePages: 1 },
      { rule: 'b', category: 'governance', severity: 'minor', outcome: 'fail', failedPages: 1, applicablePages: 1 },
      { rule: 'c', category: 'governance', severity: 'serious', outcome: 'inapplicable', failedPages: 0, applicablePages: 0 },
    ], 'governance')).toBe(80);
    expect(freshnessScoreFromAge(10, 30, 180)).toBe(100);
    expect(freshnessScoreFromAge(105, 30, 180)).toBe(50);
    expect(freshnessScoreFromAge(400, 30, 180)).toBe(0);
    expect(freshnessScoreFromAge(null, 30, 180)).toBe(0);
    expect(overallScore({ accessibility: 80, performance: null, freshness: 100, governance: null, security: null }, { accessibility: 3, performance: 1, freshness: 1, governance: 1, security: 1 })).toBe(85);
  });
});

describe('config fails closed', () => {
  const field = (json: unknown): string => {
    try {
      parseConfig(json);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as ConfigError).field;
    }
    throw new Error(`accepted: ${JSON.stringify(json)}`);
  };

  it('rejects weights that are all 0, overflowing, negative or not finite', () => {
    expect(field({ weights: { accessibility: 0, performance: 0, freshness: 0, governance: 0, security: 0 } })).toBe('weights');
    expect(field({ weights: { accessibility: 1e308 } })).toBe('weights.accessibility');
    expect(field({ weights: { security: -1 } })).toBe('weights.security');
    expect(field({ weights: { governance: 'NaN' } })).toBe('weights.governance');
    // Some weights 0 are fine while another category still counts.
    expect(parseConfig({ weights: { accessibility: 0, performance: 0 } }).weights.governance).toBe(20);
  });

  it('rejects durations and counts beyond their upper bound with the field path', () => {
    expect(field({ timeouts: { pageMs: 3_000_000_000 } })).toBe('timeouts.pageMs');
    expect(field({ timeouts: { navigationMs: 2 ** 31 } })).toBe('timeouts.navigationMs');
    expect(field({ lighthouse: { runs: 1000 } })).toBe('lighthouse.runs');
    expect(field({ lighthouse: { runs: 1.5 } })).toBe('lighthouse.runs');
    expect(field({ lighthouse: { pages: 10_000 } })).toBe('lighthouse.pages');
    expect(field({ freshness: { zeroDays: 1e12 } })).toBe('freshness.zeroDays');
    expect(field({ budgets: [{ lcpMs: 1e15 }] })).toBe('budgets[0].lcpMs');
    expect(field({ budgets: [{ scores: { overall: 101 } }] })).toBe('budgets[0].scores.overall');
    expect(field({ timeouts: { pageMS: 5000 } })).toBe('timeouts.pageMS');
    const ok = parseConfig({ timeouts: { navigationMs: 60_000, pageMs: 600_000 }, lighthouse: { runs: 3, pages: 2 } });
    expect(ok.timeouts.pageMs).toBe(600_000);
    expect(ok.lighthouse.runs).toBe(3);
  });

  it('validates meaning across fields: user agent, freshness thresholds, navigation within page time', () => {
    expect(field({ userAgent: 'govcheck\r\nX-Injected: 1' })).toBe('userAgent');
    expect(field({ userAgent: 'govcheck\n' })).toBe('userAgent');
    expect(field({ userAgent: '   ' })).toBe('userAgent');
    expect(field({ userAgent: 'x'.repeat(600) })).toBe('userAgent');
    expect(field({ freshness: { fullMarksDays: 200, zeroDays: 180 } })).toBe('freshness.fullMarksDays');
    expect(field({ freshness: { fullMarksDays: 200 } })).toBe('freshness.fullMarksDays');
    expect(field({ freshness: { warnDays: 200, staleDays: 100 } })).toBe('freshness.warnDays');
    expect(field({ timeouts: { navigationMs: 60_000, pageMs: 30_000 } })).toBe('timeouts.navigationMs');
    expect(parseConfig({ userAgent: 'govcheck-ci/1.0 (+https://ci.example.gov.tw/)' }).userAgent).toBe('govcheck-ci/1.0 (+https://ci.example.gov.tw/)');
    expect(parseConfig({ freshness: { fullMarksDays: 60, zeroDays: 60, warnDays: 30, staleDays: 30 } }).ruleOptions.freshness.zeroDays).toBe(60);
  });

  it('screenshots: true/false or { enabled, perRule, perPage, maxBytes, pageMs }, each field checked by name', () => {
    const at = (json: unknown) => {
      try {
        parseConfig(json);
        return null;
      } catch (e) {
        return (e as ConfigError).field;
      }
    };
    expect(parseConfig({}).screenshots.enabled).toBeNull();
    expect(parseConfig({ screenshots: false }).screenshots.enabled).toBe(false);
    expect(parseConfig({ screenshots: { enabled: true, perRule: 2, perPage: 5, maxBytes: 20_000, pageMs: 3000 } }).screenshots).toEqual({ enabled: true, perRule: 2, perPage: 5, maxBytes: 20_000, pageMs: 3000 });
    expect(at({ screenshots: 'yes' })).toBe('screenshots');
    expect(at({ screenshots: { enabled: 'yes' } })).toBe('screenshots.enabled');
    expect(at({ screenshots: { perRule: 0 } })).toBe('screenshots.perRule');
    expect(at({ screenshots: { perPage: 1.5 } })).toBe('screenshots.perPage');
    expect(at({ screenshots: { maxBytes: 10_000_000 } })).toBe('screenshots.maxBytes');
    expect(at({ screenshots: { pageMs: -1 } })).toBe('screenshots.pageMs');
    expect(at({ screenshots: { webp: true } })).toBe('screenshots.webp');
  });
});
