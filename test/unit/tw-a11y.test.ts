import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { AXE_TW_CODES, TW_CODES, axeRulesForCodes, axeTwCodes, codesForLevel, defaultEdition, isKnownCode, parseEdition, parseLevel, twCode } from '../../core/tw-a11y.ts';

const require = createRequire(import.meta.url);
const axe = require('axe-core') as { getRules(): { ruleId: string }[] };

describe('網站無障礙規範 code catalogue', () => {
  it('has the 28 C codes of 115.11 with cumulative counts A 21, AA 23, AAA 28', () => {
    expect(TW_CODES['115.11']).toHaveLength(28);
    expect(codesForLevel('115.11', 'A')).toHaveLength(21);
    expect(codesForLevel('115.11', 'AA')).toHaveLength(23);
    expect(codesForLevel('115.11', 'AAA')).toHaveLength(28);
    expect(new Set(TW_CODES['115.11'].map((c) => c.code)).size).toBe(28);
  });
  it('keys codes on (edition, code): HM1130103C changed meaning; dropped codes exist only in 110.07', () => {
    expect(twCode('115.11', 'HM1130103C')!.title['zh-TW']).toContain('optgroup');
    expect(twCode('110.07', 'HM1130103C')!.title['zh-TW']).toContain('fieldset');
    expect(twCode('110.07', 'HM1130103C_1')!.title['zh-TW']).toContain('optgroup');
    expect(twCode('115.11', 'HM1130105C')!.title['zh-TW']).toContain('fieldset');
    expect(twCode('110.07', 'HM1130105C')).toBeUndefined();
    for (const dropped of ['HM1110102C', 'HM1410100C', 'HM3330500C']) {
      expect(twCode('110.07', dropped)).toBeDefined();
      expect(twCode('115.11', dropped)).toBeUndefined();
    }
  });
  it('gives every code a level, SC, both titles and a help URL', () => {
    const all = [...TW_CODES['115.11'], ...TW_CODES['110.07']];
    expect(all.length).toBe(28 + 31);
    for (const c of all) {
      expect(c.sc).toMatch(/^\d\.\d\.\d{1,2}$/);
      expect(c.title['zh-TW'].length).toBeGreaterThan(4);
      expect(c.title.en.length).toBeGreaterThan(4);
      expect(c.helpUrl).toMatch(/^https:\/\/(law|accessibility)\.moda\.gov\.tw\//);
    }
    expect(twCode('110.07', 'HM1130104C')!.helpUrl).toBe('https://accessibility.moda.gov.tw/Download/Detail/1512?Category=63');
  });
  it('maps only real axe 4.14 rules to catalogued codes of the right edition', () => {
    const axeIds = new Set(axe.getRules().map((r) => r.ruleId));
    const entries = Object.entries(AXE_TW_CODES);
    expect(entries.length).toBeGreaterThan(30);
    for (const [id, byEd] of entries) {
      expect(axeIds.has(id), id).toBe(true);
      for (const [ed, codes] of Object.entries(byEd)) for (const c of codes!) expect(twCode(ed as '115.11', c), `${id} ${ed} ${c}`).toBeDefined();
    }
    expect(axeTwCodes('aria-roles', '115.11')).toEqual(['HM1410200C']);
    expect(axeTwCodes('aria-roles', '110.07')).toEqual([]);
    expect(axeRulesForCodes('115.11', ['HM1310100C']).sort()).toEqual(['html-has-lang', 'html-lang-valid', 'html-xml-lang-mismatch']);
  });
  it('defaults the edition from the scan date in Asia/Taipei', () => {
    expect(defaultEdition(new Date('2026-11-29T15:59:59Z'))).toBe('110.07');
    expect(defaultEdition(new Date('2026-11-29T16:00:00Z'))).toBe('115.11');
    expect(parseEdition('110.7')).toBe('110.07');
    expect(parseEdition('2.2')).toBeUndefined();
    expect(parseLevel('aa')).toBe('AA');
    expect(parseLevel('AAAA')).toBeUndefined();
    expect(isKnownCode('115.11', 'GN1240100E')).toBe(true);
    expect(isKnownCode('115.11', 'HM9999999C')).toBe(false);
  });
});
