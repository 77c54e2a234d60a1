// Sweep report formats (govcheck report --format …).
import { renderCodesCsv, renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import type { SweepReportModel } from './model.ts';

export { buildSweepReport, type SweepReportModel } from './model.ts';

export const SWEEP_REPORT_FORMATS = ['csv', 'json', 'html', 'codes-csv'] as const;
export type SweepReportFormat = (typeof SWEEP_REPORT_FORMATS)[number];

export function renderSweepReport(format: SweepReportFormat, model: SweepReportModel): string {
  if (format === 'csv') return renderCsv(model);
  if (format === 'codes-csv') return renderCodesCsv(model);
  if (format === 'html') return renderHtml(model);
  return renderJson(model);
}
