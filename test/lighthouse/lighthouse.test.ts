// Lighthouse against fixture pages of known heaviness, with the real Chromium. Each run takes
// ~6–15 s on a 2-core machine, so the file keeps to six runs in all.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { closeLighthouse, lighthouseHostInfo, lighthouseProcesses, runLighthouse, setLighthouseProcesses, type LighthouseRunOptions } from '../../worker/lighthouse/index.ts';
import { lighthouseAudits } from '../../rules/performance/lighthouse-audits.ts';
import { siteMetrics } from '../../core/metrics.ts';
import type { LighthouseSlim } from '../../core/types.ts';
import { makePage, makeSite, siteContext } from '../helpers/artifacts.ts';
import { hangingRoute, heavinessRoutes } from './fixture-pages.ts';

const CHROME = '/usr/bin/chromium';
const mobile: LighthouseRunOptions = { chromePath: CHROME, formFactor: 'mobile', runs: 1, timeoutMs: 150_000 };

let server: FixtureServer;
let light: LighthouseSlim;
let blocking: LighthouseSlim;
let shift: LighthouseSlim;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return !alive(pid);
}

// Two pages that answer only once both have been asked for (or after PAIR_FALLBACK_MS): two runs at
// once see their partner; runs one after the other cannot.
const PAIR_FALLBACK_MS = 30_000;
const pairs = { requested: new Set<string>(), sawPartner: new Set<string>(), wake: [] as (() => void)[] };
function pairedRoute(name: string) {
  return async (_req: unknown, res: import('node:http').ServerResponse) => {
    pairs.requested.add(name);
    for (const wake of pairs.wake.splice(0)) wake();
    if (pairs.requested.size < 2) await new Promise<void>((resolve) => {
      pairs.wake.push(resolve);
      setTimeout(resolve, PAIR_FALLBACK_MS);
    });
    if (pairs.requested.size === 2) pairs.sawPartner.add(name);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><title>${name}</title><p>page ${name}</p></html>`);
  };
}

beforeAll(async () => {
  server = await startFixtureServer({
    routes: {
      ...heavinessRoutes(),
      '/hang.html': hangingRoute,
      '/broken.html': (_req, res) => void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>500</h1>'),
      '/pair-a.html': pairedRoute('a'),
      '/pair-b.html': pairedRoute('b'),
    },
  });
  // Two callers at once, as two sites checked concurrently would: the module queue must run them
  // one after the other (two Lighthouse runs in one process fail).
  const [first, second] = await Promise.all([
    runLighthouse([`${server.url}/light.html`, `${server.url}/blocking.html`], mobile),
    runLighthouse([`${server.url}/shift.html`], mobile),
  ]);
  [light, blocking] = first;
  [shift] = second;
}, 600_000);

afterAll(async () => {
  await closeLighthouse();
  await server?.close();
});

describe('runLighthouse on fixture pages', () => {
  it('returns one slim record per URL, in order, with versions and the benchmark index', () => {
    for (const [r, path] of [[light, '/light.html'], [blocking, '/blocking.html'], [shift, '/shift.html']] as const) {
      expect(r.runtimeError, `${path}: ${r.runtimeError}`).toBeNull();
      expect(r.url).toBe(server.url + path);
      expect(r.formFactor).toBe('mobile');
      expect(r.lighthouseVersion).toBe('12.2.3');
      expect(r.chromiumVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(r.benchmarkIndex).toBeGreaterThan(0);
      expect(r.runs).toBe(1);
      expect(Object.keys(r.scores)).toEqual(['performance']);
      // Slim: never the whole report.
      expect(JSON.stringify(r).length).toBeLessThan(20_000);
    }
  });

  it('orders the metrics by known heaviness', () => {
    // The blocking script: long tasks after the first paint, and a late first paint.
    expect(blocking.metrics.tbtMs!).toBeGreaterThan(light.metrics.tbtMs! + 500);
    expect(blocking.metrics.fcpMs!).toBeGreaterThan(light.metrics.fcpMs!);
    // The late image without dimensions: layout shift, and by far the most bytes.
    expect(shift.metrics.cls!).toBeGreaterThan(0.1);
    expect(light.metrics.cls!).toBeLessThan(0.05);
    expect(shift.metrics.transferBytes!).toBeGreaterThan(1_000_000);
    expect(blocking.metrics.transferBytes!).toBeGreaterThan(light.metrics.transferBytes! * 10);
    expect(shift.metrics.lcpMs!).toBeGreaterThan(light.metrics.lcpMs!);
    expect(light.scores.performance!).toBeGreaterThan(blocking.scores.performance!);
    expect(light.scores.performance!).toBeGreaterThan(shift.scores.performance!);
  });

  it('turns failing audits into the expected perf/* findings, titled in both languages', () => {
    const pages = [light, blocking, shift].map((r) => makePage('<html><body></body></html>', { url: r.url, finalUrl: r.url }));
    const site = makeSite(pages, { lighthouse: [light, blocking, shift] });
    const { findings } = lighthouseAudits.check(site, siteContext(site));
    const rulesOn = (r: LighthouseSlim) => findings.filter((f) => f.pageUrl === r.url).map((f) => f.rule);
    expect(rulesOn(blocking)).toEqual(expect.arrayContaining(['perf/render-blocking-resources', 'perf/total-blocking-time', 'perf/bootup-time', 'perf/unused-javascript']));
    expect(rulesOn(shift)).toEqual(expect.arrayContaining(['perf/cumulative-layout-shift', 'perf/unsized-images', 'perf/uses-responsive-images']));
    for (const rule of ['perf/render-blocking-resources', 'perf/unused-javascript', 'perf/unsized-images', 'perf/cumulative-layout-shift', 'perf/bootup-time']) {
      expect(rulesOn(light)).not.toContain(rule);
    }
    const unused = findings.find((f) => f.rule === 'perf/unused-javascript')!;
    expect(unused.message.en).toMatch(/^Reduce unused JavaScript \(estimated savings .*KiB/);
    expect(unused.message['zh-TW']).toMatch(/^減少.*JavaScript（估計可節省/);
    expect(unused.help).toMatch(/^https:\/\/developer\.chrome\.com\//);
    expect(unused.data).toMatchObject({ formFactor: 'mobile', lighthouseVersion: '12.2.3' });
  });

  it('feeds the site metrics: Lighthouse numbers, median across pages', () => {
    const m = siteMetrics([], [light, blocking, shift]);
    expect(m.tbtMs).toBe(Math.round([light, blocking, shift].map((r) => r.metrics.tbtMs!).sort((a, b) => a - b)[1]));
    expect(m.performanceScore).toBe(Math.round([light, blocking, shift].map((r) => r.scores.performance!).sort((a, b) => a - b)[1] * 100));
    expect(m.lighthousePages).toBe(3);
  });
});

describe('two Lighthouse processes (sweep --lighthouse-processes 2)', () => {
  it('runs two pages at once, each in its own child, then goes back to one', async () => {
    setLighthouseProcesses(2);
    try {
      expect(lighthouseProcesses()).toBe(2);
      const [[a], [b]] = await Promise.all([runLighthouse([`${server.url}/pair-a.html`], mobile), runLighthouse([`${server.url}/pair-b.html`], mobile)]);
      expect(a.runtimeError, a.runtimeError ?? '').toBeNull();
      expect(b.runtimeError, b.runtimeError ?? '').toBeNull();
      // Each page was answered because the other had been asked for meanwhile: the runs overlapped.
      expect([...pairs.sawPartner].sort()).toEqual(['a', 'b']);
    } finally {
      await closeLighthouse();
      setLighthouseProcesses(1);
    }
    expect(lighthouseProcesses()).toBe(1);
  }, 300_000);
});

describe('failures', () => {
  it('records a page that fails to load as runtimeError, without throwing or retrying', async () => {
    const [r] = await runLighthouse([`${server.url}/broken.html`], { ...mobile, runs: 3 });
    expect(r.runtimeError).toMatch(/^ERRORED_DOCUMENT_REQUEST: /);
    expect(r.runs).toBe(1);
    expect(r.failingAudits).toEqual([]);
    expect(r.metrics.lcpMs).toBeNull();
  }, 300_000);

  it('kills a run over its timeout, then starts a fresh child for the next one (desktop)', async () => {
    const before = lighthouseHostInfo()!.pid!;
    const [hung] = await runLighthouse([`${server.url}/hang.html`], { ...mobile, timeoutMs: 3_000 });
    expect(hung.runtimeError).toMatch(/^TIMEOUT: /);
    expect(await waitUntilGone(before, 15_000)).toBe(true);

    const [desktop] = await runLighthouse([`${server.url}/light.html`], { ...mobile, formFactor: 'desktop' });
    expect(desktop.runtimeError).toBeNull();
    expect(desktop.formFactor).toBe('desktop');
    expect(lighthouseHostInfo()!.pid).not.toBe(before);
  }, 300_000);

  it('never outlives its parent: the child exits when the parent is killed', async () => {
    const script = fileURLToPath(new URL('./orphan-parent.ts', import.meta.url));
    const stdout = await new Promise<string>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', script, CHROME], (_err, out) => resolve(out));
    });
    const childPid = Number(stdout.trim());
    expect(childPid).toBeGreaterThan(0);
    expect(await waitUntilGone(childPid, 20_000)).toBe(true);
  }, 120_000);
});
