// tw/absolute-line-height (CS3140802C, AAA): the annex asks for CSS that sets line spacing; Freego fails
// line-height in absolute units (px, pt …), which does not grow with the text, in style attributes,
// <style> and linked CSS (unitless, em and % pass). A page whose CSS sets no line-height at all fails too.
import type { PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { absoluteLineHeightTest, lineHeightTest } from './lib/css.ts';
import { authoredCssHits, unitFinding } from './lib/page-css.ts';

export const absoluteLineHeight: PageRule = {
  meta: {
    id: 'tw/absolute-line-height',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['1.4.8'],
    twCodes: { '115.11': ['CS3140802C'], '110.07': ['CS3140802C'] },
    level: 'AAA',
    requires: ['html', 'stylesheets'],
    title: msg('應以相對單位設定行高', 'Line height should be set, in relative units'),
    description: msg(
      'AAA 等級：line-height 以 px、pt 等絕對單位設定時不會隨字級放大，放大文字後行與行會重疊（網站無障礙規範 CS3140802C）。',
      'Level AAA: a line-height in absolute units (px, pt …) does not grow with the text, so enlarged lines overlap (Taiwan accessibility spec CS3140802C).',
    ),
    howToFix: msg('以無單位的行高設定內文行距（例如 body { line-height: 1.5 }）或使用 em。', 'Set the text\'s line spacing unitless (e.g. body { line-height: 1.5 }) or in em.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/css/C21',
    source: '網站無障礙規範 115.11 CS3140802C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const hits = authoredCssHits(page, absoluteLineHeightTest);
    if (hits.length) return fail(unitFinding(hits, msg('行高', 'line-height')));
    if (authoredCssHits(page, lineHeightTest).length === 0) {
      return fail({ message: msg('網頁的樣式沒有設定行高（line-height）', 'The page\'s CSS sets no line-height at all'), data: { count: 0 } });
    }
    return pass();
  },
};
