// tw/select-optgroup (115.11 HM1130103C; 110.07 HM1130103C_1 — the same string meant fieldset in 110.07):
// a select's options are grouped in optgroups with non-empty labels. The predicate is undocumented; we fail
// an optgroup without a label, and a long list (more than 8 options) with no optgroup, unless its options
// are a plain sequence (numbers, years, dates) that has no groups to show.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { shownElements } from './lib/markup.ts';

export const MAX_UNGROUPED_OPTIONS = 8;
/** 1, 2025, 115年, 01月, 2026-11-30, 12:00: a sequence, not a list of related groups. */
const SEQUENCE = /^[\d\s年月日時分點號/.:：-]+$/;

export const selectOptgroup: PageRule = {
  meta: {
    id: 'tw/select-optgroup',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['1.3.1'],
    twCodes: { '115.11': ['HM1130103C'], '110.07': ['HM1130103C_1'] },
    level: 'A',
    requires: ['html'],
    title: msg('下拉選單的選項應以有標籤的 optgroup 分組', 'Select options should be grouped in labelled optgroups'),
    description: msg(
      `下拉選單選項較多（超過 ${MAX_UNGROUPED_OPTIONS} 項）時應以 <optgroup label="…"> 分組，且每個 optgroup 須有非空的 label（網站無障礙規範 115.11 HM1130103C；110.07 為 HM1130103C_1）。`,
      `A select with many options (more than ${MAX_UNGROUPED_OPTIONS}) should group them in <optgroup label="…">, and every optgroup needs a non-empty label (Taiwan accessibility spec 115.11 HM1130103C; HM1130103C_1 in 110.07).`,
    ),
    howToFix: msg(
      '以 <optgroup label="北部地區">…</optgroup> 分組相關選項；已有的 optgroup 補上 label。',
      'Group related options with <optgroup label="Northern region">…</optgroup>; give existing optgroups a label.',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H85',
    source: '網站無障礙規範 115.11 HM1130103C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const selects = shownElements(page, 'select');
    if (!selects.length) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const select of selects) {
      const groups = Array.from(select.querySelectorAll('optgroup'));
      const unlabelled = groups.filter((g) => !normalizeText(g.getAttribute('label') ?? ''));
      if (unlabelled.length) {
        findings.push({
          selector: selectorOf(unlabelled[0]!),
          snippet: snippetOf(unlabelled[0]!, 160),
          message: msg(`${unlabelled.length} 個 <optgroup> 沒有 label`, `${unlabelled.length} <optgroup> element(s) have no label`),
          data: { kind: 'unlabelled-optgroup', count: unlabelled.length },
        });
        continue;
      }
      if (groups.length) continue;
      const texts = Array.from(select.querySelectorAll('option')).map((o) => normalizeText(o.textContent ?? '')).filter(Boolean);
      if (texts.length <= MAX_UNGROUPED_OPTIONS || texts.filter((t) => !SEQUENCE.test(t)).length <= 1) continue;
      findings.push({
        selector: selectorOf(select),
        snippet: snippetOf(select, 160),
        message: msg(`下拉選單有 ${texts.length} 個選項，沒有以 <optgroup> 分組`, `The select has ${texts.length} options and no <optgroup>`),
        data: { kind: 'ungrouped', options: texts.length },
      });
    }
    return resultOf(findings);
  },
};
