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
