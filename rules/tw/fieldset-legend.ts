// tw/fieldset-legend (115.11 HM1130105C; 110.07 HM1130103C): a fieldset groups related controls and needs
// a legend with text naming the group (technique H71, made mandatory by the annex).
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { shownElements } from './lib/markup.ts';

export const fieldsetLegend: PageRule = {
  meta: {
    id: 'tw/fieldset-legend',
    category: 'governance',
    severity: 'moderate',
    scope: 'page',
    pages: 'all',
    wcag: ['1.3.1'],
    twCodes: { '115.11': ['HM1130105C'], '110.07': ['HM1130103C'] },
    level: 'A',
    requires: ['html'],
    title: msg('fieldset 須有非空的 legend', 'A fieldset needs a non-empty legend'),
    description: msg(
      '以 <fieldset> 群組相關表單元件時，須以 <legend> 說明群組名稱（網站無障礙規範 115.11 HM1130105C，110.07 為 HM1130103C）。',
      'A <fieldset> grouping related controls needs a <legend> naming the group (Taiwan accessibility spec 115.11 HM1130105C; HM1130103C in 110.07).',
    ),
    howToFix: msg('在 <fieldset> 的第一個子元素放 <legend>群組名稱</legend>。', 'Put <legend>Group name</legend> as the first child of the <fieldset>.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H71',
    source: '網站無障礙規範 115.11 HM1130105C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const fieldsets = shownElements(page, 'fieldset');
    if (!fieldsets.length) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const fs of fieldsets) {
      const legend = Array.from(fs.children).find((c) => c.tagName === 'LEGEND');
      const text = legend ? normalizeText(`${legend.textContent ?? ''} ${Array.from(legend.querySelectorAll('img')).map((i) => i.getAttribute('alt') ?? '').join(' ')}`) : '';
      if (text) continue;
      findings.push({
        selector: selectorOf(fs),
        snippet: snippetOf(fs, 200),
        message: legend ? msg('<fieldset> 的 <legend> 是空的', 'The <fieldset> has an empty <legend>') : msg('<fieldset> 沒有 <legend>', 'The <fieldset> has no <legend>'),
      });
    }
    return resultOf(findings);
  },
};
