// The embedded job queue: a table in the same SQLite file (Portugal's monitor-server pattern with
// SQLite's UPDATE … RETURNING in place of FOR UPDATE SKIP LOCKED). A claim is one statement, so
// two processes can never take the same job; leases make jobs of a dead process reclaimable;
// politeness is part of the claim: a host with a job running (or finished moments ago) is skipped.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../reports/store/db.ts';
import type { Lane, SweepOptions } from '../reports/store/sweeps.ts';

export interface Job {
  id: number;
  sweepId: number;
  siteId: number;
  agencyId: string;
  url: string;
  host: string;
  lane: Lane;
  attempts: number;
}

interface RawJob {
  id: number;
  sweep_id: number;
  site_id: number;
  agency_id: string;
  url: string;
  host: string;
  lane: Lane;
  attempts: number;
}

const toJob = (r: RawJob): Job => ({ id: r.id, sweepId: r.sweep_id, siteId: r.site_id, agencyId: r.agency_id, url: r.url, host: r.host, lane: r.lane, attempts: r.attempts });

/** Politeness key: host and port (two sites on one server are checked one after the other). */
export function hostKey(url: string): string {
  return new URL(url).host.toLowerCase();
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Whether the process behind a worker id is certainly gone (same machine, pid not running). */
export function workerIsDead(workerId: string | null): boolean {
  if (!workerId) return true;
  const [host, pid] = workerId.split(':');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false; // other machine: leave it to the lease
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface PlanInput {
  siteIds: number[];
  options: SweepOptions;
  lane?: Lane;
  registry?: string | null;
  /** Higher runs first within the lane. */
  priority?: number;
  startedAt?: Date;
}

/** Creates the sweep and one queued job per site, atomically. Returns the sweep id. */
export function planSweep(db: Db, input: PlanInput): number {
  const lane = input.lane ?? 'sweep';
  const startedAt = (input.startedAt ?? new Date()).toISOString();
  return db.transaction(() => {
    const sweep = db
      .prepare('INSERT INTO sweeps (lane, registry, options, now_at, started_at, sites_total) VALUES (?, ?, ?, ?, ?, ?)')
      .run(lane, input.registry ?? null, JSON.stringify(input.options), input.options.now, startedAt, 0);
    const sweepId = Number(sweep.lastInsertRowid);
    const site = db.prepare<[number], { id: number; agency_id: string; url: string }>('SELECT id, agency_id, url FROM sites WHERE id = ?');
    const insert = db.prepare('INSERT OR IGNORE INTO jobs (sweep_id, site_id, agency_id, url, host, lane, priority) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let n = 0;
    for (const id of input.siteIds) {
      const s = site.get(id);
      if (!s) throw new Error(`planSweep: no site ${id}`);
      n += insert.run(sweepId, s.id, s.agency_id, s.url, hostKey(s.url), lane, input.priority ?? 0).changes;
    }
    db.prepare('UPDATE sweeps SET sites_total = ? WHERE id = ?').run(n, sweepId);
    return sweepId;
  }).immediate();
}

export interface QueueOptions {
  workerId?: string;
  /** A running job whose lease passed is reclaimable by anyone; renewed by heartbeat(). */
  leaseMs?: number;
  /** Pause after a site finishes before another site on the same host may start. */
  hostDelayMs?: number;
  clock?: () => number;
}

export interface JobCounts {
  queued: number;
  running: number;
  done: number;
  total: number;
}

export class JobQueue {
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly hostDelayMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly db: Db,
    opts: QueueOptions = {},
  ) {
    this.workerId = opts.workerId ?? newWorkerId();
    this.leaseMs = opts.leaseMs ?? 120_000;
    this.hostDelayMs = opts.hostDelayMs ?? 1_000;
    this.clock = opts.clock ?? Date.now;
  }

  /** Atomically takes the next job of a lane (optionally of one sweep), or null. */
  claim(lane: Lane, sweepId: number | null = null): Job | null {
    const now = this.clock();
    const row = this.db
      .prepare(
        `UPDATE jobs SET state = 'running', claimed_by = @me, lease_ms = @lease, attempts = attempts + 1
          WHERE id = (
            SELECT j.id FROM jobs j
             WHERE j.lane = @lane
               AND (@sweep IS NULL OR j.sweep_id = @sweep)
               AND (j.state = 'queued' OR (j.state = 'running' AND j.lease_ms < @now))
               AND j.available_ms <= @now
               AND NOT EXISTS (
                 SELECT 1 FROM jobs h
                  WHERE h.host = j.host AND h.id <> j.id
                    AND ((h.state = 'running' AND h.lease_ms >= @now)
                      OR (h.state = 'done' AND h.finished_ms > @now - @delay)))
             ORDER BY j.priority DESC, j.id
             LIMIT 1)
          RETURNING id, sweep_id, site_id, agency_id, url, host, lane, attempts`,
      )
      .get({ me: this.workerId, lease: now + this.leaseMs, lane, sweep: sweepId, now, delay: this.hostDelayMs }) as RawJob | undefined;
    return row ? toJob(row) : null;
  }

  /** Renews the lease of every job this worker runs. */
  heartbeat(): void {
    this.db.prepare("UPDATE jobs SET lease_ms = ? WHERE claimed_by = ? AND state = 'running'").run(this.clock() + this.leaseMs, this.workerId);
  }

  /**
   * Marks the job done and runs `record` in the same transaction, so a crash leaves either both
   * (result recorded, job done) or neither (job still claimable). Returns false when the job is
   * no longer ours (lease lost and reclaimed): nothing is written then.
   */
  complete<T>(job: Job, record: () => T): { ours: boolean; value?: T } {
    return this.db.transaction(() => {
      const mine = this.db.prepare("SELECT 1 FROM jobs WHERE id = ? AND claimed_by = ? AND state = 'running'").get(job.id, this.workerId);
      if (!mine) return { ours: false };
      const value = record();
      this.db.prepare("UPDATE jobs SET state = 'done', finished_ms = ?, lease_ms = NULL WHERE id = ?").run(this.clock(), job.id);
      return { ours: true, value };
    }).immediate();
  }

  /** Back to the queue after a transient failure, claimable again after `delayMs`. */
  retryLater(job: Job, delayMs: number, error: string): void {
    this.db
      .prepare("UPDATE jobs SET state = 'queued', claimed_by = NULL, lease_ms = NULL, available_ms = ?, last_error = ? WHERE id = ? AND claimed_by = ?")
      .run(this.clock() + delayMs, error, job.id, this.workerId);
  }

  /** Gives a job back untouched (shutdown): the attempt does not count. */
  release(job: Job): void {
    this.db
      .prepare("UPDATE jobs SET state = 'queued', claimed_by = NULL, lease_ms = NULL, attempts = MAX(attempts - 1, 0) WHERE id = ? AND claimed_by = ? AND state = 'running'")
      .run(job.id, this.workerId);
  }

  /** Jobs of a sweep left 'running' by a process that is gone (kill -9, crash): queued again. */
  recoverOrphans(sweepId: number): number {
    const running = this.db.prepare<[number], { id: number; claimed_by: string | null; lease_ms: number | null }>("SELECT id, claimed_by, lease_ms FROM jobs WHERE sweep_id = ? AND state = 'running'").all(sweepId);
    const reset = this.db.prepare("UPDATE jobs SET state = 'queued', claimed_by = NULL, lease_ms = NULL WHERE id = ? AND state = 'running'");
    let n = 0;
    for (const j of running) {
      if (j.claimed_by !== this.workerId && (workerIsDead(j.claimed_by) || (j.lease_ms ?? 0) < this.clock())) n += reset.run(j.id).changes;
    }
    return n;
  }

  counts(sweepId: number): JobCounts {
    const rows = this.db.prepare<[number], { state: string; n: number }>('SELECT state, COUNT(*) AS n FROM jobs WHERE sweep_id = ? GROUP BY state').all(sweepId);
    const c: JobCounts = { queued: 0, running: 0, done: 0, total: 0 };
    for (const r of rows) {
      c[r.state as 'queued' | 'running' | 'done'] = r.n;
      c.total += r.n;
    }
    return c;
  }

  /** Milliseconds until some queued job of the lane becomes available (backoff), or null. */
  nextAvailableIn(lane: Lane, sweepId: number | null = null): number | null {
    const r = this.db
      .prepare("SELECT MIN(available_ms) AS t FROM jobs WHERE lane = @lane AND state = 'queued' AND (@sweep IS NULL OR sweep_id = @sweep)")
      .get({ lane, sweep: sweepId }) as { t: number | null };
    return r.t === null ? null : Math.max(0, r.t - this.clock());
  }
}
