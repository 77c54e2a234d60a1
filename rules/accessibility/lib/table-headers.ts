// Which cells each table header cell is assigned to. HTML tables follow the HTML standard's table
// model ("forming a table" and "forming relationships between data cells and header cells",
// https://html.spec.whatwg.org/multipage/tables.html#header-and-data-cell-semantics); ARIA tables
// use position only (a columnheader labels its column, a rowheader its row), as browsers do.
import type { TableArtifact, TableCellArtifact } from '../../../core/types.ts';

export interface PlacedCell {
  cell: TableCellArtifact;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Index of the row group the cell is anchored in. */
  group: number;
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const HEADER_ROLES = new Set(['columnheader', 'rowheader']);

/** A role attribute that takes the element out of the table's cell semantics (presentation, none, or a non-cell role). */
function roleOverridden(c: TableCellArtifact): boolean {
  return c.role !== null && !CELL_ROLES.has(c.role);
}

/** Header cell in the HTML table model: a th (role may still say columnheader/rowheader), or any cell given a header role. */
export function isHeaderCell(c: TableCellArtifact): boolean {
  if (c.role && HEADER_ROLES.has(c.role)) return true;
  return c.tag === 'th' && !c.role;
}

/** Rows in table order: the table model puts tfoot row groups after every other group, wherever the markup has them. */
export function rowsInTableOrder(table: TableArtifact): TableArtifact['rows'] {
  return [...table.rows.filter((r) => !r.foot), ...table.rows.filter((r) => r.foot)];
}

/** Places every cell on the slot grid (rowspan/colspan), per the HTML "forming a table" algorithm. */
export function formGrid(table: TableArtifact): { cells: PlacedCell[]; slots: PlacedCell[][][]; width: number; height: number } {
  const cells: PlacedCell[] = [];
  const slots: PlacedCell[][][] = [];
  const at = (x: number, y: number) => ((slots[y] ??= [])[x] ??= []);
  const rows = rowsInTableOrder(table);
  const groupEnd = new Map<number, number>();
  rows.forEach((r, y) => groupEnd.set(r.group, y));
  let width = 0;
  rows.forEach((row, y) => {
    let x = 0;
    for (const cell of row.cells) {
      while (at(x, y).length) x++;
      const w = Math.max(1, cell.colspan);
      const last = groupEnd.get(row.group) ?? y;
      const h = cell.rowspan === 0 ? last - y + 1 : Math.max(1, Math.min(cell.rowspan, last - y + 1));
      const placed: PlacedCell = { cell, x, y, width: w, height: h, group: row.group };
      cells.push(placed);
      for (let dy = 0; dy < h; dy++) for (let dx = 0; dx < w; dx++) at(x + dx, y + dy).push(placed);
      x += w;
      width = Math.max(width, x);
    }
  });
  return { cells, slots, width, height: rows.length };
}

/** Maps each header cell to the cells it is a header of (HTML tables). */
export function assignHtmlHeaders(table: TableArtifact): Map<PlacedCell, PlacedCell[]> {
  const { cells, slots } = formGrid(table);
  const covering = (x: number, y: number) => slots[y]?.[x] ?? [];
  const isData = (p: PlacedCell) => !isHeaderCell(p.cell);
  const scopeOf = (p: PlacedCell) => (p.cell.scope ?? '').trim().toLowerCase();
  const rowHasData = (p: PlacedCell) => {
    for (let y = p.y; y < p.y + p.height; y++) for (const s of slots[y] ?? []) if (s?.some(isData)) return true;
    return false;
  };
  const colHasData = (p: PlacedCell) => {
    for (const row of slots) for (let x = p.x; x < p.x + p.width; x++) if (row?.[x]?.some(isData)) return true;
    return false;
  };
  const columnHeader = (p: PlacedCell) => isHeaderCell(p.cell) && (scopeOf(p) === 'col' || (!['row', 'rowgroup', 'colgroup'].includes(scopeOf(p)) && !rowHasData(p)));
  const rowHeader = (p: PlacedCell) => isHeaderCell(p.cell) && (scopeOf(p) === 'row' || (!['col', 'rowgroup', 'colgroup'].includes(scopeOf(p)) && !columnHeader(p) && !colHasData(p)));
  const byId = new Map<string, PlacedCell>();
  for (const p of cells) if (p.cell.id && !byId.has(p.cell.id)) byId.set(p.cell.id, p);

  const scan = (principal: PlacedCell, list: Set<PlacedCell>, x0: number, y0: number, dx: number, dy: number) => {
    let x = x0;
    let y = y0;
    const opaque: PlacedCell[] = [];
    let inBlock = isHeaderCell(principal.cell);
    let block: PlacedCell[] = inBlock ? [principal] : [];
    for (;;) {
      x += dx;
      y += dy;
      if (x < 0 || y < 0) return;
      const here = covering(x, y);
      if (here.length !== 1) continue;
      const current = here[0];
      if (isHeaderCell(current.cell)) {
        inBlock = true;
        block.push(current);
        let blocked = false;
        if (dx === 0) {
          if (opaque.some((o) => o.x === current.x && o.width === current.width)) blocked = true;
          if (!columnHeader(current)) blocked = true;
        }
        if (dy === 0) {
          if (opaque.some((o) => o.y === current.y && o.height === current.height)) blocked = true;
          if (!rowHeader(current)) blocked = true;
        }
        if (!blocked) list.add(current);
      } else if (inBlock) {
        inBlock = false;
        opaque.push(...block);
        block = [];
      }
    }
  };

  const assigned = new Map<PlacedCell, PlacedCell[]>();
  for (const principal of cells) {
    const list = new Set<PlacedCell>();
    const headers = principal.cell.headers?.trim();
    if (headers) {
      for (const id of headers.split(/\s+/)) {
        const h = byId.get(id);
        if (h) list.add(h);
      }
    } else {
      for (let y = principal.y; y < principal.y + principal.height; y++) scan(principal, list, principal.x, y, -1, 0);
      for (let x = principal.x; x < principal.x + principal.width; x++) scan(principal, list, x, principal.y, 0, -1);
    }
    list.delete(principal);
    for (const h of list) {
      if (h.cell.empty) continue;
      const to = assigned.get(h) ?? [];
      to.push(principal);
      assigned.set(h, to);
    }
  }
  for (const p of cells) if (isHeaderCell(p.cell) && !assigned.has(p)) assigned.set(p, []);
  return assigned;
}

/** Maps each header cell to the cells in its column (columnheader) or row (rowheader): ARIA tables. */
export function assignAriaHeaders(table: TableArtifact): Map<PlacedCell, PlacedCell[]> {
  const { cells } = formGrid({ ...table, rows: table.rows.map((r) => ({ ...r, group: 0, cells: r.cells.map((c) => ({ ...c, rowspan: Math.max(1, c.rowspan) })) })) });
  const assigned = new Map<PlacedCell, PlacedCell[]>();
  for (const h of cells) {
    if (!h.cell.role || !HEADER_ROLES.has(h.cell.role)) continue;
    const column = h.cell.role === 'columnheader';
    assigned.set(
      h,
      cells.filter((c) => c !== h && !roleOverridden(c.cell) && (column ? c.x < h.x + h.width && h.x < c.x + c.width && c.y !== h.y : c.y < h.y + h.height && h.y < c.y + c.height && c.x !== h.x)),
    );
  }
  return assigned;
}

export function assignHeaders(table: TableArtifact): Map<PlacedCell, PlacedCell[]> {
  return table.kind === 'html' ? assignHtmlHeaders(table) : assignAriaHeaders(table);
}
