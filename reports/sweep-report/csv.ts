// `govcheck report --format csv`: one row per site (CONTRACT columns), agencies in rank order.
// UTF-8 with a BOM and CRLF line ends, so Excel opens Chinese agency names correctly.
import type { SweepReportModel } from './model.ts';

export const CSV_COLUMNS = ['agency_id', 'agency_name', 'site_url', 'status', 'overall', 'accessibility', 'performance', 'freshness', 'governance', 'security', 'last_updated', 'findings'] as const;

/** One cell: quoted when needed; text a spreadsheet would run as a formula is defused with a quote. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(model: SweepReportModel): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const a of model.agencies) {
    for (const s of a.sites) {
      lines.push(
        [a.id, a.name, s.url, s.status, s.scores.overall, s.scores.accessibility, s.scores.performance, s.scores.freshness, s.scores.governance, s.scores.security, s.lastUpdated, s.status === 'pending' ? null : s.findings]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const CODES_CSV_COLUMNS = ['agency_id', 'agency_name', 'site_url', 'edition', 'level_checked', 'level_met', 'code', 'code_level', 'status', 'pages_failing', 'findings'] as const;

/** `govcheck report --format codes-csv`: one row per site and 網站無障礙規範 code (規範檢核), same CSV conventions. */
export function renderCodesCsv(model: SweepReportModel): string {
  const lines = [CODES_CSV_COLUMNS.join(',')];
  for (const a of model.agencies) {
    for (const s of a.sites) {
      for (const c of s.codes) {
        lines.push([a.id, a.name, s.url, c.edition, s.conformance.level, s.conformance.meets, c.code, c.level, c.status, c.pages, c.findings].map(csvCell).join(','));
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
