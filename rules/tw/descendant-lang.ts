// tw/descendant-lang (HM2310200C ★): a lang attribute inside the page must name a real change of language:
// Freego fails lang="" and a lang equal to the page's own (html lang). Invalid values are axe's valid-lang
// (same code).
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, hiddenByMarkup } from './lib/markup.ts';

export const descendantLang: PageRule = {
  meta: {
    id: 'tw/descendant-lang',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['3.1.2'],
    twCodes: { '115.11': ['HM2310200C'], '110.07': ['HM2310200C'] },
    level: 'AA',
    requires: ['html'],
    title: msg('局部語言標示須有效且不重複', 'Language changes must be marked with a real, different lang'),
    description: msg(
      '頁面內元素的 lang 應標示與頁面不同的語言；lang="" 或與 <html lang> 相同的 lang，Freego 判定不通過（網站無障礙規範 HM2310200C）。',
      'A lang on an element inside the page should mark a language different from the page\'s; Freego fails lang="" and a lang equal to <html lang> (Taiwan accessibility spec HM2310200C).',
    ),
    howToFix: msg(
      '移除與 <html lang> 相同或空白的 lang；外語段落標示正確的語言代碼（如 lang="en"）。',
      'Remove empty lang attributes and those equal to <html lang>; mark passages in another language with their code (e.g. lang="en").',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H58',
    source: '網站無障礙規範 115.11 HM2310200C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const doc = documentOf(page);
    const root = (doc.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase();
    const marked = Array.from(doc.querySelectorAll('[lang]')).filter((el) => el !== doc.documentElement && !hiddenByMarkup(el) && !el.closest('svg,math'));
    if (!marked.length) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const el of marked) {
      const lang = (el.getAttribute('lang') ?? '').trim();
      const kind = lang === '' ? 'empty' : root && lang.toLowerCase() === root ? 'same-as-page' : null;
      if (!kind) continue;
      findings.push({
        selector: selectorOf(el),
        snippet: snippetOf(el, 160),
        message:
          kind === 'empty'
            ? msg('元素的 lang 屬性是空的', 'An element has an empty lang attribute')
            : msg(`元素的 lang="${lang}" 與頁面語言相同，屬重複標示`, `An element repeats the page language (lang="${lang}")`),
        data: { lang, kind },
      });
    }
    return resultOf(capFindings(findings));
  },
};
