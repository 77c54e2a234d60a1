import { describe, expect, it } from 'vitest';
import { openDataDeclaration } from '../../../rules/gov/open-data-declaration.ts';
import { homePage, LANGS, STYLES } from './home-pages.ts';
import { runOnHtml } from './run.ts';

describe('gov/open-data-declaration', () => {
  for (const style of STYLES) {
    for (const lang of LANGS) {
      it(`${style}/${lang}: an open data declaration link passes`, () => {
        expect(runOnHtml(openDataDeclaration, homePage(style, lang)).findings).toEqual([]);
      });
      it(`${style}/${lang}: without it (a data.gov.tw platform link does not count) is one finding`, () => {
        const r = runOnHtml(openDataDeclaration, homePage(style, lang, { openData: false }));
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message['zh-TW']).toContain('政府網站資料開放宣告');
      });
    }
  }

  it('accepts wording variants and a link to the license', () => {
    for (const link of [
      '<a href="/a">網站資料開放宣告</a>',
      '<a href="/b">開放資料聲明</a>',
      '<a href="/c">Open Data Statement</a>',
      '<a href="https://data.gov.tw/license">政府資料開放授權條款</a>',
    ]) {
      expect(runOnHtml(openDataDeclaration, `<html><body><footer>${link}</footer></body></html>`).findings, link).toEqual([]);
    }
  });
});
