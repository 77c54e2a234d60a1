// tw/link-title-in-context (HM1240401C ★): the 115.11 annex asks a link that has other content before or
// after it (a link inside a sentence, a list item with a date) to carry a non-empty title, so its purpose
// is available without the surrounding text. Links without any name are axe's link-name (same code).
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf, normalizeText } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, isShown, labelOf, linkEvidence, linkInContext, surroundingTextOf } from './lib/markup.ts';

export const linkTitleInContext: PageRule = {
  meta: {
    id: 'tw/link-title-in-context',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['2.4.4'],
    twCodes: { '115.11': ['HM1240401C'] },
    level: 'A',
    requires: ['html', 'links'],
    title: msg('前後有其他內容的鏈結應有 title', 'Links with content before or after them need a title'),
    description: msg(
      '鏈結前後還有其他文字（例如段落中的鏈結、列表中附日期的鏈結）時，網站無障礙規範 115.11 HM1240401C 要求鏈結有非空的 title，讓鏈結目的不必依賴上下文。',
      'When a link has other content before or after it (a link in a sentence, a list item with a date), Taiwan accessibility spec 115.11 HM1240401C requires a non-empty title so its purpose does not depend on that context.',
    ),
    howToFix: msg(
      '在鏈結加上說明目的的 title，例如 <a href="…" title="115年度資源回收宣導活動">…</a>。',
      'Add a title stating the purpose, e.g. <a href="…" title="2026 recycling campaign">…</a>.',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H33',
    source: '網站無障礙規範 115.11 HM1240401C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const links = Array.from(documentOf(page).querySelectorAll('a[href]')).filter((a) => isShown(page, a) && linkInContext(a));
    if (!links.length) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const a of links) {
      if (normalizeText(a.getAttribute('title') ?? '')) continue;
      const context = surroundingTextOf(a).slice(0, 60);
      findings.push({
        ...linkEvidence(page, a),
        message: msg(`鏈結「${labelOf(a)}」前後有其他內容（「${context}」），但沒有 title`, `The link "${labelOf(a)}" has other content around it ("${context}") but no title`),
        data: { context },
      });
    }
    return resultOf(capFindings(findings));
  },
};
