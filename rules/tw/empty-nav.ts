// tw/empty-nav (HM1240102C): the annex asks related links to be grouped in <nav>; Freego fails a visible
// <nav> that has no child elements (an empty landmark announced to screen-reader users).
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { shownElements } from './lib/markup.ts';

export const emptyNav: PageRule = {
  meta: {
    id: 'tw/empty-nav',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['2.4.1'],
    twCodes: { '115.11': ['HM1240102C'], '110.07': ['HM1240102C'] },
    level: 'A',
    requires: ['html'],
    title: msg('nav 導覽區塊不可為空', 'A nav element must not be empty'),
    description: msg(
      '以 <nav> 群組相關鏈結；沒有任何子元素的 <nav> 會被報讀為空的導覽區，Freego 判定不通過（網站無障礙規範 HM1240102C）。',
      'Group related links in <nav>; a <nav> without child elements is announced as an empty navigation region, and Freego fails it (Taiwan accessibility spec HM1240102C).',
    ),
    howToFix: msg('移除空的 <nav>，或把導覽鏈結放進去。', 'Remove the empty <nav> or put the navigation links in it.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H97',
    source: '網站無障礙規範 115.11 HM1240102C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const navs = shownElements(page, 'nav');
    if (!navs.length) return notApplicable();
    const findings: FindingDraft[] = navs
      .filter((nav) => nav.children.length === 0)
      .map((nav) => ({ selector: selectorOf(nav), snippet: snippetOf(nav), message: msg('<nav> 沒有任何子元素', 'The <nav> has no child elements') }));
    return resultOf(findings);
  },
};
