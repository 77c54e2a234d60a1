import { describe, expect, it } from 'vitest';
import { decorativeImageTitle } from '../../../rules/tw/decorative-image-title.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN, STYLES } from './fixtures.ts';
import { edit, run } from './helpers.ts';

describe('tw/decorative-image-title', () => {
  it.each(Object.entries({ hyweb: HYWEB, modern: MODERN }))('passes the %s page', (_, html) => {
    expect(run(decorativeImageTitle, makePage(html))).toEqual({ applicable: true, findings: [] });
  });

  it.each(Object.entries(STYLES))('reports an alt="" image with a title on the %s page (zh and en)', (_, html) => {
    const withTitle = html.includes('alt=""')
      ? edit(html, 'alt=""', 'alt="" title="分隔線"')
      : edit(html, '</body>', '<img src="line.gif" alt="" title="分隔線"></body>');
    const { findings } = run(decorativeImageTitle, makePage(withTitle));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toEqual({ 'zh-TW': '裝飾性圖片（alt=""）設有 title「分隔線」', en: 'Decorative image (alt="") has the title "分隔線"' });
    expect(findings[0]!.snippet).toContain('title="分隔線"');
  });

  it('treats a whitespace alt as empty and ignores empty titles and hidden images', () => {
    const html = `<html><body><img src="a.gif" alt=" " title="裝飾"><img src="b.gif" alt="" title="">
      <div style="display:none"><img src="c.gif" alt="" title="隱藏"></div><img src="d.gif" alt="" title="x" aria-hidden="true"></body></html>`;
    expect(run(decorativeImageTitle, makePage(html)).findings.map((f) => f.data?.src)).toEqual(['a.gif']);
  });

  it('is not applicable without decorative images (legacy page)', () => {
    expect(run(decorativeImageTitle, makePage(LEGACY)).applicable).toBe(false);
  });
});
