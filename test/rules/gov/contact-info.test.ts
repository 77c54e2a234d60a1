import { describe, expect, it } from 'vitest';
import { contactInfo, hasAddress, hasPhone } from '../../../rules/gov/contact-info.ts';
import { homePage, LANGS, STYLES } from './home-pages.ts';
import { runOnHtml } from './run.ts';

describe('gov/contact-info', () => {
  for (const style of STYLES) {
    for (const lang of LANGS) {
      it(`${style}/${lang}: address and phone in the footer pass`, () => {
        expect(runOnHtml(contactInfo, homePage(style, lang)).findings).toEqual([]);
      });
      it(`${style}/${lang}: no address and no phone is one finding naming both`, () => {
        const r = runOnHtml(contactInfo, homePage(style, lang, { address: false, phone: false, contactLink: false }));
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message['zh-TW']).toContain('地址與電話');
        expect(r.findings[0]!.message.en).toContain('address and phone number');
        expect(r.findings[0]!.severity).toBeUndefined();
      });
      it(`${style}/${lang}: phone without address names the address`, () => {
        const r = runOnHtml(contactInfo, homePage(style, lang, { address: false }));
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message.en).toMatch(/agency's address could not/);
      });
      it(`${style}/${lang}: address without phone names the phone`, () => {
        const r = runOnHtml(contactInfo, homePage(style, lang, { phone: false }));
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message.en).toMatch(/phone number could not/);
      });
    }
  }

  it('a contact or mailbox link alone still fails, but moderately', () => {
    const r = runOnHtml(contactInfo, homePage('hyweb', 'zh', { address: false, phone: false }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.severity).toBe('moderate');
    expect(r.findings[0]!.message['zh-TW']).toContain('信箱');
  });

  it('reads the address from an image alt (legacy footers are images)', () => {
    const html = '<html><body><a href="/">首頁</a><img src="footer.gif" alt="地址：540南投縣南投市中興路660號 電話：049-2394300"></body></html>';
    expect(runOnHtml(contactInfo, html).findings).toEqual([]);
  });

  it.each([
    ['100臺北市中正區忠孝東路1段1號', true],
    ['屏東縣霧台鄉霧台村神山巷12號', true],
    ['地　址：宜蘭縣宜蘭市縣政北路一號', true],
    ['Address: 1 Example Road', true],
    ['No. 2, Zhongshan S. Rd., Taipei', true],
    ['府授字第1150012345號', false],
    ['115年11月20日公告', false],
    ['E-mail address: a@b.tw', false],
  ])('address %s → %s', (text, expected) => {
    expect(hasAddress(text.normalize('NFKC'))).toBe(expected);
  });

  it.each([
    ['(02)2311-2345', true],
    ['02-23112345', true],
    ['049-2394300', true],
    ['0800-080-090', true],
    ['+886-2-2311-2345', true],
    ['市民當家熱線：1999', true],
    ['Tel: 886 2 2311 2345', true],
    ['115-11-20', false],
    ['2026-11-20 08:30', false],
    ['文號 1150012345', false],
  ])('phone %s → %s', (text, expected) => {
    expect(hasPhone(text)).toBe(expected);
  });
});
