// In-process workers over the embedded queue. Each lane has its own cap, so interactive work
// (a webmaster's self-check, a CI job) always has a free slot and never waits behind a
// 400-site national sweep, while the sweep never loses its slots to them either.
// The runner is the single writer: checks run concurrently, recording is synchronous.
import type { SiteResult } from '../core/types.ts';
import { engineFailureResult, stampCodes } from '../worker/assemble.ts';
import { withConfigDefaults } from '../core/config.ts';
import { isTransient } from '../worker/failure.ts';
import type { Db } from '../reports/store/db.ts';
import { recordSiteResult, type RecordOutcome } from '../reports/store/recorder.ts';
import { getSweep, type Lane, type SweepOptions } from '../reports/store/sweeps.ts';
import type { CheckOptions } from '../worker/site-checker.ts';
import type { Job, JobQueue } from './queue.ts';

/** What a worker needs from the check engine: SiteChecker, or anything that checks a site the same way. */
export interface JobContext {
  sweepId: number;
  siteId: number;
  lane: Lane;
}

export type SiteCheckerLike = { check(url: string, options: CheckOptions, job?: JobContext): Promise<SiteResult> };

export interface LaneSpec {
  lane: Lane;
  /** Jobs of this lane in flight at once. */
  cap: number;
  /** Only this sweep's jobs (a sweep command); null = any sweep in the lane. */
  sweepId?: number | null;
}

export interface JobEvent {
  job: Job;
  result: SiteResult;
  outcome: RecordOutcome;
}

export interface RetryEvent {
  job: Job;
  reason: string;
  delayMs: number;
}

export interface RunnerOptions {
  db: Db;
  queue: JobQueue;
  checker: SiteCheckerLike;
  lanes: LaneSpec[];
  /** Stop once nothing is in flight and this returns true (checked when idle). */
  until: () => boolean;
  /** Attempts per site before its failure is recorded (transient failures only). */
  maxAttempts?: number;
  /** Delay before retry n (1-based). */
  backoffMs?: (attempt: number) => number;
  pollMs?: number;
  heartbeatMs?: number;
  onRecorded?: (e: JobEvent) => void;
  onRetry?: (e: RetryEvent) => void;
  onClaim?: (job: Job) => void;
}

export function checkOptionsOf(options: SweepOptions): CheckOptions {
  return {
    categories: options.categories,
    maxPages: options.maxPages,
    now: new Date(options.now),
    allowPrivate: options.allowPrivate,
    config: withConfigDefaults(options.config),
    lang: options.lang,
    pageDelayMs: options.pageDelayMs,
  };
}

export class QueueRunner {
  private readonly inFlight = new Map<number, { job: Job; done: Promise<void> }>();
  private readonly perLane = new Map<Lane, number>();
  private readonly options = new Map<number, SweepOptions>();
  private stopped = false;
  private fatal: unknown = null;
  private wake: (() => void) | null = null;

  constructor(private readonly o: RunnerOptions) {}

  /** Runs until `until()` holds with nothing in flight, or stop() is called. */
  async run(): Promise<void> {
    const heartbeat = setInterval(() => {
      if (!this.stopped) this.o.queue.heartbeat();
    }, this.o.heartbeatMs ?? 20_000);
    heartbeat.unref();
    try {
      for (;;) {
        if (this.fatal) throw this.fatal;
        if (this.stopped) return;
        const finishing = this.o.until();
        if (!finishing) this.fillSlots();
        if (this.inFlight.size === 0 && (finishing || this.o.until())) return;
        await this.nap();
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Stops at once: jobs in flight go back to the queue unrecorded (a resume redoes them). */
  stop(): Job[] {
    this.stopped = true;
    const released = [...this.inFlight.values()].map((f) => f.job);
    for (const job of released) this.o.queue.release(job);
    this.wake?.();
    return released;
  }

  get running(): Job[] {
    return [...this.inFlight.values()].map((f) => f.job);
  }

  private fillSlots(): void {
    for (const spec of this.o.lanes) {
      while ((this.perLane.get(spec.lane) ?? 0) < spec.cap) {
        const job = this.o.queue.claim(spec.lane, spec.sweepId ?? null);
        if (!job) break;
        this.start(job);
      }
    }
  }

  private start(job: Job): void {
    this.perLane.set(job.lane, (this.perLane.get(job.lane) ?? 0) + 1);
    this.o.onClaim?.(job);
    const done = this.execute(job)
      .catch((e) => {
        // A store error is a bug, not a site failure: stop the run loudly, keep the job for a resume.
        this.fatal ??= e;
        this.o.queue.release(job);
      })
      .finally(() => {
        this.inFlight.delete(job.id);
        this.perLane.set(job.lane, (this.perLane.get(job.lane) ?? 1) - 1);
        this.wake?.();
      });
    this.inFlight.set(job.id, { job, done });
  }

  private nap(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.o.pollMs ?? 250);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private sweepOptions(sweepId: number): SweepOptions {
    let opts = this.options.get(sweepId);
    if (!opts) {
      const sweep = getSweep(this.o.db, sweepId);
      if (!sweep) throw new Error(`job for unknown sweep ${sweepId}`);
      opts = sweep.options;
      this.options.set(sweepId, opts);
    }
    return opts;
  }

  private async execute(job: Job): Promise<void> {
    const options = this.sweepOptions(job.sweepId);
    const startedAt = new Date();
    let result: SiteResult;
    let thrown: unknown = null;
    try {
      result = await this.o.checker.check(job.url, checkOptionsOf(options), { sweepId: job.sweepId, siteId: job.siteId, lane: job.lane });
    } catch (e) {
      thrown = e;
      result = engineFailureResult(job.url, options.categories, e, startedAt);
    }
    const checkOpts = checkOptionsOf(options);
    stampCodes(result, checkOpts.config, checkOpts.now);
    if (this.stopped) return;
    const maxAttempts = this.o.maxAttempts ?? 3;
    if ((thrown !== null || isTransient(result)) && job.attempts < maxAttempts) {
      const delayMs = (this.o.backoffMs ?? defaultBackoff)(job.attempts);
      this.o.queue.retryLater(job, delayMs, result.error ?? 'unknown failure');
      this.o.onRetry?.({ job, reason: result.error ?? 'unknown failure', delayMs });
      return;
    }
    const done = this.o.queue.complete(job, () => recordSiteResult(this.o.db, { sweepId: job.sweepId, siteId: job.siteId, agencyId: job.agencyId, result, attempts: job.attempts, nowAt: options.now }));
    if (done.ours && done.value) this.o.onRecorded?.({ job, result, outcome: done.value });
  }
}

/** 10 s, 20 s, 40 s …: long enough for a restarting server, short enough for a sweep. */
export function defaultBackoff(attempt: number): number {
  return 10_000 * 2 ** (attempt - 1);
}
