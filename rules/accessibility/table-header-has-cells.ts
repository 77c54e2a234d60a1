// WCAG 1.3.1: a table header cell that labels no cell conveys a relationship that is not there
// (ACT d0f69e). axe-core's th-has-data-cells only says "needs review" for this; the table model
// decides it: each visible header cell must be assigned to at least one cell of its table.
import type { FindingDraft, PageRule, TableArtifact } from '../../core/types.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { assignHeaders } from './lib/table-headers.ts';

const PRESENTATIONAL = new Set(['presentation', 'none']);

/** Tables that are real tables to assistive technology, holding data (a table of headers only, e.g.
 * an empty search result, relates nothing and is left alone: ACT's own assumptions exclude it). */
function judged(table: TableArtifact): boolean {
  if (!table.exposed || table.truncated) return false;
  if (table.kind === 'html' && table.role && PRESENTATIONAL.has(table.role)) return false;
  if (table.kind === 'html' && table.role && !['table', 'grid', 'treegrid'].includes(table.role)) return false;
  return table.rows.some((r) => r.cells.some((c) => c.tag !== 'th' && !c.role?.endsWith('header') && !c.empty && c.text !== ''));
}

export const tableHeaderHasCells: PageRule = {
  meta: {
    id: 'a11y/table-header-has-cells',
    requires: ['tables'],
    category: 'accessibility',
    severity: 'moderate',
    scope: 'page',
    pages: 'all',
    wcag: ['1.3.1'],
    actIds: ['d0f69e'],
    title: msg('表格標頭須對應到資料儲存格', 'Table header cells label at least one cell'),
    description: msg(
      '依 HTML 表格模型（rowspan、colspan、scope、headers）計算每個可見標頭儲存格（th、columnheader、rowheader）所對應的儲存格；沒有對應任何儲存格的標頭，會讓螢幕報讀軟體傳達不存在的關係。',
      'Works out, with the HTML table model (rowspan, colspan, scope, headers), which cells each visible header cell (th, columnheader, rowheader) labels; a header that labels no cell makes screen readers convey a relationship that does not exist.',
    ),
    howToFix: msg(
      '補上該欄（列）的資料儲存格，或修正 colspan／headers 屬性使資料格對應到此標頭；若該儲存格不是標頭，請改用 td。',
      'Add the data cells of that column (row), or fix colspan / headers so data cells refer to this header; if the cell is not a header, make it a td.',
    ),
    helpUrl: 'https://www.w3.org/WAI/standards-guidelines/act/rules/d0f69e/',
    source: 'W3C ACT rule d0f69e; HTML table model',
    tags: ['table'],
  },
  check(page) {
    const tables = (page.tables ?? []).filter(judged);
    if (!tables.length) return notApplicable();
    const findings: FindingDraft[] = [];
    let applicable = false;
    for (const table of tables) {
      for (const [header, cells] of assignHeaders(table)) {
        const c = header.cell;
        // scope=rowgroup/colgroup headers label groups; not judged here.
        if (!c.exposed || !c.visible || c.empty || /group/i.test(c.scope ?? '')) continue;
        applicable = true;
        if (cells.length) continue;
        findings.push({
          message: msg(`表格標頭「${c.text}」沒有對應任何儲存格。`, `The table header "${c.text}" labels no cell.`),
          selector: c.selector,
          snippet: `<${c.tag === 'other' ? 'div' : c.tag}>${c.text}</${c.tag === 'other' ? 'div' : c.tag}>`,
        });
      }
    }
    return applicable ? resultOf(findings) : notApplicable();
  },
};
