// tw/absolute-line-height (CS3140802C, AAA): line-height in absolute units (px, pt …) does not grow with
// the text, so enlarged text overlaps. Freego fails absolute line-height in style attributes, <style> and
// linked CSS; unitless, em and % pass.
import type { PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { absoluteLineHeightTest } from './lib/css.ts';
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
    title: msg('行高應使用相對單位', 'Line height should use relative units'),
    description: msg(
      'AAA 等級：line-height 以 px、pt 等絕對單位設定時不會隨字級放大，放大文字後行與行會重疊（網站無障礙規範 CS3140802C）。',
      'Level AAA: a line-height in absolute units (px, pt …) does not grow with the text, so enlarged lines overlap (Taiwan accessibility spec CS3140802C).',
    ),
    howToFix: msg('改用無單位的行高（例如 line-height: 1.5）或 em。', 'Use a unitless line-height (e.g. line-height: 1.5) or em.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/css/C21',
    source: '網站無障礙規範 115.11 CS3140802C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const hits = authoredCssHits(page, absoluteLineHeightTest);
    return hits.length ? fail(unitFinding(hits, msg('行高', 'line-height'))) : pass();
  },
};
