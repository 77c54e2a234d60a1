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

  it('a login form is not a site search', () => {
    const html = '<html><body><a href="/">首頁</a><form action="/login"><input type="text" name="account" placeholder="請輸入帳號"><input type="password" name="pw"></form></body></html>';
    expect(runOnHtml(siteSearch, html).findings).toHaveLength(1);
  });
});
