// tw/table-header-scope (HM1130101C ★): in a table with header cells in more than one row (the annex's
// condition: more than one tr containing th, i.e. row headers or stacked header rows), every header cell
// needs a scope, or an id that data cells point to with headers. WCAG lets browsers infer these; the annex
// does not. A single header row is unambiguous and left alone.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { closestMatching, normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, shownElements } from './lib/markup.ts';

const SCOPES = new Set(['row', 'col', 'rowgroup', 'colgroup']);
const LAYOUT_ROLES = new Set(['presentation', 'none']);

export const tableHeaderScope: PageRule = {
  meta: {
    id: 'tw/table-header-scope',
    category: 'governance',
    severity: 'moderate',
    scope: 'page',
    pages: 'all',
    wcag: ['1.3.1'],
    twCodes: { '115.11': ['HM1130101C'], '110.07': ['HM1130101C'] },
    level: 'A',
    requires: ['html'],
    title: msg('多列標頭的表格須以 scope 標示標頭方向', 'Header cells of tables with headers in several rows need a scope'),
    description: msg(
      '表格中有多於一列含標頭儲存格（th）時（例如同時有欄標頭與列標頭），每個 th 都須以 scope="col"/"row" 標示方向，或以 id 搭配資料格的 headers 屬性關聯（網站無障礙規範 HM1130101C）。',
      'When header cells (th) appear in more than one row of a table (e.g. both column and row headers), every th needs scope="col"/"row", or an id that data cells reference with headers (Taiwan accessibility spec HM1130101C).',
    ),
    howToFix: msg('欄標頭加 scope="col"，列標頭加 scope="row"。', 'Add scope="col" to column headers and scope="row" to row headers.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H63',
    source: '網站無障礙規範 115.11 HM1130101C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const tables = shownElements(page, 'table').filter((t) => !LAYOUT_ROLES.has((t.getAttribute('role') ?? '').trim().toLowerCase()));
    const findings: FindingDraft[] = [];
    let applicable = false;
    for (const table of tables) {
      // Cells of this table only, not of tables nested in it.
      const cells = Array.from(table.querySelectorAll('th, td')).filter((c) => closestMatching(c, 'table') === table);
      const headers = cells.filter((c) => c.tagName === 'TH');
      const headerRows = new Set(headers.map((th) => closestMatching(th, 'tr')));
      if (headerRows.size < 2) continue;
      applicable = true;
      const referenced = new Set(cells.flatMap((c) => (c.getAttribute('headers') ?? '').split(/\s+/).filter(Boolean)));
      for (const th of headers) {
        if (SCOPES.has((th.getAttribute('scope') ?? '').trim().toLowerCase())) continue;
        const id = th.getAttribute('id');
        if (id && referenced.has(id)) continue;
        const text = normalizeText(th.textContent ?? '').slice(0, 40);
        findings.push({
          selector: selectorOf(th),
          snippet: snippetOf(th, 160),
          message: msg(`表格標頭「${text}」沒有 scope，也沒有被資料格的 headers 參照`, `The table header "${text}" has no scope and no data cell refers to it with headers`),
          data: { text },
        });
      }
    }
    return applicable ? resultOf(capFindings(findings)) : notApplicable();
  },
};
