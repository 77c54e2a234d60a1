// tw/grouped-choices (115.11 HM1130105C): radio buttons or check boxes sharing a name are one question and
// must be grouped in a <fieldset> (with a legend, tw/fieldset-legend), or at least an ARIA group with a name.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { shownElements } from './lib/markup.ts';

function grouped(input: Element): boolean {
  if (input.closest('fieldset')) return true;
  const group = input.closest('[role=radiogroup], [role=group]');
  return !!group && !!(normalizeText(group.getAttribute('aria-label') ?? '') || (group.getAttribute('aria-labelledby') ?? '').trim());
}

export const groupedChoices: PageRule = {
  meta: {
    id: 'tw/grouped-choices',
    category: 'governance',
    severity: 'moderate',
    scope: 'page',
    pages: 'all',
    wcag: ['1.3.1'],
    twCodes: { '115.11': ['HM1130105C'] },
    level: 'A',
    requires: ['html'],
    title: msg('同名的選項按鈕與核取方塊須以 fieldset 群組', 'Radio buttons and check boxes sharing a name must be grouped in a fieldset'),
    description: msg(
      '同一題的單選或多選選項（相同 name）須放在有 <legend> 的 <fieldset> 中，讓螢幕報讀軟體唸出題目（網站無障礙規範 115.11 HM1130105C）。',
      'Radio buttons or check boxes of one question (same name) must sit in a <fieldset> with a <legend>, so screen readers announce the question (Taiwan accessibility spec 115.11 HM1130105C).',
    ),
    howToFix: msg(
      '以 <fieldset><legend>題目</legend>…選項…</fieldset> 包住同一組選項。',
      'Wrap the options in <fieldset><legend>Question</legend>…options…</fieldset>.',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H71',
    source: '網站無障礙規範 115.11 HM1130105C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const sets = new Map<string, Element[]>();
    for (const input of shownElements(page, 'input[type=radio][name], input[type=checkbox][name]')) {
      const form = input.closest('form');
      const key = `${(input.getAttribute('type') ?? '').toLowerCase()}\u0000${input.getAttribute('name')}\u0000${form ? selectorOf(form) : ''}`;
      sets.set(key, [...(sets.get(key) ?? []), input]);
    }
    const groups = [...sets.values()].filter((s) => s.length > 1);
    if (!groups.length) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const inputs of groups) {
      if (inputs.every(grouped)) continue;
      const first = inputs[0]!;
      const name = first.getAttribute('name') ?? '';
      findings.push({
        selector: selectorOf(first),
        snippet: snippetOf(first),
        message: msg(`${inputs.length} 個 name="${name}" 的選項沒有以 <fieldset> 群組`, `${inputs.length} options named "${name}" are not grouped in a <fieldset>`),
        data: { name, count: inputs.length },
      });
    }
    return resultOf(findings);
  },
};
