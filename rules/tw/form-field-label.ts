// tw/form-field-label (HM1130104C ★): a visible input, select or textarea needs an associated <label>, a
// non-empty title or an ARIA name; Freego fails a field whose only name is its placeholder, which axe's
// `label` rule accepts. Fields with no name at all are axe's (label, select-name), which carry the same code.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf, normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, shownElements, visibleTextOf } from './lib/markup.ts';

const UNLABELLED_TYPES = new Set(['hidden', 'submit', 'reset', 'button', 'image']);

/** Text a <label> gives: its text without the control's own text, plus alt of images in it. */
function labelText(label: Element): string {
  const alts = Array.from(label.querySelectorAll('img[alt]')).map((i) => i.getAttribute('alt') ?? '');
  return normalizeText(`${visibleTextOf(label)} ${alts.join(' ')}`);
}

/** A name Freego accepts: <label for>, wrapping <label>, title, aria-label, aria-labelledby. */
export function hasFreegoName(field: Element, doc: Document): boolean {
  const id = field.getAttribute('id');
  if (id && Array.from(doc.querySelectorAll('label[for]')).some((l) => l.getAttribute('for') === id && labelText(l))) return true;
  const wrapping = field.closest('label');
  if (wrapping && labelText(wrapping)) return true;
  if (normalizeText(field.getAttribute('title') ?? '') || normalizeText(field.getAttribute('aria-label') ?? '')) return true;
  return (field.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((ref) => {
    const target = ref ? doc.getElementById(ref) : null;
    return !!target && !!normalizeText(target.textContent ?? '');
  });
}

export const formFieldLabel: PageRule = {
  meta: {
    id: 'tw/form-field-label',
    category: 'governance',
    severity: 'serious',
    scope: 'page',
    pages: 'all',
    wcag: ['1.3.1'],
    twCodes: { '115.11': ['HM1130104C'], '110.07': ['HM1130104C'] },
    level: 'A',
    requires: ['html'],
    title: msg('表單欄位不可只以 placeholder 提示', 'Form fields need a label, not only a placeholder'),
    description: msg(
      '可見的 input、select、textarea 須以 <label> 關聯、或有非空的 title 或 ARIA 名稱；只有 placeholder 提示文字時，輸入後提示即消失，Freego 判定不通過（網站無障礙規範 HM1130104C）。',
      'A visible input, select or textarea needs an associated <label>, a non-empty title or an ARIA name; a placeholder alone disappears once the user types, and Freego fails it (Taiwan accessibility spec HM1130104C).',
    ),
    howToFix: msg(
      '為欄位加上 <label for="欄位id">欄位名稱</label>（可視覺隱藏），或加上與提示相同的 title。',
      'Add <label for="field-id">Field name</label> (it may be visually hidden), or a title repeating the prompt.',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H44',
    source: '網站無障礙規範 115.11 HM1130104C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const doc = documentOf(page);
    const fields = shownElements(page, 'input, select, textarea').filter((f) => !UNLABELLED_TYPES.has((f.getAttribute('type') ?? 'text').trim().toLowerCase()));
    if (!fields.length) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const field of fields) {
      const placeholder = normalizeText(field.getAttribute('placeholder') ?? '');
      if (!placeholder || hasFreegoName(field, doc)) continue;
      findings.push({
        selector: selectorOf(field),
        snippet: snippetOf(field),
        message: msg(`欄位只有 placeholder「${placeholder}」，沒有 <label> 或 title`, `The field has only the placeholder "${placeholder}", no <label> or title`),
        data: { placeholder },
      });
    }
    return resultOf(capFindings(findings));
  },
};
