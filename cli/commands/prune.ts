// govcheck prune: retention for the sweep database.
import { statSync } from 'node:fs';
import { pruneSweeps } from '../../reports/store/prune.ts';
import { intFlag, parseFlags, UsageError } from '../args.ts';
import { openStoreFlag } from '../store-flag.ts';

export const summary = 'drop page-level detail of old sweeps, keep scores / 清理舊檢測明細';

export const help = `Usage: govcheck prune --keep-sweeps <n> [--db <file>] [--vacuum]

Keep the full detail (pages, findings and their screenshots, rule outcomes, Lighthouse records) of
the newest n finished sweeps. Older sweeps keep their site scores, statuses, site metrics, statistics, rankings and the
finding lifecycle (new / fixed / time-to-fix), so trends and reports of them still work.

Options:
  --db <file>            SQLite database (default govcheck.db)
  --keep-sweeps <n>      finished sweeps to keep in full (n ≥ 1)
  --vacuum               give the freed space back to the file system (rewrites the file)`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    db: { type: 'string' },
    'keep-sweeps': { type: 'string' },
    vacuum: { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values['keep-sweeps'] === undefined) throw new UsageError('--keep-sweeps <n> is required');
  const keep = intFlag('keep-sweeps', values['keep-sweeps'], 1, 1);
  const dbFile = values.db ?? 'govcheck.db';
  const db = openStoreFlag(dbFile, { mustExist: true });
  try {
    const before = statSync(dbFile).size;
    const r = pruneSweeps(db, keep);
    if (values.vacuum) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('VACUUM');
    }
    const after = statSync(dbFile).size;
    process.stdout.write(
      r.sweepsPruned.length
        ? `govcheck prune: pruned sweep(s) ${r.sweepsPruned.join(', ')}: removed ${r.pages} pages, ${r.findings} findings, ${r.outcomes} rule outcomes, ${r.lighthouse} Lighthouse records${r.screenshots ? `, ${r.screenshots} screenshots` : ''}` +
            (values.vacuum ? `; file ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB` : ' (run with --vacuum to shrink the file)') +
            '\n'
        : `govcheck prune: nothing to prune (at most ${keep} finished sweep(s) hold detail)\n`,
    );
    return 0;
  } finally {
    db.close();
  }
}
