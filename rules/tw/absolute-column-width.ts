// tw/absolute-column-width (CS3140801C, AAA): text columns need relative widths so lines stay under 80
// Latin / 40 CJK characters at any text size. Freego fails max-width in absolute units (px, pt …) in style
// attributes, <style> and linked CSS; %, em, rem, ch and vw pass.
import type { PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { absoluteMaxWidthTest } from './lib/css.ts';
import { authoredCssHits, unitFinding } from './lib/page-css.ts';

export const absoluteColumnWidth: PageRule = {
  meta: {
    id: 'tw/absolute-column-width',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['1.4.8'],
    twCodes: { '115.11': ['CS3140801C'], '110.07': ['CS3140801C'] },
    level: 'AAA',
    requires: ['html', 'stylesheets'],
    title: msg('欄寬應使用相對單位', 'Column widths should use relative units'),
    description: msg(
      'AAA 等級：以 px 等絕對單位設定 max-width 時，欄寬不隨字級調整，無法確保每行不超過 80 個英文字或 40 個中文字（網站無障礙規範 CS3140801C）。',
      'Level AAA: a max-width in absolute units (px …) does not follow the text size, so lines cannot be kept under 80 Latin or 40 CJK characters (Taiwan accessibility spec CS3140801C).',
    ),
    howToFix: msg('改用 em、rem、ch 或 %（例如 max-width: 40em）。', 'Use em, rem, ch or % (e.g. max-width: 40em).'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/css/C20',
    source: '網站無障礙規範 115.11 CS3140801C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const hits = authoredCssHits(page, absoluteMaxWidthTest);
    return hits.length ? fail(unitFinding(hits, msg('欄寬（max-width）', 'max-width'))) : pass();
  },
};
