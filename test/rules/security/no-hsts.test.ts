import { describe, expect, it } from 'vitest';
import { noHsts } from '../../../rules/security/no-hsts.ts';
import { check, HTTP_URL, HTTPS_URL, siteOf, startPage } from './helpers.ts';

describe('security/no-hsts', () => {
  it('reports an https start page without Strict-Transport-Security (zh and en)', () => {
    const { findings } = check(noHsts, siteOf(startPage(HTTPS_URL)));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBeUndefined(); // the rule's default, moderate
    expect(findings[0]!.message).toEqual({
      'zh-TW': 'HTTPS 首頁回應沒有 Strict-Transport-Security 標頭',
      en: 'The HTTPS start page response has no Strict-Transport-Security header',
    });
  });

  it('treats max-age=0 as missing and a short max-age as minor', () => {
    expect(check(noHsts, siteOf(startPage(HTTPS_URL, { 'strict-transport-security': 'max-age=0' }))).findings[0]!.message.en).toContain('no effective max-age');
    const [short] = check(noHsts, siteOf(startPage(HTTPS_URL, { 'strict-transport-security': 'max-age=86400; includeSubDomains' }))).findings;
    expect(short!.severity).toBe('minor');
    expect(short!.data).toMatchObject({ maxAge: 86400 });
  });

  it('passes a year or more', () => {
    const site = siteOf(startPage(HTTPS_URL, { 'strict-transport-security': 'max-age=31536000; includeSubDomains; preload' }));
    expect(check(noHsts, site)).toEqual({ applicable: true, findings: [] });
  });

  it('is not applicable on plain-http sites or without recorded headers', () => {
    expect(check(noHsts, siteOf(startPage(HTTP_URL))).applicable).toBe(false);
    expect(check(noHsts, siteOf({ ...startPage(HTTPS_URL), headers: {} })).applicable).toBe(false);
  });
});
