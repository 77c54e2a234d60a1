// The scheduler service: registers the national sweep as a BullMQ job scheduler (cron, Asia/Taipei)
// and runs each firing in this process — import the registry, plan the sweep in SQLite, send the
// sites to the workers through Redis and record every result here, the single writer.
//
// Singleton, twice over: the job scheduler has one key, so any number of scheduler processes
// upserting it still yields one job per firing, taken by one of them; and every sweep runs under
// a Redis lease (<prefix>:lock:sweep), so a `--once` run, a second deployment or a firing that
// comes while the last sweep still runs can never run a sweep alongside another.
//
// A firing remembers its sweep id in the job's data. If the process dies mid-sweep, BullMQ finds
// the firing stalled and hands it to the next scheduler (or this one after a restart), which
// resumes that sweep: sites already recorded are not checked again, and sites whose jobs finished
// on the workers meanwhile are picked up from Redis (same job ids) without a second check.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { DelayedError, Queue, WaitingError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Db } from '../../reports/store/db.ts';
import { knownAgencyIds } from '../../reports/store/registry-store.ts';
import { getSweep, type SweepOptions } from '../../reports/store/sweeps.ts';
import { formatIssue, readRegistryFile } from '../registry.ts';
import type { JobEvent, QueueRunner, RetryEvent } from '../runner.ts';
import { prepareSweep, runSweep, type SweepSummary } from '../sweep.ts';
import { connectionOf, DEFAULT_PREFIX, SCHEDULE_QUEUE } from './names.ts';
import { RedisLock } from './redis-lock.ts';
import { createRemoteChecker } from './remote-checker.ts';

export const SCHEDULER_ID = 'national-sweep';
export const SCHEDULE_TZ = 'Asia/Taipei';

export interface SweepSchedulerOptions {
  redisUrl: string;
  prefix?: string;
  db: Db;
  dbFile: string;
  registryFile: string;
  /** Options of a new sweep; called at every firing, so `now` is the firing's time unless fixed. */
  sweepOptions: () => SweepOptions;
  /** Sites of a sweep queued in Redis at once. */
  inFlight?: number;
  /** Attempts per site and first retry delay (BullMQ, exponential). */
  attempts?: number;
  backoffMs?: number;
  /** TTL of the sweep lease; renewed every third (default 60 s). */
  lockTtlMs?: number;
  log: (line: string) => void;
  onSweepStart?: (info: { sweepId: number; total: number; done: number }) => void;
  onRecorded?: (e: JobEvent) => void;
  onRetry?: (e: RetryEvent) => void;
  onSummary?: (s: SweepSummary) => void;
}

/** Another process holds the sweep lease. */
export class SweepBusyError extends Error {
  constructor(readonly holder: string) {
    super(`another sweep is running (lease held by ${holder})`);
    this.name = 'SweepBusyError';
  }
}

export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

interface FiringData {
  sweepId?: number;
}

export interface FiringResult {
  skipped?: string;
  sweepId?: number;
  total?: number;
  ok?: number;
  failed?: number;
}

export class SweepScheduler {
  private readonly prefix: string;
  private readonly redis: Redis;
  private readonly queue: Queue<FiringData, FiringResult>;
  private worker: Worker<FiringData, FiringResult> | null = null;
  private runner: QueueRunner | null = null;
  private stopping = false;

  constructor(private readonly o: SweepSchedulerOptions) {
    this.prefix = o.prefix ?? DEFAULT_PREFIX;
    this.redis = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined);
    this.queue = new Queue<FiringData, FiringResult>(SCHEDULE_QUEUE, { connection: connectionOf(o.redisUrl), prefix: this.prefix });
    this.queue.on('error', (e) => o.log(`schedule queue: ${e.message}`));
  }

  /** Registers (or updates) the national sweep's cron. Returns the next firing. */
  async schedule(pattern: string): Promise<{ next: Date | null }> {
    try {
      await this.queue.upsertJobScheduler(
        SCHEDULER_ID,
        { pattern, tz: SCHEDULE_TZ },
        { name: SCHEDULER_ID, data: {}, opts: { removeOnComplete: { count: 200 }, removeOnFail: { count: 200 } } },
      );
    } catch (e) {
      throw new ScheduleError(`--cron "${pattern}": ${(e as Error).message}`);
    }
    const scheduler = await this.queue.getJobScheduler(SCHEDULER_ID);
    return { next: scheduler?.next ? new Date(scheduler.next) : null };
  }

  /** Takes firings (and stalled firings of dead schedulers) until stop(). */
  async start(): Promise<void> {
    this.worker = new Worker<FiringData, FiringResult>(SCHEDULE_QUEUE, (job, token) => this.fire(job, token), {
      connection: connectionOf(this.o.redisUrl),
      prefix: this.prefix,
      name: `${hostname()}:${process.pid}`,
      concurrency: 1,
      lockDuration: 60_000,
      maxStalledCount: 3,
    });
    this.worker.on('error', (e) => this.o.log(`schedule worker: ${e.message}`));
    this.worker.on('failed', (job, e) => this.o.log(`firing ${job?.id ?? '?'} failed: ${e.message}`));
    await this.worker.waitUntilReady();
  }

  /** One sweep now (or the rest of `resumeId`), under the same lease as scheduled ones. */
  runOnce(resumeId: number | null = null): Promise<SweepSummary> {
    return this.sweep(resumeId);
  }

  /**
   * Stops: a sweep in progress is left resumable (its sites in flight are not recorded now;
   * a scheduled one goes back to the schedule queue and resumes when a scheduler next runs).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.runner?.stop();
    await this.worker?.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }

  private async fire(job: Job<FiringData, FiringResult>, token: string | undefined): Promise<FiringResult> {
    const resumeId = typeof job.data?.sweepId === 'number' ? job.data.sweepId : null;
    this.o.log(resumeId === null ? `firing ${job.id}: starting a national sweep` : `firing ${job.id}: resuming sweep ${resumeId}`);
    let summary: SweepSummary;
    try {
      summary = await this.sweep(resumeId, async (sweepId) => {
        if (sweepId !== resumeId) await job.updateData({ ...job.data, sweepId });
      });
    } catch (e) {
      if (!(e instanceof SweepBusyError)) throw e;
      // A new firing while a sweep runs is dropped (the next one comes); an interrupted sweep waits its turn.
      if (resumeId === null) {
        this.o.log(`firing ${job.id} skipped: ${e.message}`);
        return { skipped: e.message };
      }
      await job.moveToDelayed(Date.now() + (this.o.lockTtlMs ?? 60_000), token);
      throw new DelayedError();
    }
    if (!summary.finished) {
      // Stopped: back to the queue with its sweep id, for whichever scheduler runs next.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    this.o.onSummary?.(summary);
    return { sweepId: summary.sweepId, total: summary.total, ok: summary.ok, failed: summary.failed };
  }

  private async sweep(resumeId: number | null, onPlanned?: (sweepId: number) => Promise<void>): Promise<SweepSummary> {
    const lease = new RedisLock(this.redis, `${this.prefix}:lock:sweep`, this.o.lockTtlMs ?? 60_000);
    const token = `${hostname()} pid ${process.pid} (${resolve(this.o.dbFile)}) ${randomBytes(3).toString('hex')}`;
    if (!(await lease.acquire(token))) throw new SweepBusyError((await lease.holder()) ?? 'another process');
    const stopRenewing = lease.keepAlive(token, () => {
      this.o.log('lost the sweep lease (Redis unreachable for too long?): stopping this sweep; it stays resumable');
      this.runner?.stop();
    });
    try {
      const existing = resumeId === null ? null : getSweep(this.o.db, resumeId);
      const sweepId = existing && !existing.finishedAt ? existing.id : this.plan();
      await onPlanned?.(sweepId);
      const remote = createRemoteChecker(this.o.redisUrl, {
        db: this.o.db,
        prefix: this.prefix,
        dbFile: this.o.dbFile,
        inFlight: this.o.inFlight,
        attempts: this.o.attempts,
        backoffMs: this.o.backoffMs,
        log: this.o.log,
      });
      try {
        await remote.checker.waitUntilReady();
        if (this.stopping) throw new ScheduleError('stopped before the sweep started');
        return await runSweep({
          db: this.o.db,
          sweepId,
          ...remote.runSweepInput,
          onStart: (info) => this.o.onSweepStart?.({ sweepId, ...info }),
          onRecorded: this.o.onRecorded,
          onRetry: this.o.onRetry,
          onRunner: (r) => {
            this.runner = r;
            if (this.stopping) r.stop();
          },
        });
      } finally {
        this.runner = null;
        await remote.close();
      }
    } finally {
      stopRenewing();
      await lease.release(token).catch(() => undefined);
    }
  }

  /** Imports the registry as it is now and plans a sweep of it. */
  private plan(): number {
    const file = this.o.registryFile;
    const registry = readRegistryFile(file, knownAgencyIds(this.o.db));
    for (const issue of registry.issues) this.o.log(formatIssue(file, issue));
    const prepared = prepareSweep(this.o.db, file, this.o.sweepOptions(), { registry });
    this.o.log(
      `sweep ${prepared.sweepId} planned: ${prepared.sites} sites of ${registry.agencies.length} agencies from ${file}` +
        ` · ${prepared.saved.sitesAdded} new, ${prepared.saved.sitesUpdated} updated, ${prepared.saved.sitesDeactivated} no longer listed`,
    );
    return prepared.sweepId;
  }
}
