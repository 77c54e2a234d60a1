// The dashboard's re-check engine: queues a 'self-check' lane job for one registered site and runs
// self-check jobs in this process (QueueRunner + SiteChecker, started on first use, one site at a
// time), so a webmaster sees the new result as soon as it is recorded. Lives in cli/ because it
// joins reports/ (the dashboard) with scheduler/ and worker/, which reports/ may not import.
import { CATEGORIES, type Category } from '../core/types.ts';
import { defaultConfig } from '../core/config.ts';
import type { Db } from '../reports/store/db.ts';
import type { SweepOptions } from '../reports/store/sweeps.ts';
import { pendingSelfCheck, type SelfCheckOutcome, type SelfCheckService } from '../reports/dashboard/index.ts';
import { JobQueue, planSweep } from '../scheduler/queue.ts';
import { QueueRunner, type JobEvent, type SiteCheckerLike } from '../scheduler/runner.ts';
import { finishSweep } from '../scheduler/sweep.ts';
import { SiteChecker } from '../worker/site-checker.ts';
import { closeLighthouse } from '../worker/lighthouse/index.ts';
import { AddressPolicy, DnsError, parseSiteUrl, UnsafeUrlError } from '../worker/url-guard.ts';

export interface EmbeddedSelfCheckOptions {
  db: Db;
  /** --allow-private: permit loopback/private addresses (refused by default, also at re-check time). */
  allowPrivate: boolean;
  chromePath?: string | null;
  /** Override the categories / pages taken from the site's latest national sweep. */
  categories?: Category[];
  maxPages?: number;
  clock?: () => Date;
  onRecorded?: (e: JobEvent) => void;
  onError?: (e: unknown) => void;
}

export class EmbeddedSelfCheck implements SelfCheckService {
  private checker: SiteCheckerLike & { close(): Promise<void> } | null = null;
  private runner: QueueRunner | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly queue: JobQueue;

  constructor(private readonly o: EmbeddedSelfCheckOptions) {
    this.queue = new JobQueue(o.db);
  }

  async request(siteId: number): Promise<SelfCheckOutcome> {
    if (this.closed) return { queued: false, code: 'unavailable', reason: 'the dashboard is shutting down' };
    const site = this.o.db.prepare<[number], { url: string; active: number }>('SELECT url, active FROM sites WHERE id = ?').get(siteId);
    if (!site || site.active !== 1) return { queued: false, code: 'not-found', reason: `no registered site ${siteId}` };
    // The stored URL is checked again: the registry may have been edited, and a host may now
    // resolve somewhere private. The check itself guards every request and redirect as well.
    try {
      const url = parseSiteUrl(site.url);
      if (!this.o.allowPrivate) await new AddressPolicy({ allowPrivate: false }).assert(url);
    } catch (e) {
      if (e instanceof UnsafeUrlError) return { queued: false, code: 'refused', reason: e.message };
      // A DNS failure is the site's problem, not a refusal: the check records it honestly.
      if (!(e instanceof DnsError)) throw e;
    }
    const pending = pendingSelfCheck(this.o.db, siteId);
    if (pending) {
      this.kick();
      return { queued: true, already: true, ...pending };
    }
    try {
      this.checker ??= new SiteChecker({ chromePath: this.o.chromePath });
    } catch (e) {
      return { queued: false, code: 'unavailable', reason: (e as Error).message };
    }
    const sweepId = planSweep(this.o.db, { siteIds: [siteId], options: this.optionsFor(siteId), lane: 'self-check', registry: null, startedAt: this.now() });
    const jobId = this.o.db.prepare<[number], { id: number }>('SELECT id FROM jobs WHERE sweep_id = ?').get(sweepId)!.id;
    this.kick();
    return { queued: true, already: false, sweepId, jobId };
  }

  /** Runs self-checks left queued by an earlier serve process. */
  resume(): void {
    if (this.hasWork()) {
      try {
        this.checker ??= new SiteChecker({ chromePath: this.o.chromePath });
        this.kick();
      } catch (e) {
        this.o.onError?.(e);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.runner?.stop();
    await this.running;
    await this.checker?.close().catch(() => undefined);
    await closeLighthouse().catch(() => undefined);
  }

  /** Whether self-check work is still in flight, e.g. for tests waiting on a recorded result. */
  get busy(): boolean {
    return this.running !== null;
  }

  private now(): Date {
    return this.o.clock?.() ?? new Date();
  }

  /** The site's latest national sweep options (config, language), checked now, with this server's address policy. */
  private optionsFor(siteId: number): SweepOptions {
    const row = this.o.db
      .prepare<[number], { options: string }>("SELECT w.options FROM jobs j JOIN sweeps w ON w.id = j.sweep_id WHERE j.site_id = ? AND w.lane = 'sweep' ORDER BY w.id DESC LIMIT 1")
      .get(siteId);
    const base: SweepOptions = row
      ? (JSON.parse(row.options) as SweepOptions)
      : { categories: [...CATEGORIES], maxPages: 5, now: '', allowPrivate: false, lang: 'zh-TW', config: defaultConfig(), pageDelayMs: 500 };
    return {
      ...base,
      categories: this.o.categories ?? base.categories,
      maxPages: this.o.maxPages ?? base.maxPages,
      now: this.now().toISOString(),
      allowPrivate: this.o.allowPrivate,
    };
  }

  private hasWork(): boolean {
    return Boolean(this.o.db.prepare("SELECT 1 FROM jobs WHERE lane = 'self-check' AND state IN ('queued', 'running') LIMIT 1").get());
  }

  private kick(): void {
    if (this.closed || this.running || !this.checker) return;
    const db = this.o.db;
    const queue = this.queue;
    const runner = new QueueRunner({
      db,
      queue,
      checker: this.checker,
      lanes: [{ lane: 'self-check', cap: 1 }],
      until: () => !this.hasWork(),
      maxAttempts: 2,
      backoffMs: (attempt) => 5_000 * attempt,
      onRecorded: (e) => {
        const c = queue.counts(e.job.sweepId);
        if (c.queued === 0 && c.running === 0) finishSweep(db, e.job.sweepId);
        this.o.onRecorded?.(e);
      },
    });
    this.runner = runner;
    this.running = runner
      .run()
      .catch((e) => this.o.onError?.(e))
      .finally(() => {
        this.running = null;
        this.runner = null;
        // A job queued while the runner was winding down must not wait for the next request.
        if (!this.closed && this.hasWork()) this.kick();
      });
  }
}
