import { describe, expect, it } from 'vitest';
import { securityPolicy } from '../../../rules/gov/security-policy.ts';
import { homePage, LANGS, STYLES } from './home-pages.ts';
import { runOnHtml } from './run.ts';

describe('gov/security-policy', () => {
  for (const style of STYLES) {
    for (const lang of LANGS) {
      it(`${style}/${lang}: a security policy link passes`, () => {
        expect(runOnHtml(securityPolicy, homePage(style, lang)).findings).toEqual([]);
      });
      it(`${style}/${lang}: a combined privacy-and-security link satisfies it`, () => {
        const r = runOnHtml(securityPolicy, homePage(style, lang, { privacy: false, security: false, combined: true }));
        expect(r.findings).toEqual([]);
      });
      it(`${style}/${lang}: a privacy-only footer is one finding`, () => {
        const r = runOnHtml(securityPolicy, homePage(style, lang, { security: false }));
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message['zh-TW']).toContain('資訊安全政策');
        expect(r.findings[0]!.message.en).toMatch(/security policy/i);
      });
    }
  }

  it('accepts the common combined wordings and rejects unrelated 安全 links', () => {
    for (const label of ['隱私權及資訊安全政策', '隱私權及網站安全政策', '隱私權與安全政策', '臺北市政府資通安全政策', '網站安全宣告', 'Privacy & Security']) {
      const r = runOnHtml(securityPolicy, `<html><body><footer><a href="/x">${label}</a></footer></body></html>`);
      expect(r.findings, label).toEqual([]);
    }
    for (const label of ['隱私權保護政策', '食品安全專區', '交通安全宣導', 'Privacy Policy']) {
      const r = runOnHtml(securityPolicy, `<html><body><footer><a href="/x">${label}</a></footer></body></html>`);
      expect(r.findings, label).toHaveLength(1);
    }
  });
});
