// Which sweep and site a runner's check() call belongs to. The runner calls
// `checker.check(url, options)` right after claiming the job, in the same tick, and the claim holds
// at most one running job per host: so the running job of this runner with that URL is the one.
// (A runner that passed its job to check() directly would make this lookup unnecessary.)
import type { Db } from '../../reports/store/db.ts';
import type { Lane } from '../../reports/store/sweeps.ts';
import type { CheckOptions } from '../../worker/site-checker.ts';
import type { JobContext } from './wire.ts';

export type JobContextResolver = (url: string, options: CheckOptions) => JobContext | null;

export function runnerJobContext(db: Db, runnerId: string): JobContextResolver {
  const running = db.prepare<[string, string], { sweepId: number; siteId: number; lane: Lane; nowAt: string }>(
    `SELECT j.sweep_id AS sweepId, j.site_id AS siteId, j.lane AS lane, s.now_at AS nowAt
       FROM jobs j JOIN sweeps s ON s.id = j.sweep_id
      WHERE j.claimed_by = ? AND j.url = ? AND j.state = 'running'
      ORDER BY j.id`,
  );
  return (url, options) => {
    const rows = running.all(runnerId, url);
    const now = options.now.toISOString();
    const row = rows.length > 1 ? (rows.find((r) => new Date(r.nowAt).toISOString() === now) ?? rows[0]) : rows[0];
    return row ? { sweepId: row.sweepId, siteId: row.siteId, lane: row.lane } : null;
  };
}
