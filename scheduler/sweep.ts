// A national sweep end to end: import the registry, plan one job per site, run the in-process
// workers until every site is recorded, then precompute the sweep's statistics. A sweep
// interrupted at any point (Ctrl-C, kill -9, crash) continues with resumeSweep: only sites
// without a recorded result are checked again.
import { scoreAgencies, type AgencyScore } from '../core/agency-scoring.ts';
import type { Db } from '../reports/store/db.ts';
import { knownAgencyIds, saveRegistry, type SaveRegistryResult } from '../reports/store/registry-store.ts';
import { computeSweepStats, sweepSites, toScoredSites } from '../reports/store/stats.ts';
import { getSweep, type Lane, type SweepOptions, type SweepRow } from '../reports/store/sweeps.ts';
import { JobQueue, planSweep, workerIsDead, type QueueOptions } from './queue.ts';
import { readRegistryFile, type ParsedRegistry } from './registry.ts';
import { QueueRunner, type JobEvent, type LaneSpec, type RetryEvent, type SiteCheckerLike } from './runner.ts';

export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepError';
  }
}

export interface PreparedSweep {
  sweepId: number;
  registry: ParsedRegistry;
  saved: SaveRegistryResult;
  sites: number;
}

/**
 * Imports the registry (bad rows reported, good rows kept) and plans a sweep of its sites
 * (optionally only one agency's). Throws RegistryError when the file is unusable and
 * SweepError when no valid site is left.
 */
export function prepareSweep(db: Db, registryFile: string, options: SweepOptions, opts: { lane?: Lane; agency?: string; registry?: ParsedRegistry } = {}): PreparedSweep {
  const registry = opts.registry ?? readRegistryFile(registryFile, knownAgencyIds(db));
  // A full national registry retires sites it no longer lists; a one-agency run must not.
  const saved = saveRegistry(db, registry, { deactivateMissing: !opts.agency && (opts.lane ?? 'sweep') === 'sweep' });
  let siteIds = saved.siteIds;
  if (opts.agency) siteIds = siteIds.filter((_, i) => registry.sites[i].agencyId === opts.agency);
  if (siteIds.length === 0) {
    throw new SweepError(opts.agency ? `no valid site of agency "${opts.agency}" in ${registryFile}` : `no valid site in ${registryFile}`);
  }
  const sweepId = planSweep(db, { siteIds, options, lane: opts.lane ?? 'sweep', registry: registryFile });
  return { sweepId, registry, saved, sites: siteIds.length };
}

export interface RunSweepInput {
  db: Db;
  sweepId: number;
  checker: SiteCheckerLike;
  /** Sites of this sweep checked at once. */
  concurrency: number;
  queue?: QueueOptions;
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
  pollMs?: number;
  onStart?: (info: { total: number; done: number }) => void;
  onRecorded?: (e: JobEvent) => void;
  onRetry?: (e: RetryEvent) => void;
  /** Lets the caller stop the run (Ctrl-C): in-flight sites go back to the queue. */
  onRunner?: (runner: QueueRunner) => void;
}

export interface SweepSummary {
  sweepId: number;
  finished: boolean;
  total: number;
  ok: number;
  failed: number;
  pending: number;
  /** Failures by status, e.g. { timeout: 2, blocked: 1 }. */
  failures: Record<string, number>;
  /** Of this run only (a resumed sweep counts what it did itself). */
  recordedThisRun: number;
  pagesThisRun: number;
  elapsedMs: number;
  agencies: AgencyScore[];
  agencyNames: Record<string, string>;
}

/** Interactive lanes a national sweep process also serves, each with its own reserved slot. */
const INTERACTIVE_LANES: Lane[] = ['self-check', 'ci'];

export async function runSweep(input: RunSweepInput): Promise<SweepSummary> {
  const { db, sweepId } = input;
  const sweep = getSweep(db, sweepId);
  if (!sweep) throw new SweepError(`no sweep ${sweepId} in this database`);
  const queue = new JobQueue(db, input.queue);
  claimSweep(db, sweep, queue.workerId);
  queue.recoverOrphans(sweepId);

  const lanes: LaneSpec[] = [{ lane: sweep.lane, cap: Math.max(1, input.concurrency), sweepId }];
  if (sweep.lane === 'sweep') for (const lane of INTERACTIVE_LANES) lanes.unshift({ lane, cap: 1, sweepId: null });

  const before = queue.counts(sweepId);
  input.onStart?.({ total: before.total, done: before.done });
  const started = Date.now();
  let recorded = 0;
  let pages = 0;
  const runner = new QueueRunner({
    db,
    queue,
    checker: input.checker,
    lanes,
    maxAttempts: input.maxAttempts,
    backoffMs: input.backoffMs,
    pollMs: input.pollMs,
    until: () => {
      const c = queue.counts(sweepId);
      return c.queued === 0 && c.running === 0;
    },
    onRecorded: (e) => {
      if (e.job.sweepId === sweepId) {
        recorded++;
        pages += e.result.pages.filter((p) => !p.error).length;
      } else {
        // A self-check served on the side: it is finished when its last site is recorded.
        const c = queue.counts(e.job.sweepId);
        if (c.queued === 0 && c.running === 0) finishSweep(db, e.job.sweepId);
      }
      input.onRecorded?.(e);
    },
    onRetry: input.onRetry,
  });
  input.onRunner?.(runner);
  try {
    await runner.run();
  } finally {
    db.prepare('UPDATE sweeps SET runner = NULL WHERE id = ? AND runner = ?').run(sweepId, queue.workerId);
  }
  const after = queue.counts(sweepId);
  const finished = after.queued === 0 && after.running === 0;
  if (finished) finishSweep(db, sweepId);
  return { ...summarize(db, sweepId), finished, recordedThisRun: recorded, pagesThisRun: pages, elapsedMs: Date.now() - started };
}

/** One process runs a sweep at a time; a resume while the first process still lives is refused. */
function claimSweep(db: Db, sweep: SweepRow, workerId: string): void {
  const row = db.prepare<[number], { runner: string | null }>('SELECT runner FROM sweeps WHERE id = ?').get(sweep.id)!;
  if (row.runner && row.runner !== workerId && !workerIsDead(row.runner)) {
    const [host, pid] = row.runner.split(':');
    throw new SweepError(`sweep ${sweep.id} is still being run by process ${pid} on ${host}; stop it first or wait for it to end`);
  }
  db.prepare('UPDATE sweeps SET runner = ?, heartbeat_ms = ? WHERE id = ?').run(workerId, Date.now(), sweep.id);
}

export function finishSweep(db: Db, sweepId: number, at: Date = new Date()): void {
  db.prepare('UPDATE sweeps SET finished_at = COALESCE(finished_at, ?) WHERE id = ?').run(at.toISOString(), sweepId);
  computeSweepStats(db, sweepId);
}

export function summarize(db: Db, sweepId: number): Omit<SweepSummary, 'finished' | 'recordedThisRun' | 'pagesThisRun' | 'elapsedMs'> {
  const rows = sweepSites(db, sweepId);
  const failures: Record<string, number> = {};
  for (const r of rows) if (r.status !== 'ok' && r.status !== 'pending') failures[r.status] = (failures[r.status] ?? 0) + 1;
  return {
    sweepId,
    total: rows.length,
    ok: rows.filter((r) => r.status === 'ok').length,
    failed: Object.values(failures).reduce((a, b) => a + b, 0),
    pending: rows.filter((r) => r.status === 'pending').length,
    failures,
    agencies: scoreAgencies(toScoredSites(rows)),
    agencyNames: Object.fromEntries(db.prepare<[], { id: string; name: string }>('SELECT id, name FROM agencies').all().map((a) => [a.id, a.name])),
  };
}
