// tables: data tables and ARIA tables/grids, row by row, with what the header cells expose.
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const { attr, collapse, roleOf, exposedEl, visibleContent, refOf, selectorOf } = h;
  const MAX_TABLES = 40, MAX_ROWS = 400, MAX_CELLS = 4000;
  const tables = [];
  for (const t of document.querySelectorAll('table, [role=table], [role=grid], [role=treegrid]')) {
    if (tables.length >= MAX_TABLES) break;
    const html = t.tagName === 'TABLE';
    const rows = [];
    let truncated = false, cellCount = 0;
    const cellOf = (c) => {
      const tag = c.tagName === 'TD' ? 'td' : c.tagName === 'TH' ? 'th' : 'other';
      const role = roleOf(c);
      const span = (n, def, min, max) => { const v = parseInt(attr(c, n) || '', 10); return Number.isFinite(v) && v >= min ? Math.min(v, max) : def; };
      // Only header cells are judged and reported: the costly layout checks and selectors are for them.
      const header = tag === 'th' || (role !== null && role.endsWith('header'));
      const exposed = exposedEl(c);
      return {
        tag, role,
        colspan: html ? span('colspan', 1, 1, 1000) : span('aria-colspan', 1, 1, 1000),
        rowspan: html ? span('rowspan', 1, 0, 65534) : span('aria-rowspan', 1, 1, 65534),
        id: c.id || null, headers: attr(c, 'headers'), scope: attr(c, 'scope'),
        empty: c.children.length === 0 && !/\S/.test(c.textContent || ''),
        exposed, visible: header ? visibleContent(c) : exposed,
        text: collapse(c.textContent).slice(0, 80), ...(header ? { ref: refOf(c), selector: selectorOf(c) } : { selector: '' }),
      };
    };
    // Tables too large to model are never judged; tables without header cells have nothing to judge.
    const rowCount = html ? t.rows.length : t.querySelectorAll('[role=row]').length;
    if (rowCount > MAX_ROWS) { tables.push({ kind: html ? 'html' : 'aria', role: roleOf(t), exposed: true, ref: refOf(t), selector: selectorOf(t), rows: [], truncated: true }); continue; }
    if (!t.querySelector('th, [role=columnheader], [role=rowheader]')) continue;
    const addRow = (group, cells, foot) => {
      if (rows.length >= MAX_ROWS || cellCount + cells.length > MAX_CELLS) { truncated = true; return; }
      cellCount += cells.length;
      rows.push(foot ? { group, foot: true, cells: cells.map(cellOf) } : { group, cells: cells.map(cellOf) });
    };
    if (html) {
      // Row groups as the markup has them, in tree order (bare rows form implicit groups); ordering them
      // as the HTML table model does (tfoot last) is the rules' part (rules/accessibility/lib/table-headers.ts).
      const groups = [];
      let bare = null;
      for (const child of t.children) {
        if (child.tagName === 'TR') { if (!bare) { bare = []; groups.push({ rows: bare, foot: false }); } bare.push(child); continue; }
        bare = null;
        if (child.tagName === 'THEAD' || child.tagName === 'TBODY' || child.tagName === 'TFOOT') groups.push({ rows: Array.from(child.rows), foot: child.tagName === 'TFOOT' });
      }
      groups.forEach((g, gi) => g.rows.forEach((tr) => addRow(gi, Array.from(tr.cells), g.foot)));
    } else {
      const owner = (el) => el.parentElement && el.parentElement.closest('table, [role=table], [role=grid], [role=treegrid]');
      for (const row of t.querySelectorAll('[role=row]')) {
        if (owner(row) !== t) continue;
        const cells = Array.from(row.querySelectorAll('[role=cell], [role=gridcell], [role=columnheader], [role=rowheader]')).filter((c) => c.parentElement.closest('[role=row]') === row);
        addRow(0, cells);
      }
    }
    tables.push({ kind: html ? 'html' : 'aria', role: roleOf(t), exposed: exposedEl(t), ref: refOf(t), selector: selectorOf(t), rows, truncated });
  }
  return tables;
}
