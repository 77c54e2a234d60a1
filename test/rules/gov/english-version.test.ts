import { describe, expect, it } from 'vitest';
import { englishVersion } from '../../../rules/gov/english-version.ts';
import { homePage, STYLES } from './home-pages.ts';
import { runOnHtml } from './run.ts';

describe('gov/english-version', () => {
  for (const style of STYLES) {
    it(`${style}: an English link passes`, () => {
      expect(runOnHtml(englishVersion, homePage(style, 'zh')).findings).toEqual([]);
    });
    it(`${style}: a Chinese-only start page is one finding`, () => {
      const r = runOnHtml(englishVersion, homePage(style, 'zh', { english: false }));
      expect(r.findings).toHaveLength(1);
      expect(r.findings[0]!.message['zh-TW']).toContain('英文版');
      expect(r.findings[0]!.message.en).toMatch(/English version/);
    });
    it(`${style}: an English start page is itself the English version`, () => {
      expect(runOnHtml(englishVersion, homePage(style, 'en', { english: false })).findings).toEqual([]);
    });
  }

  it('accepts hreflang, an /en/ path, ?lang=en, a language drop-down and <link rel=alternate>', () => {
    for (const html of [
      '<a href="/Default.aspx?lang=2" hreflang="en">A</a>',
      '<a href="/en/">外文</a>',
      '<a href="/index.php?lang=en"><img src="flag-uk.png"></a>',
      '<a href="/index_en.html">⇢</a>',
      '<a href="/eng/">英文網站</a>',
      '<select onchange="location=this.value"><option value="/">中文</option><option value="/en/">English</option></select>',
    ]) {
      expect(runOnHtml(englishVersion, `<html lang="zh-TW"><body><a href="/">首頁</a>${html}</body></html>`).findings, html).toEqual([]);
    }
    const alt = '<html lang="zh-TW"><head><link rel="alternate" hreflang="en" href="/en/"></head><body><a href="/">首頁</a></body></html>';
    expect(runOnHtml(englishVersion, alt).findings).toEqual([]);
  });

  it('a Chinese page that carries lang="en" by template mistake is no English version', () => {
    const zh = homePage('hyweb', 'zh', { english: false }).replace(/<html[^>]*>/, '<html lang="en">');
    expect(zh).toContain('<html lang="en">');
    const r = runOnHtml(englishVersion, zh);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toMatch(/English version/);
    // The same page with a link to its English version passes.
    expect(runOnHtml(englishVersion, homePage('hyweb', 'zh').replace(/<html[^>]*>/, '<html lang="en">')).findings).toEqual([]);
  });

  it('does not take /environment/ or /entry/ paths for English', () => {
    const html = '<html lang="zh-TW"><body><a href="/environment/">環境</a><a href="/entry/">入口</a></body></html>';
    expect(runOnHtml(englishVersion, html).findings).toHaveLength(1);
  });
});

describe('gov/english-version through assembly', () => {
  it('records an outcome on a page without <html lang> (HyUI 2016 vac_home: no lang attribute, no English link)', async () => {
    const { assembleSiteResult } = await import('../../../worker/assemble.ts');
    const { defaultConfig } = await import('../../../core/config.ts');
    const { makePage, makeSite } = await import('../../helpers/artifacts.ts');
    const engines = { govcheck: 't', 'axe-core': 't', lighthouse: null, chromium: null, ruleset: 't' };
    const page = makePage('<html><head><title>退輔會</title></head><body><a href="/sitemap.html">網站導覽</a><p>最新消息</p></body></html>', { lang: null });
    const result = assembleSiteResult({ site: makeSite([page]), categories: ['governance'], config: defaultConfig(), now: new Date('2016-12-01T04:00:00Z'), lang: 'en', engines, startedAt: new Date(), skippedPages: [] });
    expect(result.outcomes.find((o) => o.rule === 'gov/english-version')?.outcome).toBe('fail');
  });
});
