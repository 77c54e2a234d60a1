import { describe, expect, it } from 'vitest';
import { makePage } from '../../helpers/artifacts.ts';
import { privacyPolicy } from '../../../rules/gov/privacy-policy.ts';
import { homePage, LANGS, STYLES } from './home-pages.ts';
import { runOnHtml } from './run.ts';

describe('gov/privacy-policy', () => {
  for (const style of STYLES) {
    for (const lang of LANGS) {
      it(`${style}/${lang}: a footer privacy link passes`, () => {
        expect(runOnHtml(privacyPolicy, homePage(style, lang))).toEqual({ applicable: true, findings: [] });
      });
      it(`${style}/${lang}: a combined privacy-and-security link passes`, () => {
        const r = runOnHtml(privacyPolicy, homePage(style, lang, { privacy: false, security: false, combined: true }));
        expect(r.findings).toEqual([]);
      });
      it(`${style}/${lang}: no privacy link is one finding`, () => {
        const r = runOnHtml(privacyPolicy, homePage(style, lang, { privacy: false }));
        expect(r.applicable).toBe(true);
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message['zh-TW']).toContain('隱私權政策');
        expect(r.findings[0]!.message.en).toMatch(/privacy policy/i);
      });
    }
  }

  it('accepts 個資保護, 臺/台 variants, full-width letters and a title-only icon link', () => {
    for (const link of [
      '<a href="/p1">個資保護專區</a>',
      '<a href="/p2">個人資料保護</a>',
      '<a href="/p3"><span>隱私</span>\n<span>權</span>　<span>宣告</span></a>',
      '<a href="/p4">ＰＲＩＶＡＣＹ　ＰＯＬＩＣＹ</a>',
      '<a href="/p5" title="隱私權政策"><i class="icon"></i></a>',
      '<a href="/%E9%9A%B1%E7%A7%81.html"><img src="x.gif"></a>',
      '<map name="m"><area href="/p6" alt="隱私權及資訊安全政策" coords="0,0,1,1"></map>',
      '<span onclick="location.href=\'/p7\'" role="link">隱私權政策</span>',
    ]) {
      const r = runOnHtml(privacyPolicy, `<html><body><a href="/">首頁</a><div class="ft">${link}</div></body></html>`);
      expect(r.findings, link).toEqual([]);
    }
  });

  it('a news headline that mentions privacy is not a privacy policy link', () => {
    const html = homePage('hyweb', 'zh', { privacy: false }).replace(
      '<div class="news"><ul>',
      '<div class="news"><ul><li><a href="/News_Content.aspx?n=1&s=12">本部辦理公務機關落實個人隱私維護與資料安全管理說明會，歡迎各機關承辦人員踴躍報名參加</a></li>',
    );
    expect(runOnHtml(privacyPolicy, html).findings).toHaveLength(1);
  });

  it('finds the link on another sampled page when the start page is a splash page', () => {
    const splash = '<html><body><a href="/home.htm"><img src="enter.gif" alt="進入網站"></a></body></html>';
    const home = makeHome();
    expect(runOnHtml(privacyPolicy, splash, {}, [home]).findings).toEqual([]);
    expect(runOnHtml(privacyPolicy, splash).findings).toHaveLength(1);
  });

  it('does not borrow the link from another sampled page when the start page is a real home page', () => {
    const r = runOnHtml(privacyPolicy, homePage('modern', 'zh', { privacy: false, combined: false }), {}, [makeHome()]);
    expect(r.findings).toHaveLength(1);
  });

  it('is not applicable on a frameset whose frames were not gathered', () => {
    const frameset = '<html><frameset cols="20%,80%"><frame src="left.htm"><frame src="main.htm"></frameset></html>';
    expect(runOnHtml(privacyPolicy, frameset, { text: '' }).applicable).toBe(false);
  });

  it('judges a page that rendered empty (1955.gov.tw after the service was taken down, a script-only shell): no link, one finding', () => {
    const taken = '<html lang="zh-tw"><head><meta http-equiv="refresh" content=\'300; url="https://edesk.1955.gov.tw/"\'><title>e 化服務系統</title></head><body>\n</body></html>';
    const shell = '<html lang="zh-Hant-TW"><head><title>後台管理系統</title></head><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>';
    for (const html of [taken, shell]) {
      const r = runOnHtml(privacyPolicy, html, { text: '' });
      expect(r.applicable).toBe(true);
      expect(r.findings).toHaveLength(1);
    }
  });

  it('judges a frameset by its sampled frame pages', () => {
    const frameset = '<html><frameset rows="100,*"><frame src="top.htm"><frame src="main.htm"></frameset></html>';
    const frame = (html: string) => makePage(html, { url: 'https://www.example.gov.tw/main.htm', sampledBecause: 'frame' });
    expect(runOnHtml(privacyPolicy, frameset, { text: '' }, [frame(homePage('legacy', 'zh'))]).findings).toEqual([]);
    const without = runOnHtml(privacyPolicy, frameset, { text: '' }, [frame(homePage('legacy', 'zh', { privacy: false }))]);
    expect(without.findings).toHaveLength(1);
  });
});

function makeHome() {
  return makePage(homePage('hyweb', 'zh'), { url: 'https://www.example.gov.tw/home.htm', sampledBecause: 'nav' });
}
