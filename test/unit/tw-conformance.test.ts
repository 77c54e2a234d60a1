// 規範檢核 roll-up, level selection of axe rules, and config validation for codes and rule ids.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, validateRuleIds } from '../../core/config.ts';
import { codesForLevel } from '../../core/tw-a11y.ts';
import type { Finding } from '../../core/types.ts';
import { axeRuleIdsFor } from '../../rules/accessibility/axe-rules.ts';
import { ALL_RULES, ruleById } from '../../rules/index.ts';
import { computeConformance, meetsLevel, type RuleRun } from '../../worker/conformance.ts';

const finding = (rule: string, twCodes: string[]): Finding => ({ rule, category: 'accessibility', severity: 'serious', wcag: [], selector: 'img', snippet: '<img>', message: 'm', help: null, fingerprint: rule, twCodes });

/** Every code of 115.11 AA checked by one rule per code (rule id = code), applicable on both pages. */
function allChecked(pages: string[], level: 'A' | 'AA' | 'AAA' = 'AA') {
  const codes = codesForLevel('115.11', level).map((c) => c.code);
  const ruleCodes = new Map(codes.map((c) => [`r/${c}`, [c]]));
  const runs: RuleRun[] = pages.flatMap((page) => codes.map((c) => ({ rule: `r/${c}`, page, applicable: true })));
  return { codes, ruleCodes, runs };
}

describe('conformance roll-up', () => {
  it('meets the level when every code of it and below passes on every page', () => {
    const { ruleCodes, runs } = allChecked(['/a', '/b']);
    const r = computeConformance({ edition: '115.11', level: 'AA', ruleCodes, runs, pages: [{ url: '/a', findings: [] }, { url: '/b', findings: [] }], offCodes: [], pagesNotChecked: [] });
    expect(r.site.codes).toHaveLength(23);
    expect(r.site.meets).toBe('AA');
    expect(r.pages.get('/b')!.meets).toBe('AA');
  });

  it('an AA code failing on one page leaves the site at A; an A code failing leaves it at none', () => {
    const { ruleCodes, runs } = allChecked(['/a', '/b']);
    const base = { edition: '115.11' as const, level: 'AA' as const, ruleCodes, runs, offCodes: [], pagesNotChecked: [{ url: '/c', reason: 'timeout' }] };
    const aa = computeConformance({ ...base, pages: [{ url: '/a', findings: [finding('r/CS2140401C', ['CS2140401C'])] }, { url: '/b', findings: [] }] });
    expect(aa.site.meets).toBe('A');
    const cs = aa.site.codes.find((c) => c.code === 'CS2140401C')!;
    expect(cs).toMatchObject({ status: 'fail', pages: 1, findings: 1, level: 'AA' });
    expect(aa.pages.get('/a')!.meets).toBe('A');
    expect(aa.pages.get('/b')!.meets).toBe('AA');
    expect(aa.site.pagesNotChecked).toEqual([{ url: '/c', reason: 'timeout' }]);
    const a = computeConformance({ ...base, pages: [{ url: '/a', findings: [finding('r/HM1110100C', ['HM1110100C'])] }, { url: '/b', findings: [finding('r/HM1110100C', ['HM1110100C'])] }] });
    expect(a.site.meets).toBeNull();
    expect(a.site.codes.find((c) => c.code === 'HM1110100C')).toMatchObject({ status: 'fail', pages: 2, findings: 2 });
  });

  it('a code no rule checked is not-checked and blocks the verdict, unless the config switched it off', () => {
    const { ruleCodes, runs } = allChecked(['/a']);
    ruleCodes.delete('r/HM1130103C');
    const base = { edition: '115.11' as const, level: 'AA' as const, ruleCodes, runs: runs.filter((r) => r.rule !== 'r/HM1130103C'), pages: [{ url: '/a', findings: [] }], pagesNotChecked: [] };
    const r = computeConformance({ ...base, offCodes: [] });
    expect(r.site.codes.find((c) => c.code === 'HM1130103C')!.status).toBe('not-checked');
    expect(r.site.meets).toBeNull();
    expect(computeConformance({ ...base, offCodes: ['HM1130103C'] }).site.meets).toBe('AA');
  });

  it('inapplicable everywhere is not-applicable and does not block; the ME1320200C list comes from tw/open-formats', () => {
    const { ruleCodes, runs } = allChecked(['/a']);
    const na = runs.map((r) => (r.rule === 'r/HM1110101C' ? { ...r, applicable: false } : r));
    const open: Finding = { ...finding('tw/open-formats', ['ME1320200C']), data: { href: 'form.doc', format: 'doc' } };
    ruleCodes.set('tw/open-formats', ['ME1320200C']);
    const r = computeConformance({ edition: '115.11', level: 'A', ruleCodes, runs: na, pages: [{ url: '/a', findings: [open] }], offCodes: [], pagesNotChecked: [] });
    expect(r.site.codes.find((c) => c.code === 'HM1110101C')!.status).toBe('not-applicable');
    expect(r.site.openFormatList).toEqual([{ pageUrl: '/a', href: 'form.doc', format: 'doc', snippet: '<img>' }]);
    expect(r.site.meets).toBeNull();
    expect(meetsLevel([{ level: 'A', status: 'pass' }, { level: 'AA', status: 'not-applicable' }, { level: 'AAA', status: 'fail' }], 'AAA')).toBe('AA');
  });
});

describe('axe rules per level', () => {
  it('A runs no AA rule, AA adds colour contrast, AAA adds the default-off AAA rules; code-mapped rules always run', () => {
    const a = axeRuleIdsFor('A', '115.11');
    const aa = axeRuleIdsFor('AA', '115.11');
    const aaa = axeRuleIdsFor('AAA', '115.11');
    expect(a).toContain('image-alt');
    expect(a).toContain('heading-order'); // best-practice, evidences HM1130100C
    expect(a).toContain('td-has-header'); // experimental in axe, evidences HM1130102C
    expect(a).not.toContain('color-contrast');
    expect(aa).toContain('color-contrast');
    expect(aa).not.toContain('color-contrast-enhanced');
    expect(aaa).toContain('color-contrast-enhanced');
    expect(aaa).toContain('identical-links-same-purpose');
    expect(axeRuleIdsFor('A', '110.07')).toContain('duplicate-id'); // HM1410100C (4.1.1) exists only in 110.07
    expect(a).not.toContain('duplicate-id');
    expect(axeRuleIdsFor('AA', '115.11', (id) => id === 'axe/color-contrast')).not.toContain('color-contrast');
  });

  it('every axe-core rule is a registry rule with severity, WCAG SC, help URL and codes per edition', () => {
    const axeRules = ALL_RULES.filter((r) => r.meta.id.startsWith('axe/'));
    expect(axeRules.length).toBeGreaterThan(100);
    const alt = ruleById('axe/image-alt')!.meta;
    expect(alt).toMatchObject({ severity: 'critical', wcag: ['1.1.1'], category: 'accessibility', twCodes: { '115.11': ['HM1110100C'], '110.07': ['HM1110100C'] } });
    expect(alt.helpUrl).toMatch(/dequeuniversity\.com\/rules\/axe\/4\.14\/image-alt/);
    expect(ruleById('axe/aria-roles')!.meta.twCodes).toEqual({ '115.11': ['HM1410200C'] });
    expect(ruleById('tw/mark-at-risk')!.meta.severity).toBe('serious');
  });
});

describe('config: level, edition, codes and rule ids', () => {
  const known = (id: string) => ruleById(id) !== undefined;
  const ids = ALL_RULES.map((r) => r.meta.id);
  it('reads level, twEdition, accessibilityMark and per-rule severity', () => {
    const c = parseConfig({ level: 'aaa', twEdition: '110.7', accessibilityMark: { maxAgeYears: 2 }, rules: { 'axe/color-contrast': 'off', 'axe/image-alt': { severity: 'minor' }, HM1130103C: 'off' } });
    expect(c.level).toBe('AAA');
    expect(c.twEdition).toBe('110.07');
    expect(c.ruleOptions.accessibilityMark.maxAgeYears).toBe(2);
    expect(c.disabledRules).toContain('axe/color-contrast');
    expect(c.ruleOptions.rules['axe/image-alt']).toEqual({ severity: 'minor' });
    expect(c.offCodes).toEqual(['HM1130103C']);
    expect(() => validateRuleIds(c, known, ids, 'c.json')).not.toThrow();
  });
  it('names the path of every bad value', () => {
    expect(() => parseConfig({ level: 'AAAA' })).toThrow(/level/);
    expect(() => parseConfig({ twEdition: '2.2' })).toThrow(/twEdition/);
    expect(() => parseConfig({ rules: { 'axe/image-alt': { severity: 'fatal' } } })).toThrow(/rules\.axe\/image-alt\.severity/);
    expect(() => parseConfig({ rules: { HM9999999C: 'off' } })).toThrow(/rules\.HM9999999C/);
    expect(() => parseConfig({ accessibilityMark: { years: 2 } })).toThrow(/accessibilityMark\.years/);
    const unknown = parseConfig({ rules: { 'axe/no-such-rule': 'off' } });
    expect(() => validateRuleIds(unknown, known, ids, 'c.json')).toThrow(ConfigError);
    expect(() => validateRuleIds(unknown, known, ids, 'c.json')).toThrow(/c\.json: rules\.axe\/no-such-rule: unknown rule id/);
    expect(() => validateRuleIds(parseConfig({ disabledRules: ['gov/x', 'nope/*'] }), known, ids)).toThrow(/disabledRules\[0\]/);
    expect(() => validateRuleIds(parseConfig({ waivers: [{ rule: 'axe/nope' }] }), known, ids)).toThrow(/waivers\[0\]\.rule/);
    expect(() => validateRuleIds(parseConfig({ disabledRules: ['gov/*'] }), known, ids)).not.toThrow();
  });
});
