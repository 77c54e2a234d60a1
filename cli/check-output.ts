// The end of `govcheck check` and `govcheck audit`: one report from site results, written to stdout or
// --output, and the contract's exit status (0 within budget, 1 budget or --fail-under failed, 3 a site
// could not be checked).
import { writeFileSync } from 'node:fs';
import type { CheckReport, Lang, SiteResult } from '../core/types.ts';
import { VERSION } from '../core/version.ts';
import type { reporterFor } from '../reports/check/index.ts';

export interface CheckOutputOptions {
  command: string;
  reporter: NonNullable<ReturnType<typeof reporterFor>>;
  format: string;
  now: Date;
  lang: Lang;
  output?: string;
  failUnder?: number;
}

export function emitCheckReport(sites: SiteResult[], o: CheckOutputOptions): number {
  const report: CheckReport = {
    tool: { name: 'govcheck', version: VERSION, engines: { ...sites[0]?.engines } },
    now: isoTaipei(o.now),
    lang: o.lang,
    sites,
  };
  const text = o.reporter.render(report, { color: !o.output && process.stdout.isTTY === true && o.format === 'text' });
  if (o.output) writeFileSync(o.output, text);
  else process.stdout.write(text);

  if (sites.some((s) => s.status !== 'ok')) {
    for (const s of sites.filter((x) => x.status !== 'ok')) process.stderr.write(`govcheck ${o.command}: ${s.url}: ${s.status}: ${s.error}\n`);
    return 3;
  }
  const belowFloor = o.failUnder !== undefined && sites.some((s) => s.scores.overall !== null && s.scores.overall < o.failUnder!);
  const overBudget = sites.some((s) => s.budgets.some((b) => !b.passed));
  return belowFloor || overBudget ? 1 : 0;
}

/** ISO time at +08:00, the zone every date in govcheck's output is read in. */
export function isoTaipei(d: Date): string {
  const shifted = new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '');
  return `${shifted}+08:00`;
}
