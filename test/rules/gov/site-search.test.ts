import { describe, expect, it } from 'vitest';
import { siteSearch } from '../../../rules/gov/site-search.ts';
import { homePage, LANGS, STYLES } from './home-pages.ts';
import { runOnHtml } from './run.ts';

describe('gov/site-search', () => {
  for (const style of STYLES) {
    for (const lang of LANGS) {
      it(`${style}/${lang}: a search box or search button passes`, () => {
        expect(runOnHtml(siteSearch, homePage(style, lang)).findings).toEqual([]);
      });
      it(`${style}/${lang}: no search (a /research/ link does not count) is one finding`, () => {
        const r = runOnHtml(siteSearch, homePage(style, lang, { search: false }));
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message['zh-TW']).toContain('站內搜尋');
      });
    }
  }

  it('recognises landmarks, field types, Google Custom Search and search links', () => {
    for (const html of [
      '<div role="search"><input type="text"></div>',
      '<search><input></search>',
      '<input type="search">',
      '<form action="/cgi-bin/search.cgi"><input name="x"></form>',
      '<input type="text" name="kw">',
      '<input type="text" title="請輸入查詢關鍵字">',
      '<input type="text" accesskey="S">',
      '<div class="gcse-search"></div><script async src="https://cse.google.com/cse.js?cx=123"></script>',
      '<a href="/Search.aspx">全文檢索</a>',
      '<a href="/fullsearch"><img src="s.gif" alt="站內搜尋"></a>',
    ]) {
      expect(runOnHtml(siteSearch, `<html><body><a href="/">home</a>${html}</body></html>`).findings, html).toEqual([]);
    }
  });

  // Evidence that only looks like a site search.
  it.each([
    ['a case lookup link (案件查詢) to a search page', '<a href="/CaseSearch.aspx">案件查詢</a>'],
    ['a progress lookup button', '<button type="button" onclick="location.href=\'/Progress/Search\'">申辦進度查詢</button>'],
    ['a link to an outside app', '<a href="https://play.google.com/store/search?q=%E5%8F%B0%E5%8C%97%E9%80%9A">台北通 App</a>'],
    ['a search link on another site', '<a href="https://law.moj.gov.tw/Law/LawSearchLaw.aspx">法規查詢系統</a>'],
    ['a form posted to another site', '<form action="https://www.judicial.gov.tw/tw/search"><input type="text" name="q" placeholder="請輸入關鍵字"><button>送出</button></form>'],
    ['a case-number form', '<form action="/case/query"><label>案件編號</label><input type="text" name="caseNo"><button>查詢</button></form>'],
    ['a bare 查詢 field', '<input type="text" title="請輸入案號查詢">'],
  ])('%s is no site search', (_, html) => {
    expect(runOnHtml(siteSearch, `<html><body><a href="/">首頁</a><a href="/news">最新消息</a><a href="/about">關於本府</a><a href="/contact">聯絡我們</a>${html}</body></html>`).findings).toHaveLength(1);
  });

  it.each([
    ['a link to the site own search page', '<a href="https://www.example.gov.tw/Search.aspx"><img src="s.png" alt=""></a>'],
    ['a Google search form limited to the site', '<form action="https://www.google.com/search"><input type="hidden" name="sitesearch" value="example.gov.tw"><input type="text" name="q"></form>'],
    ['a search toggle', '<button type="button" aria-label="開啟站內搜尋"></button>'],
    ['a 搜尋 button beside a field named kw', '<input type="text" name="kw"><button>搜尋</button>'],
  ])('%s is a site search', (_, html) => {
    expect(runOnHtml(siteSearch, `<html><body><a href="/">首頁</a><a href="/news">最新消息</a><a href="/about">關於本府</a><a href="/contact">聯絡我們</a>${html}</body></html>`).findings).toEqual([]);
  });

  it('a login form is not a site search', () => {
    const html = '<html><body><a href="/">首頁</a><form action="/login"><input type="text" name="account" placeholder="請輸入帳號"><input type="password" name="pw"></form></body></html>';
    expect(runOnHtml(siteSearch, html).findings).toHaveLength(1);
  });
});
