import { describe, expect, it } from 'vitest';
import { absoluteFontSize } from '../../../rules/tw/absolute-font-size.ts';
import { absoluteFontSizesInStylesheet } from '../../../rules/tw/lib/css.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN } from './fixtures.ts';
import { edit, run } from './helpers.ts';

describe('tw/absolute-font-size', () => {
  it.each(Object.entries({ hyweb: HYWEB, modern: MODERN }))('passes the %s page (rem/em, print pt, font-size:0, clamp with rem)', (_, html) => {
    expect(run(absoluteFontSize, makePage(html))).toEqual({ applicable: true, findings: [] });
  });

  it('reports the legacy page once, with count and examples (zh and en)', () => {
    const { findings } = run(absoluteFontSize, makePage(LEGACY));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.data).toMatchObject({ count: 2, bySource: { '<style>': 2 } });
    expect(findings[0]!.message['zh-TW']).toBe('共 2 處以絕對單位設定字級，例如：td { font-size: 12px }；.title { font-size: 15px }');
    expect(findings[0]!.message.en).toBe('2 font-size declaration(s) use absolute units, e.g. td { font-size: 12px }; .title { font-size: 15px }');
  });

  it('counts style attributes and same-origin stylesheets, once each, but not third-party CSS', () => {
    const html = edit(HYWEB, '<h2>最新消息</h2>', '<h2 style="font-size:18px;color:red">最新消息</h2>');
    const page = makePage(html, {
      stylesheets: [
        { url: 'https://www.example.gov.tw/css/hyui.css', text: '.nav a { font-size: 13px } .x { font: bold 10pt/1.4 Arial } .y { line-height: 20px }' },
        { url: 'https://cdn.example.com/bootstrap3.css', text: 'body { font-size: 14px }' },
        // The browser's list repeats the inline <style> block, which must not count twice.
        { url: null, text: 'body{font-size:1em}.header .menu a{font-size:0.9375rem;line-height:1.5}@media print{body{font-size:12pt}}.icon{font-size:0}' },
      ],
    });
    const [finding] = run(absoluteFontSize, page).findings;
    expect(finding!.data).toMatchObject({ count: 3, bySource: { 'style attribute': 1, 'https://www.example.gov.tw/css/hyui.css': 2 } });
    expect(finding!.selector).toBeTruthy();
  });

  it('parses stylesheets: comments, strings, nested at-rules, shorthand', () => {
    const css = `/* .a { font-size: 9px } */
      .b::before { content: "{ font-size: 9px }"; font-size: 1.2em }
      @media screen and (min-width: 768px) { .c { font-size: 16PX !important } }
      @media print { .d { font-size: 10pt } }
      @font-face { font-family: X; src: url(x.woff) }
      .e { font: italic small-caps 700 12px/2 serif }
      .f { font: 1rem/20px serif }
      .g { font-size: calc(1rem + 2px) }
      .h { font-size: .5in }`;
    expect(absoluteFontSizesInStylesheet(css).map((h) => `${h.selector} ${h.value}`)).toEqual(['.c 16PX', '.e 12px', '.h .5in']);
  });
});
