// The recorder's side of a distributed sweep: a SiteChecker whose check() queues the site as a
// BullMQ job and resolves with the SiteResult a `govcheck worker` returns. The sweep process stays
// the single SQLite writer (runSweep records what check() resolves with); workers never see SQLite.
//
// A site is never lost and never fails the call: a job that fails every attempt, stalls too often
// or is removed while waited for resolves to a failed SiteResult with the reason (or is queued
// again), and Redis outages are waited out. Only close() rejects pending calls.
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { Job, Queue, QueueEvents, type JobsOptions } from 'bullmq';
import type { Category, SiteResult } from '../../core/types.ts';
import type { Db } from '../../reports/store/db.ts';
import type { Lane } from '../../reports/store/sweeps.ts';
import type { CheckOptions } from '../../worker/site-checker.ts';
import { newWorkerId } from '../queue.ts';
import type { SiteCheckerLike } from '../runner.ts';
import { engineFailureResult } from '../../worker/assemble.ts';
import { runnerJobContext, type JobContextResolver } from './job-context.ts';
import { connectionOf, DEFAULT_PREFIX, INTERACTIVE_QUEUE, queueForLane, SITES_QUEUE, type SiteQueueName } from './names.ts';
import { siteJobId, toWire, type JobContext, type SiteJobData } from './wire.ts';

export interface RemoteCheckerOptions {
  redisUrl: string;
  prefix?: string;
  /** Lane of calls without a job context (default 'sweep'). */
  lane?: Lane;
  /** Attempts per site; transient failures (timeouts, 5xx, resets, crashes) are retried (default 3). */
  attempts?: number;
  /** First retry delay; doubled for each further attempt (default 10 s). */
  backoffMs?: number;
  /** Namespace of job ids, e.g. the database a sweep records into (see siteJobId). */
  scope?: string;
  /** Maps a call to its sweep and site, for readable, resumable job ids and the lane. */
  jobContext?: JobContextResolver;
  /** How often pending jobs are looked up directly, in case an event was missed (default 15 s). */
  pollMs?: number;
  /** Finished jobs (and their results) kept for a resumed sweep to pick up (default 24 h). */
  keepFinishedSec?: number;
  /** Delay before an enqueue is tried again while Redis is unreachable (doubles, max 30 s). */
  enqueueRetryMs?: number;
  log?: (line: string) => void;
}

export class CheckerClosedError extends Error {
  constructor() {
    super('the remote checker was closed before the site was checked');
    this.name = 'CheckerClosedError';
  }
}

type Outcome = { state: 'completed'; value: unknown } | { state: 'failed'; reason: string };

interface Pending {
  queue: SiteQueueName;
  jobId: string;
  data: SiteJobData;
  settle: (o: Outcome) => void;
  fail: (e: Error) => void;
}

export class RemoteSiteChecker implements SiteCheckerLike {
  private readonly queues: Record<SiteQueueName, Queue<SiteJobData, SiteResult>>;
  private readonly events: Record<SiteQueueName, QueueEvents>;
  private readonly pending = new Map<string, Pending[]>();
  private readonly poll: NodeJS.Timeout;
  private readonly ready: Promise<void>;
  private polling = false;
  private closed = false;

  constructor(private readonly o: RemoteCheckerOptions) {
    const connection = connectionOf(o.redisUrl);
    const prefix = o.prefix ?? DEFAULT_PREFIX;
    // Results ride in the events stream too: cap it so a long history does not fill Redis.
    const queueOpts = { connection, prefix, streams: { events: { maxLen: 2_000 } } };
    this.queues = {
      [SITES_QUEUE]: new Queue<SiteJobData, SiteResult>(SITES_QUEUE, queueOpts),
      [INTERACTIVE_QUEUE]: new Queue<SiteJobData, SiteResult>(INTERACTIVE_QUEUE, queueOpts),
    };
    this.events = {
      [SITES_QUEUE]: new QueueEvents(SITES_QUEUE, { connection, prefix }),
      [INTERACTIVE_QUEUE]: new QueueEvents(INTERACTIVE_QUEUE, { connection, prefix }),
    };
    for (const name of [SITES_QUEUE, INTERACTIVE_QUEUE] as const) {
      const events = this.events[name];
      events.on('completed', ({ jobId, returnvalue }) => this.settle(name, jobId, { state: 'completed', value: returnvalue }));
      events.on('failed', ({ jobId, failedReason }) => this.settle(name, jobId, { state: 'failed', reason: failedReason }));
      events.on('error', (e) => this.o.log?.(`remote checker: ${name} events: ${e.message}`));
      this.queues[name].on('error', (e) => this.o.log?.(`remote checker: ${name} queue: ${e.message}`));
    }
    // Events published before the listener is connected are not replayed: wait for it first.
    this.ready = Promise.all(Object.values(this.events).map((e) => e.waitUntilReady())).then(() => undefined);
    this.ready.catch(() => undefined);
    this.poll = setInterval(() => void this.pollPending(), o.pollMs ?? 15_000);
    this.poll.unref();
  }

  /** Resolves once the result path (the events streams) is connected. */
  waitUntilReady(): Promise<void> {
    return this.ready;
  }

  /** Sites queued or running and not yet answered. */
  get inFlight(): number {
    let n = 0;
    for (const list of this.pending.values()) n += list.length;
    return n;
  }

  async check(url: string, options: CheckOptions, context?: JobContext): Promise<SiteResult> {
    const startedAt = new Date();
    // Resolved before any await: the runner's claim is still the current one (see job-context.ts).
    const ctx = context ?? this.o.jobContext?.(url, options) ?? null;
    const lane = ctx?.lane ?? this.o.lane ?? 'sweep';
    const wire = toWire(options);
    const jobId = siteJobId(url, wire, ctx, this.o.scope);
    const data: SiteJobData = { url, options: wire, lane, sweepId: ctx?.sweepId ?? null, siteId: ctx?.siteId ?? null, queuedAt: startedAt.toISOString() };
    const outcome = await this.run(queueForLane(lane), jobId, data);
    return resultOf(outcome, url, options.categories, startedAt);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.poll);
    for (const list of this.pending.values()) for (const p of list) p.fail(new CheckerClosedError());
    this.pending.clear();
    await Promise.allSettled([...Object.values(this.events).map((e) => e.close()), ...Object.values(this.queues).map((q) => q.close())]);
  }

  private run(queue: SiteQueueName, jobId: string, data: SiteJobData): Promise<Outcome> {
    if (this.closed) return Promise.reject(new CheckerClosedError());
    return new Promise<Outcome>((resolve, reject) => {
      // Registered before the job is added, so an answer arriving at once is not missed.
      const p: Pending = { queue, jobId, data, settle: resolve, fail: reject };
      const key = `${queue}/${jobId}`;
      this.pending.set(key, [...(this.pending.get(key) ?? []), p]);
      this.ready
        .then(() => this.enqueue(p))
        // A failed look-up is no failure of the site: the event or the next poll answers.
        .then(() => this.refresh(p).catch(() => undefined))
        .catch((e: Error) => {
          this.remove(p);
          reject(e);
        });
    });
  }

  /** Adds the job; an existing job with this id (same sweep and site) is kept, with its result. */
  private async enqueue(p: Pending): Promise<void> {
    let delay = this.o.enqueueRetryMs ?? 1_000;
    for (;;) {
      if (this.closed) throw new CheckerClosedError();
      try {
        await this.queues[p.queue].add('site', p.data, this.jobOptions(p.jobId));
        return;
      } catch (e) {
        this.o.log?.(`remote checker: could not queue ${p.data.url} (${(e as Error).message}); trying again in ${Math.round(delay / 1000)} s`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(30_000, delay * 2);
      }
    }
  }

  private jobOptions(jobId: string): JobsOptions {
    const keepSec = this.o.keepFinishedSec ?? 24 * 3600;
    return {
      jobId,
      attempts: Math.max(1, this.o.attempts ?? 3),
      backoff: { type: 'exponential', delay: this.o.backoffMs ?? 10_000 },
      removeOnComplete: { age: keepSec, count: 10_000 },
      removeOnFail: { age: keepSec, count: 10_000 },
    };
  }

  /** Looks the job up directly: answers a finished one, re-queues one that vanished. */
  private async refresh(p: Pending): Promise<void> {
    const queue = this.queues[p.queue];
    const state = await queue.getJobState(p.jobId);
    if (state === 'completed' || state === 'failed') {
      const job = await Job.fromId<SiteJobData, SiteResult>(queue, p.jobId);
      if (job?.finishedOn) {
        this.settle(p.queue, p.jobId, job.failedReason && state === 'failed' ? { state: 'failed', reason: job.failedReason } : { state: 'completed', value: job.returnvalue });
        return;
      }
    }
    if (state === 'unknown' && this.isPending(p)) {
      this.o.log?.(`remote checker: job ${p.jobId} (${p.data.url}) disappeared from Redis; queued again`);
      await this.enqueue(p);
    }
  }

  private async pollPending(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      for (const list of [...this.pending.values()]) {
        if (this.closed) break;
        await this.refresh(list[0]).catch(() => undefined);
      }
    } finally {
      this.polling = false;
    }
  }

  private settle(queue: SiteQueueName, jobId: string, outcome: Outcome): void {
    const key = `${queue}/${jobId}`;
    const list = this.pending.get(key);
    if (!list) return;
    this.pending.delete(key);
    for (const p of list) p.settle(outcome);
  }

  private isPending(p: Pending): boolean {
    return this.pending.get(`${p.queue}/${p.jobId}`)?.includes(p) ?? false;
  }

  private remove(p: Pending): void {
    const key = `${p.queue}/${p.jobId}`;
    const rest = (this.pending.get(key) ?? []).filter((x) => x !== p);
    if (rest.length) this.pending.set(key, rest);
    else this.pending.delete(key);
  }
}

function resultOf(outcome: Outcome, url: string, categories: Category[], startedAt: Date): SiteResult {
  if (outcome.state === 'completed' && isSiteResult(outcome.value)) return outcome.value;
  const reason = outcome.state === 'failed' ? outcome.reason || 'the job failed without a reason' : 'the worker returned no site result';
  return engineFailureResult(url, categories, new Error(reason), startedAt);
}

function isSiteResult(v: unknown): v is SiteResult {
  const r = v as SiteResult | null;
  return !!r && typeof r === 'object' && typeof r.url === 'string' && typeof r.status === 'string' && !!r.scores && Array.isArray(r.pages);
}

// ---------------------------------------------------------------- for the sweep and scheduler commands

/** Sites of a sweep queued in Redis at once: enough to keep a fleet of workers busy. */
export const DEFAULT_IN_FLIGHT = 200;

export interface RemoteSweepOptions extends Omit<RemoteCheckerOptions, 'redisUrl' | 'jobContext'> {
  /** The sweep's database: lets each call find its sweep and site (job ids, lanes). */
  db?: Db;
  /** Its file: job ids are namespaced by it (unless `scope` is given), see databaseScope. */
  dbFile?: string;
  /** Sites in flight at once (default DEFAULT_IN_FLIGHT). */
  inFlight?: number;
}

export interface RemoteSweep {
  checker: RemoteSiteChecker;
  /** Pass as runSweep's `concurrency`: sites queued in Redis at once. */
  concurrency: number;
  /** Pass as runSweep's `maxAttempts`: BullMQ already retried transient failures, the runner must not again. */
  maxAttempts: number;
  /** Pass as runSweep's `queue`: the runner id the job-context lookup matches claims by. */
  queue: { workerId: string };
  /** All of the above, to spread into runSweep's input. */
  runSweepInput: { checker: RemoteSiteChecker; concurrency: number; maxAttempts: number; queue: { workerId: string } };
  close(): Promise<void>;
}

/**
 * Everything a sweep needs to run through Redis:
 *   const remote = createRemoteChecker(url, { db, dbFile });
 *   await runSweep({ db, sweepId, ...remote.runSweepInput, onRecorded });
 *   await remote.close();
 */
export function createRemoteChecker(redisUrl: string, opts: RemoteSweepOptions = {}): RemoteSweep {
  const { db, dbFile, inFlight, ...checkerOpts } = opts;
  const workerId = newWorkerId();
  const scope = checkerOpts.scope ?? (dbFile ? databaseScope(dbFile) : undefined);
  const checker = new RemoteSiteChecker({ ...checkerOpts, scope, redisUrl, jobContext: db ? runnerJobContext(db, workerId) : undefined });
  const concurrency = Math.max(1, inFlight ?? DEFAULT_IN_FLIGHT);
  const queue = { workerId };
  return { checker, concurrency, maxAttempts: 1, queue, runSweepInput: { checker, concurrency, maxAttempts: 1, queue }, close: () => checker.close() };
}

/** A short, stable id of a database file on this machine: namespaces job ids in a shared Redis. */
export function databaseScope(dbFile: string): string {
  return createHash('sha256').update(`${hostname()}:${resolve(dbFile)}`).digest('hex').slice(0, 12);
}
