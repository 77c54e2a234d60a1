import { describe, expect, it } from 'vitest';
import { defaultRuleOptions } from '../../../core/config.ts';
import { accessibilityMarkExpired } from '../../../rules/tw/accessibility-mark-expired.ts';
import { markIssuedAt } from '../../../rules/tw/lib/mark.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN } from './fixtures.ts';
import { edit, run } from './helpers.ts';

const NOW = new Date('2026-11-27T00:00:00+08:00');

describe('tw/accessibility-mark-expired', () => {
  it('reports the 2016 mark on the legacy page (zh and en)', () => {
    const { findings } = run(accessibilityMarkExpired, makePage(LEGACY), NOW);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message['zh-TW']).toBe('無障礙標章（編號 20160911130355）的編號日期為 2016-09-11，距今已超過 3 年有效期限（約於 2019-09-11 到期），請確認是否已換發');
    expect(findings[0]!.message.en).toContain('more than its 3-year validity ago');
    expect(findings[0]!.data).toMatchObject({ markNumber: '20160911130355', level: 'A+', issued: '2016-09-11', expires: '2019-09-11' });
  });

  it.each([
    ['hyweb', HYWEB],
    ['modern', MODERN],
  ])('passes the %s page whose mark is under 3 years old', (_, html) => {
    expect(run(accessibilityMarkExpired, makePage(html), NOW)).toEqual({ applicable: true, findings: [] });
  });

  it('judges the boundary in Taipei time', () => {
    const html = edit(MODERN, '20250102093015', '20231127093015');
    expect(run(accessibilityMarkExpired, makePage(html), new Date('2026-11-27T09:30:14+08:00')).findings).toEqual([]);
    expect(run(accessibilityMarkExpired, makePage(html), new Date('2026-11-27T09:30:16+08:00')).findings).toHaveLength(1);
  });

  it('follows options.accessibilityMark.maxAgeYears', () => {
    const options = { ...defaultRuleOptions(), accessibilityMark: { maxAgeYears: 1 } };
    const { findings } = run(accessibilityMarkExpired, makePage(HYWEB), NOW, { options });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.data).toMatchObject({ expires: '2025-05-16', maxAgeYears: 1 });
  });

  it('is not applicable without a mark number', () => {
    const noMark = edit(MODERN, /<a href="https:\/\/accessibility[^>]*>.*?<\/a>/s, '');
    expect(run(accessibilityMarkExpired, makePage(noMark), NOW).applicable).toBe(false);
    const noNumber = edit(HYWEB, '?category=20240516184854', '?category=abc');
    expect(run(accessibilityMarkExpired, makePage(noNumber), NOW).applicable).toBe(false);
  });

  it('is not applicable when the number is not a date or lies in the future', () => {
    expect(run(accessibilityMarkExpired, makePage(edit(HYWEB, '20240516184854', '20241345184854')), NOW).applicable).toBe(false);
    expect(run(accessibilityMarkExpired, makePage(edit(HYWEB, '20240516184854', '20270101000000')), NOW).applicable).toBe(false);
  });

  it('parses mark numbers as Taipei time', () => {
    expect(markIssuedAt('20240516184854')?.toISOString()).toBe('2024-05-16T10:48:54.000Z');
    expect(markIssuedAt('20230229000000')).toBeNull();
  });
});
