// tw/heading-structure (HM1130100C ★): Freego fails a page with no heading elements at all, and a
// role=heading without aria-level. WCAG requires neither. Skipped levels and empty headings are axe's
// heading-order and empty-heading (same code).
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { selectorOf, snippetOf } from '../lib/dom.ts';
import { fail, msg, notApplicable, resultOf } from '../lib/result.ts';
import { headingElements } from './lib/headings.ts';

export const headingStructure: PageRule = {
  meta: {
    id: 'tw/heading-structure',
    category: 'governance',
    severity: 'moderate',
    scope: 'page',
    pages: 'all',
    wcag: ['1.3.1'],
    twCodes: { '115.11': ['HM1130100C'], '110.07': ['HM1130100C'] },
    level: 'A',
    requires: ['html'],
    title: msg('網頁須以 h1–h6 標題元素組織內容', 'Pages must use h1–h6 heading elements'),
    description: msg(
      '網站無障礙規範 HM1130100C 要求以 <h1>–<h6> 呈現標題並正確巢狀；整頁沒有任何標題元素，或 role="heading" 未設 aria-level，Freego 判定不通過。',
      'Taiwan accessibility spec HM1130100C requires headings marked up with <h1>–<h6> and properly nested; Freego fails a page with no heading element at all and a role="heading" without aria-level.',
    ),
    howToFix: msg(
      '以 <h1> 標示頁面主標題、<h2> 以下標示各區塊標題；自訂標題元素須加 aria-level。',
      'Mark the page title with <h1> and section titles with <h2> and below; custom heading elements need aria-level.',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H42',
    source: '網站無障礙規範 115.11 HM1130100C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const headings = headingElements(page);
    if (!headings.length) {
      return fail({ message: msg('整頁沒有任何標題元素（h1–h6）', 'The page has no heading element (h1–h6) at all'), data: { headings: 0 } });
    }
    const findings: FindingDraft[] = [];
    for (const el of headings) {
      if (/^H[1-6]$/.test(el.tagName) || /^[1-9]\d*$/.test((el.getAttribute('aria-level') ?? '').trim())) continue;
      findings.push({
        selector: selectorOf(el),
        snippet: snippetOf(el),
        message: msg('role="heading" 的元素沒有有效的 aria-level', 'An element with role="heading" has no valid aria-level'),
      });
    }
    return resultOf(findings);
  },
};
