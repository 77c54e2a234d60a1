// The end of `govcheck check` and `govcheck audit`: one report from site results, written to stdout or
// --output, and the contract's exit status (0 within budget, 1 budget or --fail-under failed, 3 a site
// could not be checked).
import { writeFileSync } from 'node:fs';
import type { CheckReport, Lang, SiteResult } from '../core/types.ts';
import { VERSION } from '../core/version.ts';
import type { reporterFor } from '../reports/check/index.ts';
import { applyBaseline, newBlockingFindings, type Baseline } from '../core/baseline.ts';

export interface CheckOutputOptions {
  command: string;
  reporter: NonNullable<ReturnType<typeof reporterFor>>;
  format: string;
  now: Date;
  lang: Lang;
  output?: string;
  failUnder?: number;
  /** Notes on the run itself (e.g. expired waivers): in the report and on stderr. */
  warnings?: string[];
  /** --baseline: mark findings new/unchanged, list fixed ones; new serious/critical ones fail (exit 1). */
  baseline?: Baseline | null;
}

export function emitCheckReport(sites: SiteResult[], o: CheckOutputOptions): number {
  const report: CheckReport = {
    tool: { name: 'govcheck', version: VERSION, engines: { ...sites[0]?.engines } },
    now: isoTaipei(o.now),
    lang: o.lang,
    sites,
  };
  if (o.warnings?.length) {
    report.warnings = o.warnings;
    for (const w of o.warnings) process.stderr.write(`govcheck ${o.command}: warning: ${w}\n`);
  }
  if (o.baseline) applyBaseline(report, o.baseline);
  const text = o.reporter.render(report, { color: !o.output && process.stdout.isTTY === true && o.format === 'text' });
  if (o.output) writeFileSync(o.output, text);
  else process.stdout.write(text);

  if (sites.some((s) => s.status !== 'ok')) {
    for (const s of sites.filter((x) => x.status !== 'ok')) process.stderr.write(`govcheck ${o.command}: ${s.url}: ${s.status}: ${s.error}\n`);
    return 3;
  }
  // Fail closed: a site without an overall score cannot pass the gate (e.g. the weights of every
  // category that ran are 0).
  const unscored = o.failUnder === undefined ? [] : sites.filter((s) => s.scores.overall === null);
  for (const s of unscored) process.stderr.write(`govcheck ${o.command}: ${s.url}: --fail-under ${o.failUnder}: no overall score to compare (no category that ran has a weight above 0); failing\n`);
  const belowFloor = unscored.length > 0 || (o.failUnder !== undefined && sites.some((s) => s.scores.overall !== null && s.scores.overall < o.failUnder!));
  const overBudget = sites.some((s) => s.budgets.some((b) => !b.passed));
  const blocking = o.baseline ? newBlockingFindings(report) : 0;
  if (blocking) process.stderr.write(`govcheck ${o.command}: ${blocking} new serious or critical finding(s) since the baseline\n`);
  return belowFloor || overBudget || blocking > 0 ? 1 : 0;
}

/** ISO time at +08:00, the zone every date in govcheck's output is read in. */
export function isoTaipei(d: Date): string {
  const shifted = new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '');
  return `${shifted}+08:00`;
}
