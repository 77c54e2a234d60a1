// Reading sweeps: the run history that reports, trends and the dashboard are built on.
import type { GovcheckConfig } from '../../core/config.ts';
import type { Category, Lang } from '../../core/types.ts';
import { StoreError, type Db } from './db.ts';

export type Lane = 'sweep' | 'self-check' | 'ci';
export const LANES: readonly Lane[] = ['sweep', 'self-check', 'ci'];

/** The options a sweep was started with; a resumed sweep runs with exactly these. */
export interface SweepOptions {
  categories: Category[];
  maxPages: number;
  /** ISO reference time (--now). */
  now: string;
  allowPrivate: boolean;
  lang: Lang;
  config: GovcheckConfig;
  /** Pause between pages of one site (politeness). */
  pageDelayMs?: number;
}

export interface SweepRow {
  id: number;
  lane: Lane;
  registry: string | null;
  options: SweepOptions;
  nowAt: string;
  startedAt: string;
  finishedAt: string | null;
  sitesTotal: number;
  prunedAt: string | null;
}

interface RawSweep {
  id: number;
  lane: Lane;
  registry: string | null;
  options: string;
  now_at: string;
  started_at: string;
  finished_at: string | null;
  sites_total: number;
  pruned_at: string | null;
}

const fromRaw = (r: RawSweep): SweepRow => ({
  id: r.id,
  lane: r.lane,
  registry: r.registry,
  options: JSON.parse(r.options) as SweepOptions,
  nowAt: r.now_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  sitesTotal: r.sites_total,
  prunedAt: r.pruned_at,
});

export function getSweep(db: Db, id: number): SweepRow | null {
  const r = db.prepare<[number], RawSweep>('SELECT * FROM sweeps WHERE id = ?').get(id);
  return r ? fromRaw(r) : null;
}

/** Sweeps of a lane, oldest first. */
export function listSweeps(db: Db, lane: Lane | null = 'sweep'): SweepRow[] {
  const rows = lane
    ? db.prepare<[string], RawSweep>('SELECT * FROM sweeps WHERE lane = ? ORDER BY id').all(lane)
    : db.prepare<[], RawSweep>('SELECT * FROM sweeps ORDER BY id').all();
  return rows.map(fromRaw);
}

/**
 * `--sweep <id|latest>`: 'latest' is the newest national sweep (finished if any, else the newest
 * one at all, so a report of a running or interrupted sweep is still possible).
 */
export function resolveSweep(db: Db, ref: string | undefined): SweepRow {
  if (ref === undefined || ref === 'latest') {
    const finished = db.prepare<[], RawSweep>("SELECT * FROM sweeps WHERE lane = 'sweep' AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1").get();
    const any = finished ?? db.prepare<[], RawSweep>("SELECT * FROM sweeps ORDER BY (lane = 'sweep') DESC, id DESC LIMIT 1").get();
    if (!any) throw new StoreError('the database has no sweeps yet (run govcheck sweep <registry> first)');
    return fromRaw(any);
  }
  if (!/^\d+$/.test(ref)) throw new StoreError(`--sweep expects a sweep id or "latest", got "${ref}"`);
  const row = getSweep(db, Number(ref));
  if (!row) throw new StoreError(`no sweep ${ref} in this database`);
  return row;
}

/** The national sweep before this one (finished), for "change since previous sweep". */
export function previousSweep(db: Db, sweep: SweepRow): SweepRow | null {
  const r = db
    .prepare<[string, number], RawSweep>('SELECT * FROM sweeps WHERE lane = ? AND id < ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1')
    .get(sweep.lane, sweep.id);
  return r ? fromRaw(r) : null;
}
