// The HTML table model behind a11y/table-header-has-cells, on hand-built table artifacts.
import { describe, expect, it } from 'vitest';
import type { TableArtifact, TableCellArtifact } from '../../../core/types.ts';
import { tableHeaderHasCells } from '../../../rules/accessibility/table-header-has-cells.ts';
import { assignHeaders } from '../../../rules/accessibility/lib/table-headers.ts';
import { makePage, makeSite, pageContext } from '../../helpers/artifacts.ts';

type CellSpec = string | (Partial<TableCellArtifact> & { text: string });

/** 'th:Name' / 'td:1' shorthand, or a partial cell. */
function cell(spec: CellSpec): TableCellArtifact {
  const base = typeof spec === 'string' ? { tag: spec.slice(0, 2) as 'td' | 'th', text: spec.slice(3) } : spec;
  return {
    tag: 'td',
    role: null,
    colspan: 1,
    rowspan: 1,
    id: null,
    headers: null,
    scope: null,
    exposed: true,
    visible: true,
    selector: base.text,
    ...base,
    empty: base.text === '',
  };
}

function table(rows: CellSpec[][], extra: Partial<TableArtifact> = {}): TableArtifact {
  return { kind: 'html', role: null, exposed: true, selector: 'table', truncated: false, rows: rows.map((r) => ({ group: 0, cells: r.map(cell) })), ...extra };
}

function unassigned(t: TableArtifact): string[] {
  return [...assignHeaders(t)].filter(([, cells]) => cells.length === 0).map(([h]) => h.cell.text);
}

function run(tables: TableArtifact[]) {
  const page = makePage('<html><body></body></html>', { tables });
  return tableHeaderHasCells.check(page, pageContext(makeSite([page]), page));
}

describe('table header assignment (HTML table model)', () => {
  it('column headers label the cells below them; a column without cells is reported', () => {
    expect(unassigned(table([['th:Rate', 'th:Value'], ['td:15%']]))).toEqual(['Value']);
    expect(unassigned(table([['th:Rate', 'th:Value'], ['td:15%', 'td:3']]))).toEqual([]);
  });

  it('a tfoot row group comes last in the table, wherever the markup puts it', () => {
    // <table><tfoot><tr><th>Total</th></tr></tfoot><tbody><tr><td>3</td></tr></tbody>: the footer header sits
    // below the data cell, so it labels nothing; the same row as an ordinary first group labels the cell below.
    const rows = (foot: boolean): TableArtifact['rows'] => [
      { group: 0, ...(foot ? { foot: true as const } : {}), cells: [cell('th:Total')] },
      { group: 1, cells: [cell('td:3')] },
    ];
    expect(unassigned(table([], { rows: rows(true) }))).toEqual(['Total']);
    expect(unassigned(table([], { rows: rows(false) }))).toEqual([]);
  });

  it('colspan covers several columns', () => {
    expect(unassigned(table([['th:Projects', 'th:Exams'], [{ tag: 'td', text: '15%', colspan: 2 }]]))).toEqual([]);
  });

  it('a headers attribute replaces the implicit headers', () => {
    const ids = (t: string, id: string) => ({ tag: 'th' as const, text: t, id });
    expect(unassigned(table([[ids('Country', 'c1'), ids('Starting with Z', 'c2')], ['td:Zambia', { tag: 'td', text: 'Zimbabwe', headers: 'c1' }]]))).toEqual(['Starting with Z']);
    expect(unassigned(table([[ids('Cities', 'c1'), ids('Count', 'c2')], ['td:Paris'], [{ tag: 'td', text: '1', headers: 'c2' }]]))).toEqual([]);
  });

  it('row headers label their row, and the corner header labels the row headers below it', () => {
    expect(unassigned(table([['th:Day', 'th:Morning'], ['th:Mon', 'td:8-12'], ['th:Sat', 'td:10-14']]))).toEqual([]);
  });

  it('ARIA grids use position: a columnheader labels its column', () => {
    const aria = (r: string) => ({ tag: 'other' as const, role: r });
    const grid = table(
      [
        [{ ...aria('columnheader'), text: 'Room' }, { ...aria('columnheader'), text: 'Occupant' }],
        [{ ...aria('gridcell'), text: '1A' }],
      ],
      { kind: 'aria', role: 'grid' },
    );
    expect(unassigned(grid)).toEqual(['Occupant']);
  });
});

describe('a11y/table-header-has-cells', () => {
  it('fails a visible header with no cells, naming it', () => {
    const r = run([table([['th:Rate', 'th:Value'], ['td:15%']])]);
    expect(r.findings.map((f) => f.selector)).toEqual(['Value']);
  });

  it('leaves alone hidden headers, presentational tables and tables without data', () => {
    expect(run([table([[{ tag: 'th', text: 'Org', exposed: false }, 'th:Value'], ['td:W3C', 'td:1']])]).findings).toEqual([]);
    expect(run([table([['th:Rate', 'th:Value'], ['td:15%']], { role: 'presentation' })]).applicable).toBe(false);
    expect(run([table([['th:Name', 'th:Date']])]).applicable).toBe(false);
    expect(run([]).applicable).toBe(false);
  });
});
