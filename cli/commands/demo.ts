// govcheck demo: the embedded default end to end on bundled fixture agency sites served on
// 127.0.0.1 — generate, serve, sweep into SQLite, write the HTML report, print where things are.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startDemo } from '../../fixtures/demo/index.ts';
import { intFlag, parseFlags } from '../args.ts';
import { run as runSweep } from './sweep.ts';
import { run as runReport } from './report.ts';

export const summary = 'demo sweep of bundled fixture agency sites on 127.0.0.1 / 示範檢測';

export const help = `Usage: govcheck demo [options]

Generates the bundled demo agency sites (Chinese content, varied quality, one down and one behind a
WAF), serves them on 127.0.0.1, sweeps them into a SQLite file with the embedded queue, writes the
HTML report and prints the ranking and where the scorecard is.

Options:
  --dir <dir>          working folder (default .govcheck)
  --max-pages <n>      pages per site (default 3)
  --only <list>        categories (default all; performance runs Lighthouse on each start page)
  --concurrency <n>    sites checked at once
  --now <date>         reference date (default: today)`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    dir: { type: 'string' },
    'max-pages': { type: 'string' },
    only: { type: 'string' },
    concurrency: { type: 'string' },
    now: { type: 'string' },
  });
  const dir = resolve(values.dir ?? '.govcheck');
  const maxPages = intFlag('max-pages', values['max-pages'], 3, 1);
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'demo.db');
  const html = join(dir, 'demo-report.html');
  const config = join(dir, 'demo-config.json');
  // One Lighthouse page per site keeps the demo to a few minutes on a laptop.
  writeFileSync(config, JSON.stringify({ lighthouse: { pages: 1 } }, null, 2));

  process.stderr.write(`govcheck demo: generating and serving the demo sites in ${rel(join(dir, 'demo-sites'))} …\n`);
  const served = await startDemo(join(dir, 'demo-sites'), values.now ? { now: values.now } : {});
  try {
    const sweepArgs = [served.registryCsvPath, '--db', db, '--allow-private', '--max-pages', String(maxPages), '--config', config, '--page-delay', '50'];
    if (values.only) sweepArgs.push('--only', values.only);
    if (values.concurrency) sweepArgs.push('--concurrency', values.concurrency);
    if (values.now) sweepArgs.push('--now', values.now);
    const code = await runSweep(sweepArgs);
    if (code !== 0 && code !== 3) return code;
    const reportCode = await runReport(['--db', db, '--format', 'html', '--output', html]);
    if (reportCode !== 0) return reportCode;
  } finally {
    await served.close();
  }
  process.stdout.write(
    [
      '',
      `Scorecard (SQLite): ${rel(db)}`,
      `HTML report:        ${rel(html)}`,
      `More:               npx govcheck report --db ${rel(db)} --format csv`,
      '',
    ].join('\n'),
  );
  return 0;
}

function rel(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
}
