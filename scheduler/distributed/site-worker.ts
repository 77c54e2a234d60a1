// The worker's side: BullMQ workers that take site jobs, run SiteChecker.check and return the
// SiteResult. Stateless: no SQLite, nothing kept between jobs; any number may run on any machine.
//
// Lanes: two queues, each with its own slots in every worker — `sites` (national sweeps,
// --concurrency) and `interactive` (webmaster self-checks and CI, --interactive-concurrency). A
// self-check never waits behind a 400-site sweep, and a burst of self-checks never takes the
// sweep's slots. (BullMQ priorities alone would still make a self-check wait for a free slot,
// i.e. for some sweep site to finish.)
//
// Politeness, fleet-wide: before checking a site the worker takes the host's lease in Redis
// (SET NX PX, renewed while the check runs). When another worker holds it, the job goes back as
// delayed (not a failed attempt) and is tried again shortly. After a check the lease is replaced
// by a short cool-down, so the next site on the host starts after a pause. Within a site, pages
// are loaded one at a time already.
//
// Retries: a transient failure (timeout, 5xx, reset, browser crash) throws so BullMQ backs off and
// tries again; on the last attempt the failed SiteResult is returned instead, so the recorder gets
// the real status and reason. Permanent failures (DNS, TLS, blocked, 4xx) return at once.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DelayedError, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { SiteResult } from '../../core/types.ts';
import { hostKey } from '../queue.ts';
import type { SiteCheckerLike } from '../runner.ts';
import { isTransient } from '../../worker/failure.ts';
import { connectionOf, DEFAULT_PREFIX, INTERACTIVE_QUEUE, SITES_QUEUE, type SiteQueueName } from './names.ts';
import { RedisLock } from './redis-lock.ts';
import { BadJobError, fromWire, parseJobData, type SiteJobData } from './wire.ts';

export interface SiteWorkerOptions {
  redisUrl: string;
  prefix?: string;
  checker: SiteCheckerLike;
  /** National-sweep sites checked at once. */
  concurrency: number;
  /** Self-check and CI sites checked at once, on top of the sweep's (0 = this worker takes none). */
  interactiveConcurrency: number;
  /** Whether loopback and private addresses may be checked: a job cannot widen this. */
  allowPrivate: boolean;
  /** BullMQ job lock and host lease TTL: how soon a dead worker's site is taken over (default 30 s). */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs of dead workers (default 30 s). */
  stalledIntervalMs?: number;
  /** Pause after a site before another site of the same host may start (default 1 s). */
  hostDelayMs?: number;
  /** When the host is busy, the job is tried again after about this long (default 5 s). */
  hostWaitMs?: number;
  name?: string;
  /** One line per job (and per notable event). */
  log?: (line: string) => void;
}

export class TransientSiteFailure extends Error {
  constructor(readonly result: SiteResult) {
    super(`${result.status}: ${result.error ?? 'unknown failure'}`);
    this.name = 'TransientSiteFailure';
  }
}

interface Running {
  job: Job<SiteJobData, SiteResult>;
  token: string | undefined;
  queue: SiteQueueName;
  lock: RedisLock;
  lockToken: string;
}

export class SiteWorker {
  readonly name: string;
  private readonly redis: Redis;
  private readonly workers: Worker<SiteJobData, SiteResult>[] = [];
  private readonly running = new Map<string, Running>();
  private readonly waitingLogged = new Set<string>();
  private readonly prefix: string;
  private closing = false;
  /** Sites checked (results returned, including failures) and jobs handed back unfinished. */
  processed = 0;
  handedBack = 0;

  constructor(private readonly o: SiteWorkerOptions) {
    this.name = o.name ?? `${hostname()}:${process.pid}`;
    this.prefix = o.prefix ?? DEFAULT_PREFIX;
    this.redis = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined);
    const lanes: [SiteQueueName, number][] = [
      [SITES_QUEUE, o.concurrency],
      [INTERACTIVE_QUEUE, o.interactiveConcurrency],
    ];
    for (const [queue, concurrency] of lanes) {
      if (concurrency < 1) continue;
      const worker = new Worker<SiteJobData, SiteResult>(queue, (job, token) => this.process(queue, job, token), {
        connection: connectionOf(o.redisUrl),
        prefix: this.prefix,
        name: this.name,
        concurrency,
        lockDuration: o.lockDurationMs ?? 30_000,
        stalledInterval: o.stalledIntervalMs ?? 30_000,
        // A site that kills its worker twice is recorded as failed rather than killing a third.
        maxStalledCount: 2,
        autorun: false,
      });
      worker.on('error', (e) => this.log(`${queue}: ${e.message}`));
      this.workers.push(worker);
    }
  }

  /** Starts taking jobs; resolves once connected. */
  async start(): Promise<void> {
    for (const w of this.workers) void w.run().catch((e: Error) => this.log(`worker stopped: ${e.message}`));
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Stops taking jobs and lets the ones in flight finish for up to `graceMs`; whatever is still
   * running then goes back to its queue at once (for another worker) instead of waiting for the
   * stalled-job check. Returns how many finished and how many were handed back.
   */
  async close(graceMs = 30_000): Promise<{ finished: number; returned: number }> {
    this.closing = true;
    const [processed, handedBack] = [this.processed, this.handedBack];
    const graceful = Promise.all(this.workers.map((w) => w.close())).then(() => true);
    const inTime = await Promise.race([graceful, new Promise<false>((r) => setTimeout(() => r(false), graceMs).unref())]);
    if (!inTime) {
      await this.returnRunning();
      await Promise.all(this.workers.map((w) => w.close(true).catch(() => undefined)));
    }
    this.redis.disconnect();
    return { finished: this.processed - processed, returned: this.handedBack - handedBack };
  }

  /** Hands every job in flight back to its queue now (its check is abandoned). */
  async returnRunning(): Promise<number> {
    let n = 0;
    for (const r of [...this.running.values()]) {
      this.running.delete(r.job.id!);
      try {
        await r.job.moveToWait(r.token);
        n++;
        this.handedBack++;
        this.log(`${r.queue} ${r.job.id} ${r.job.data.url} → returned to the queue (shutting down)`);
      } catch (e) {
        this.log(`${r.queue} ${r.job.id}: could not return to the queue (${(e as Error).message}); it is taken over after the stalled check`);
      }
      await r.lock.release(r.lockToken).catch(() => undefined);
    }
    return n;
  }

  private async process(queue: SiteQueueName, job: Job<SiteJobData, SiteResult>, token: string | undefined): Promise<SiteResult> {
    let data: SiteJobData;
    let options;
    try {
      data = parseJobData(job.data);
      options = fromWire(data.options);
    } catch (e) {
      this.log(`${queue} ${job.id} → rejected: ${(e as Error).message}`);
      throw new UnrecoverableError(e instanceof BadJobError ? `bad job: ${e.message}` : String(e));
    }
    if (this.closing) {
      await job.moveToWait(token);
      throw new WaitingError();
    }
    // The worker's own policy decides: a job cannot open the private network to a worker started without it.
    if (!this.o.allowPrivate) {
      options.allowPrivate = false;
      delete options.allowAddresses;
    }

    const host = hostKey(data.url);
    const lock = new RedisLock(this.redis, `${this.prefix}:host:${host}`, this.o.lockDurationMs ?? 30_000);
    const lockToken = `${this.name}:${job.id}:${randomBytes(4).toString('hex')}`;
    if (!(await lock.acquire(lockToken))) {
      if (!this.waitingLogged.has(job.id!)) {
        this.waitingLogged.add(job.id!);
        this.log(`${queue} ${job.id} ${data.url} → waiting: another site of ${host} is being checked`);
      }
      // A cool-down ends soon; a check in progress is looked at again every few seconds.
      const wait = Math.min(this.o.hostWaitMs ?? 5_000, (await lock.remainingMs()) || 100);
      await job.moveToDelayed(Date.now() + wait + Math.floor(Math.random() * 250), token);
      throw new DelayedError();
    }
    this.waitingLogged.delete(job.id!);
    const stopRenewing = lock.keepAlive(lockToken, () => this.log(`${queue} ${job.id}: lost the lease of ${host} (Redis unreachable for too long?)`));
    this.running.set(job.id!, { job, token, queue, lock, lockToken });
    const attempt = job.attemptsMade + 1;
    const attempts = job.opts.attempts ?? 1;
    let result: SiteResult | null = null;
    let thrown: unknown = null;
    try {
      result = await this.o.checker.check(data.url, options);
    } catch (e) {
      thrown = e;
    } finally {
      stopRenewing();
      await lock.release(lockToken, this.o.hostDelayMs ?? 1_000).catch(() => undefined);
    }
    // Already handed back by returnRunning(): the job is no longer ours to finish.
    if (!this.running.delete(job.id!)) throw new WaitingError();
    if (this.closing && (thrown !== null || result?.status !== 'ok')) {
      // A check that fails while the worker shuts down failed with it (the browser goes first):
      // not the site's fault, so the job goes back without using up an attempt.
      this.log(`${queue} ${job.id} ${data.url} → handed back to the queue (worker shutting down)`);
      await job.moveToWait(token);
      this.handedBack++;
      throw new WaitingError();
    }
    if (thrown !== null || !result) {
      this.log(`${queue} ${job.id} ${data.url} → engine error: ${String((thrown as Error)?.message ?? thrown).split('\n')[0]} (attempt ${attempt}/${attempts})`);
      throw thrown;
    }
    this.processed++;
    if (isTransient(result) && attempt < attempts) {
      this.log(`${queue} ${job.id} ${data.url} → ${result.status}: ${result.error} · will retry (attempt ${attempt}/${attempts})`);
      throw new TransientSiteFailure(result);
    }
    this.log(`${queue} ${job.id} ${data.url} → ${describe(result)} · ${(result.durationMs / 1000).toFixed(1)} s (attempt ${attempt}/${attempts})`);
    return result;
  }

  private log(line: string): void {
    this.o.log?.(line);
  }
}

function describe(r: SiteResult): string {
  if (r.status !== 'ok') return `${r.status}: ${r.error}`;
  const pages = r.pages.filter((p) => !p.error).length;
  return `ok ${r.scores.overall ?? '–'} · ${pages} page${pages === 1 ? '' : 's'}`;
}
