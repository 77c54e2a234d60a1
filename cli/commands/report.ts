// govcheck report: a sweep's results from the database as CSV, JSON or one HTML file.
import { writeFileSync } from 'node:fs';
import { parseLang } from '../../core/i18n.ts';
import { resolveSweep } from '../../reports/store/sweeps.ts';
import { buildSweepReport, renderSweepReport, SWEEP_REPORT_FORMATS, type SweepReportFormat } from '../../reports/sweep-report/index.ts';
import { parseFlags, UsageError } from '../args.ts';
import { openStoreFlag } from '../store-flag.ts';
import { StoreError } from '../../reports/store/db.ts';

export const summary = 'report a sweep from the database as csv, json or html / 檢測報告';

export const help = `Usage: govcheck report [options]

Write the report of a sweep recorded by "govcheck sweep": agencies ranked by overall score with their
coverage (sites checked / registered), their sites, and what changed since the previous check.

Options:
  --db <file>            SQLite database (default govcheck.db)
  --format <f>           csv (one row per site; UTF-8 with BOM for Excel), json (default) or html
                         (one self-contained accessible file with ranking, trend chart and per-agency sections),
                         or codes-csv (one row per site and 網站無障礙規範 code: status, pages failing, findings)
  --sweep <id|latest>    which sweep (default latest: the newest finished national sweep)
  --agency <id>          only this agency (ranks stay national)
  --output <file>        write there instead of stdout
  --lang <zh-TW|en>      html language (default: the sweep's language)

Exit status: 0 written; 2 usage error, missing database or unknown sweep/agency.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    db: { type: 'string' },
    format: { type: 'string' },
    sweep: { type: 'string' },
    agency: { type: 'string' },
    output: { type: 'string' },
    lang: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = (values.format ?? 'json') as SweepReportFormat;
  if (!SWEEP_REPORT_FORMATS.includes(format)) throw new UsageError(`--format: expected ${SWEEP_REPORT_FORMATS.join(', ')}, got "${values.format}"`);
  const lang = values.lang === undefined ? undefined : parseLang(values.lang);
  if (lang === null) throw new UsageError(`--lang: expected zh-TW or en, got "${values.lang}"`);
  const dbFile = values.db ?? 'govcheck.db';
  const db = openStoreFlag(dbFile, { mustExist: true });
  try {
    let text: string;
    try {
      const sweep = resolveSweep(db, values.sweep);
      const model = buildSweepReport(db, sweep, { agency: values.agency ?? null, lang });
      if (values.agency && model.agencies.length === 0) throw new UsageError(`--agency: agency "${values.agency}" has no site in sweep ${sweep.id}`);
      text = renderSweepReport(format, model);
    } catch (e) {
      if (e instanceof StoreError) throw new UsageError(e.message);
      throw e;
    }
    if (values.output) writeFileSync(values.output, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    db.close();
  }
}
