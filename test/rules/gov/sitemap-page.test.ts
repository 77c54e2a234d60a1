import { describe, expect, it } from 'vitest';
import { sitemapPage } from '../../../rules/gov/sitemap-page.ts';
import { homePage, LANGS, STYLES } from './home-pages.ts';
import { runOnHtml } from './run.ts';

describe('gov/sitemap-page', () => {
  for (const style of STYLES) {
    for (const lang of LANGS) {
      it(`${style}/${lang}: a 網站導覽 / site map link passes`, () => {
        expect(runOnHtml(sitemapPage, homePage(style, lang)).findings).toEqual([]);
      });
      it(`${style}/${lang}: without it (參觀導覽 does not count) is one finding`, () => {
        const r = runOnHtml(sitemapPage, homePage(style, lang, { sitemap: false }));
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message['zh-TW']).toContain('網站導覽');
        expect(r.findings[0]!.message.en).toMatch(/site map/i);
      });
    }
  }

  it('accepts an icon link by href, but not a link to sitemap.xml', () => {
    const icon = '<html><body><a href="/SiteMap.aspx"><i class="fa fa-sitemap"></i></a></body></html>';
    expect(runOnHtml(sitemapPage, icon).findings).toEqual([]);
    const xml = '<html><body><a href="/sitemap.xml">XML</a></body></html>';
    expect(runOnHtml(sitemapPage, xml).findings).toHaveLength(1);
  });
});
