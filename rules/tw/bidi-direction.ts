// tw/bidi-direction (HM1130200C): text mixing right-to-left script (Arabic, Hebrew …) with left-to-right
// text needs its direction marked — a dir attribute on the element or an ancestor, <bdi>/<bdo>, or
// directional marks (LRM/RLM, embeddings, isolates) — or the words are shown in the wrong order.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf, normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { blockOf, capFindings, hiddenByMarkup } from './lib/markup.ts';

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

function directionMarked(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.hasAttribute('dir') || n.tagName === 'BDI' || n.tagName === 'BDO') return true;
  }
  return false;
}

export const bidiDirection: PageRule = {
  meta: {
    id: 'tw/bidi-direction',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['1.3.2'],
    twCodes: { '115.11': ['HM1130200C'], '110.07': ['HM1130200C'] },
    level: 'A',
    requires: ['html'],
    title: msg('混合書寫方向的文字須標示 dir', 'Mixed-direction text must mark its direction'),
    description: msg(
      '同一段文字混合由右至左（阿拉伯文、希伯來文）與由左至右的文字時，須以 dir 屬性、<bdi> 或方向標記（LRM/RLM）標示，否則詞序會顯示錯亂（網站無障礙規範 HM1130200C）。',
      'Text mixing right-to-left script (Arabic, Hebrew) with left-to-right text must mark its direction with dir, <bdi> or direction marks (LRM/RLM), or the words appear in the wrong order (Taiwan accessibility spec HM1130200C).',
    ),
    howToFix: msg('以 <span dir="rtl" lang="ar">…</span> 或 <bdi> 包住另一方向的文字。', 'Wrap the other-direction text in <span dir="rtl" lang="ar">…</span> or <bdi>.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H56',
    source: '網站無障礙規範 115.11 HM1130200C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const body = documentOf(page).querySelector('body');
    if (!body || !RTL.test(body.textContent ?? '')) return notApplicable();
    const findings: FindingDraft[] = [];
    const seen = new Set<Element>();
    const walk = (el: Element) => {
      if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName)) return;
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join(' ');
      // Right-to-left words in a run of text (the element's block) that also holds left-to-right words.
      const text = RTL.test(own) ? normalizeText(`${own} ${blockOf(el)?.textContent ?? ''}`) : '';
      if (RTL.test(own) && LTR.test(text) && !MARKS.test(text) && !directionMarked(el) && !hiddenByMarkup(el) && !seen.has(el)) {
        seen.add(el);
        findings.push({
          selector: selectorOf(el),
          snippet: snippetOf(el, 160),
          message: msg(`「${normalizeText(own).slice(0, 40)}」與由左至右的文字混排，卻沒有標示 dir`, `"${normalizeText(own).slice(0, 40)}" is mixed with left-to-right text without dir`),
        });
      }
      for (const child of Array.from(el.children)) walk(child);
    };
    walk(body);
    return resultOf(capFindings(findings));
  },
};
