// tw/link-title-standalone (HM3240900C, AAA ★): every stand-alone link needs both link text and a non-empty
// title (115.11; under 110.07 Freego asked it of every link). Links in a run of text are
// tw/link-title-in-context's (HM1240401C).
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf, normalizeText } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, isShown, labelOf, linkContentName, linkEvidence, linkInContext } from './lib/markup.ts';

export const linkTitleStandalone: PageRule = {
  meta: {
    id: 'tw/link-title-standalone',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['2.4.9'],
    twCodes: { '115.11': ['HM3240900C'], '110.07': ['HM3240900C'] },
    level: 'AAA',
    requires: ['html', 'links'],
    title: msg('單獨鏈結須有鏈結文字與 title', 'Stand-alone links need link text and a title'),
    description: msg(
      'AAA 等級：每個單獨出現的鏈結須同時有非空的鏈結文字（或圖片 alt）與非空的 title（網站無障礙規範 HM3240900C）。',
      'Level AAA: every stand-alone link needs non-empty link text (or image alt) and a non-empty title (Taiwan accessibility spec HM3240900C).',
    ),
    howToFix: msg('為鏈結加上說明目的的 title，圖片鏈結另須有 alt。', 'Give the link a title stating its purpose; image links also need an alt.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-link-only',
    source: '網站無障礙規範 115.11 HM3240900C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const links = Array.from(documentOf(page).querySelectorAll('a[href]')).filter((a) => isShown(page, a) && !linkInContext(a));
    if (!links.length) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const a of links) {
      const name = linkContentName(a);
      const title = normalizeText(a.getAttribute('title') ?? '');
      if (name && title) continue;
      const missing = !name && !title ? 'both' : !name ? 'text' : 'title';
      const zh = { both: '沒有鏈結文字也沒有 title', text: '沒有鏈結文字', title: '沒有 title' }[missing];
      const en = { both: 'has neither link text nor a title', text: 'has no link text', title: 'has no title' }[missing];
      findings.push({
        ...linkEvidence(page, a),
        message: msg(`鏈結「${labelOf(a)}」${zh}`, `The link "${labelOf(a)}" ${en}`),
        data: { missing },
      });
    }
    return resultOf(capFindings(findings));
  },
};
