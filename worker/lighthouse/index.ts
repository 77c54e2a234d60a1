// Lighthouse on a few sampled pages, in a warm child process with its own Chromium.
//
// Why a child: two Lighthouse runs in one Node process fail even with two browsers, and two
// processes sharing a browser fail too; the bare CLI spends ~4.5 s per URL just loading modules.
// So one long-lived child keeps Lighthouse and a browser warm, and a module-level queue makes sure
// only one run is in flight per child (one child by default: on 2 cores, concurrent runs skew the scores).
import type { LighthouseSlim } from '../../core/types.ts';
import { Slots } from '../../core/concurrency.ts';
import { LighthouseHost } from './host.ts';
import { failedSlim, medianRun } from './slim.ts';
import type { LighthouseAuth, LighthouseCategory } from './protocol.ts';
import { createRequire } from 'node:module';

export type { LighthouseCategory } from './protocol.ts';

const require = createRequire(import.meta.url);
export const LIGHTHOUSE_VERSION: string = require('lighthouse/package.json').version;

export interface LighthouseRunOptions {
  chromePath: string;
  formFactor: 'mobile' | 'desktop';
  /** Runs per page; the median run (by performance score) is kept. */
  runs: number;
  /** Hard cap per run: the child is killed and restarted when it is exceeded. */
  timeoutMs: number;
  /** Language of the run (titles come back in both languages either way). Default 'zh-TW'. */
  locale?: 'zh-TW' | 'en';
  /** Default: performance only. The others cost ~1 s more per run; axe-core remains the accessibility record. */
  categories?: LighthouseCategory[];
  /** A site behind a login: its credentials go to these origins only (see worker/auth-injector.ts). */
  auth?: LighthouseAuth;
}

export const DEFAULT_CATEGORIES: LighthouseCategory[] = ['performance'];

/**
 * Warm children (each with its own browser), each running one job at a time. One by default: on 2
 * cores concurrent runs skew the CPU-bound metrics; a sweep over slow servers may use two, so one
 * run's CPU work overlaps with the other's wait on the network (bench:sweep figures in the README).
 */
let hosts: (LighthouseHost | null)[] = [null];
let turns = new Slots(1);
/** Indexes of the hosts no job holds. */
let idle: number[] = [0];
let peakChildRss = 0;

/** How many Lighthouse processes run at once (default 1). Takes effect for runs queued after it. */
export function setLighthouseProcesses(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Lighthouse processes must be a positive integer: ${n}`);
  if (n === turns.size) return;
  if (turns.inUse > 0) throw new Error('setLighthouseProcesses: Lighthouse runs are in flight');
  for (const h of hosts.slice(n)) void h?.stop();
  hosts = Array.from({ length: n }, (_, i) => hosts[i] ?? null);
  turns = new Slots(n);
  idle = hosts.map((_, i) => i);
}

export function lighthouseProcesses(): number {
  return turns.size;
}

/** Runs fn on a host no other job holds, after every earlier queued job got one: one run per process. */
async function exclusive<T>(fn: (slot: number) => Promise<T>): Promise<T> {
  const release = await turns.acquire();
  const slot = idle.pop()!;
  try {
    return await fn(slot);
  } finally {
    idle.push(slot);
    release();
  }
}

function hostFor(slot: number, chromePath: string): LighthouseHost {
  let host = hosts[slot];
  if (host && (!host.alive || host.chromePath !== chromePath)) {
    void host.stop();
    host = null;
  }
  host ??= new LighthouseHost(chromePath);
  hosts[slot] = host;
  return host;
}

/**
 * Start the first child and its browser ahead of the first run (optional), so the module loading and
 * browser launch overlap with other work instead of delaying the first Lighthouse run.
 */
export function prepareLighthouse(chromePath: string): void {
  hostFor(0, chromePath);
}

async function runOnce(slot: number, url: string, opts: LighthouseRunOptions): Promise<LighthouseSlim> {
  const h = hostFor(slot, opts.chromePath);
  const outcome = await h.run(
    {
      url,
      formFactor: opts.formFactor,
      locale: opts.locale ?? 'zh-TW',
      categories: opts.categories?.length ? opts.categories : DEFAULT_CATEGORIES,
      // Lighthouse gives up on a page that never finishes loading well before our hard kill.
      maxWaitForLoadMs: Math.max(5_000, Math.min(45_000, Math.round(opts.timeoutMs * 0.5))),
      ...(opts.auth ? { auth: opts.auth } : {}),
    },
    opts.timeoutMs,
  );
  if (outcome.childRssBytes) peakChildRss = Math.max(peakChildRss, outcome.childRssBytes);
  if (outcome.slim) {
    // The user agent carries a reduced version ('156.0.0.0'); the browser itself knows the full one.
    if (h.chromiumVersion) outcome.slim.chromiumVersion = h.chromiumVersion;
    return outcome.slim;
  }
  return failedSlim(url, opts.formFactor, outcome.error ?? 'ERROR: unknown', opts.timeoutMs, LIGHTHOUSE_VERSION);
}

/**
 * One slim record per URL, in order. Never throws for a page: a failed load, timeout or crash is
 * recorded in `runtimeError`. Each run waits its turn in the module-level queue.
 */
export async function runLighthouse(urls: string[], opts: LighthouseRunOptions): Promise<LighthouseSlim[]> {
  const out: LighthouseSlim[] = [];
  for (const url of urls) {
    const runs: LighthouseSlim[] = [];
    for (let i = 0; i < Math.max(1, Math.floor(opts.runs)); i++) {
      const run = await exclusive((slot) => runOnce(slot, url, opts));
      runs.push(run);
      // A page that failed to load (or timed out) once will most likely fail again: spare the other runs.
      if (i === 0 && run.runtimeError) break;
    }
    out.push(medianRun(runs));
  }
  return out;
}

/** Stop the children and their browsers once the runs queued before are done. The CLI calls this at the end; safe any time. */
export async function closeLighthouse(): Promise<void> {
  const releases = await Promise.all(Array.from({ length: turns.size }, () => turns.acquire()));
  try {
    const running = hosts.filter((h): h is LighthouseHost => h !== null);
    hosts = hosts.map(() => null);
    await Promise.all(running.map((h) => h.stop()));
  } finally {
    for (const release of releases) release();
  }
}

/** Largest RSS the child reported (bytes), for the benchmark. */
export function lighthouseChildPeakRss(): number {
  return peakChildRss;
}

/** The running child's pid and browser version (null before the first run). */
export function lighthouseHostInfo(): { pid: number | undefined; chromiumVersion: string | null } | null {
  const host = hosts[0];
  return host ? { pid: host.pid, chromiumVersion: host.chromiumVersion } : null;
}
