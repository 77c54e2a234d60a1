// The Lighthouse child process: a long-lived worker that keeps Lighthouse's modules and its own
// Chromium warm and runs one job at a time. Lighthouse runs are not safe concurrently in one Node
// process, nor with two processes on one browser (../shared/research/toolchain.md), so each child
// owns exactly one browser and the parent sends it one job at a time.
//
// Started by host.ts through child-entry.js (`node child-entry.js <chromePath>`); talks over the IPC channel
// (protocol.ts) and exits as soon as that channel closes, so it never outlives its parent.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { launchLighthouseBrowser, type LighthouseBrowser } from './browser.ts';
import { LIGHTHOUSE_FLAGS, lighthouseConfig } from './config.ts';
import { remeasureBenchmarkIndex, reuseBenchmarkIndex } from './benchmark-index.ts';
import { failedSlim, slimLhr, isFailingAudit, type LhrLike } from './slim.ts';
import { otherLocaleTitles } from './titles.ts';
import type { FromChild, RunJob, ToChild } from './protocol.ts';
import { interceptWithAuth } from '../auth-injector.ts';

const require = createRequire(import.meta.url);
const LIGHTHOUSE_VERSION: string = require('lighthouse/package.json').version;

/** A fresh browser now and then bounds memory growth and leftovers between sites. */
const RUNS_PER_BROWSER = 25;

const chromePath = process.argv[2];
let browser: LighthouseBrowser | null = null;
let runsOnBrowser = 0;
let busy: Promise<void> = Promise.resolve();

function send(message: FromChild): void {
  if (process.connected) process.send!(message);
}

async function ensureBrowser(): Promise<LighthouseBrowser> {
  if (browser?.isRunning() && runsOnBrowser < RUNS_PER_BROWSER) return browser;
  await closeBrowser();
  browser = await launchLighthouseBrowser(chromePath);
  runsOnBrowser = 0;
  remeasureBenchmarkIndex();
  return browser;
}

async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  await b?.close();
}

/** A site behind a login: a browser-level Fetch interception covers the target Lighthouse opens. */
async function interceptBrowserWide(b: LighthouseBrowser, auth: NonNullable<RunJob['auth']>): Promise<() => Promise<void>> {
  const connection = await puppeteer.connect({ browserURL: `http://127.0.0.1:${b.port}`, defaultViewport: null });
  try {
    const session = await connection.target().createCDPSession();
    await interceptWithAuth(session, auth.auth, auth.origins);
  } catch (e) {
    await connection.disconnect();
    throw e;
  }
  return () => connection.disconnect();
}

/** bench:sweep's profile of the runs: one JSON line per run with Lighthouse's own phase timings. */
const TIMINGS_FILE = process.env.GOVCHECK_LIGHTHOUSE_TIMINGS;
const TIMED_PHASES = ['lh:config', 'lh:driver:navigate', 'lh:gather:getBenchmarkIndex', 'lh:runner:gather', 'lh:runner:audit'];

function recordTimings(url: string, ms: number, entries: { name: string; duration: number }[]): void {
  const phases = Object.fromEntries(TIMED_PHASES.map((name) => [name, Math.round(entries.filter((e) => e.name === name).reduce((a, e) => a + e.duration, 0))]));
  appendFileSync(TIMINGS_FILE!, `${JSON.stringify({ url, at: Date.now(), ms: Math.round(ms), phases })}\n`);
}

async function run(job: RunJob): Promise<void> {
  const started = performance.now();
  let slim;
  let stopIntercepting: (() => Promise<void>) | null = null;
  try {
    const b = await ensureBrowser();
    runsOnBrowser++;
    if (job.auth) stopIntercepting = await interceptBrowserWide(b, job.auth);
    const result = await lighthouse(
      job.url,
      {
        port: b.port,
        hostname: '127.0.0.1',
        output: [],
        logLevel: 'error',
        onlyCategories: job.categories,
        locale: job.locale,
        maxWaitForLoad: job.maxWaitForLoadMs,
        maxWaitForFcp: Math.min(30_000, job.maxWaitForLoadMs),
        ...LIGHTHOUSE_FLAGS,
      },
      lighthouseConfig(job.formFactor),
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr as unknown as LhrLike;
    if (TIMINGS_FILE) recordTimings(job.url, performance.now() - started, result.lhr.timing.entries);
    const failing = Object.values(lhr.audits).filter(isFailingAudit).map((a) => a.id);
    slim = slimLhr(lhr, {
      url: job.url,
      formFactor: job.formFactor,
      durationMs: performance.now() - started,
      otherTitles: otherLocaleTitles(lhr, failing),
    });
  } catch (e) {
    // Lighthouse throws for protocol failures and browser crashes: start the next job on a fresh browser.
    const err = e as Error & { code?: string; friendlyMessage?: string };
    slim = failedSlim(job.url, job.formFactor, `${err.code ?? 'ERROR'}: ${err.friendlyMessage ?? err.message}`, performance.now() - started, LIGHTHOUSE_VERSION);
    await closeBrowser();
  } finally {
    await stopIntercepting?.().catch(() => undefined);
  }
  send({ type: 'result', id: job.id, slim, rssBytes: process.memoryUsage().rss });
}

async function shutdown(code = 0): Promise<never> {
  await closeBrowser();
  process.exit(code);
}

reuseBenchmarkIndex();
process.on('disconnect', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('message', (message: ToChild) => {
  if (message?.type === 'run') busy = busy.then(() => run(message));
});

try {
  const b = await ensureBrowser();
  send({ type: 'ready', chromiumVersion: b.version, lighthouseVersion: LIGHTHOUSE_VERSION });
} catch (e) {
  send({ type: 'fatal', error: `BROWSER: cannot launch ${chromePath}: ${(e as Error).message}` });
  await shutdown(1);
}
