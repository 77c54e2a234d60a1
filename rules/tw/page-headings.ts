// tw/page-headings (HM3241000C, AAA): 115.11 — the page must use heading elements (2.4.10 section headings).
import type { PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { headingElements } from './lib/headings.ts';

export const pageHeadings: PageRule = {
  meta: {
    id: 'tw/page-headings',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['2.4.10'],
    twCodes: { '115.11': ['HM3241000C'], '110.07': ['HM3241000C'] },
    level: 'AAA',
    requires: ['html'],
    title: msg('網頁須使用標題元素', 'The page must use heading elements'),
    description: msg(
      'AAA 等級：網頁須以標題元素（h1–h6）區分內容段落（網站無障礙規範 HM3241000C）。',
      'Level AAA: the page must organise its content with heading elements (h1–h6) (Taiwan accessibility spec HM3241000C).',
    ),
    howToFix: msg('為頁面與各內容區塊加上 <h1>–<h6> 標題。', 'Give the page and each content section an <h1>–<h6> heading.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/section-headings',
    source: '網站無障礙規範 115.11 HM3241000C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    return headingElements(page).length ? pass() : fail({ message: msg('網頁沒有使用任何標題元素', 'The page uses no heading elements') });
  },
};
