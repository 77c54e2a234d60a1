// `govcheck report --format csv`: one row per site (CONTRACT columns), agencies in rank order.
// UTF-8 with a BOM and CRLF line ends, so Excel opens Chinese agency names correctly.
import { csvDocument } from '../escape.ts';
import type { SweepReportModel } from './model.ts';

export const CSV_COLUMNS = ['agency_id', 'agency_name', 'site_url', 'status', 'overall', 'accessibility', 'performance', 'freshness', 'governance', 'security', 'last_updated', 'findings'] as const;

export function renderCsv(model: SweepReportModel): string {
  const rows: unknown[][] = [[...CSV_COLUMNS]];
  for (const a of model.agencies) {
    for (const s of a.sites) {
      rows.push([a.id, a.name, s.url, s.status, s.scores.overall, s.scores.accessibility, s.scores.performance, s.scores.freshness, s.scores.governance, s.scores.security, s.lastUpdated, s.status === 'pending' ? null : s.findings]);
    }
  }
  return csvDocument(rows, { bom: true });
}

export const CODES_CSV_COLUMNS = ['agency_id', 'agency_name', 'site_url', 'edition', 'level_checked', 'level_met', 'code', 'code_level', 'status', 'pages_failing', 'findings'] as const;

/** `govcheck report --format codes-csv`: one row per site and 網站無障礙規範 code (規範檢核), same CSV conventions. */
export function renderCodesCsv(model: SweepReportModel): string {
  const rows: unknown[][] = [[...CODES_CSV_COLUMNS]];
  for (const a of model.agencies) {
    for (const s of a.sites) {
      for (const c of s.codes) rows.push([a.id, a.name, s.url, c.edition, s.conformance.level, s.conformance.meets, c.code, c.level, c.status, c.pages, c.findings]);
    }
  }
  return csvDocument(rows, { bom: true });
}
