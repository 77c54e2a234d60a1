// Benchmark: govcheck's Lighthouse pass (warm child + warm Chromium, worker/lighthouse) against the
// bare `lighthouse` CLI (a new Node process and a new browser per URL) on the same fixture pages,
// same categories, same machine, one after the other.
//
//   node --import tsx bench/lighthouse.ts [--chrome /usr/bin/chromium] [--json]
//
// Reports wall seconds and CPU seconds per run, the ratio govcheck/CLI, and peak memory (PSS summed
// over each process tree: Node plus every Chromium process). Times on a shared 2-core machine
// move with the load: compare the ratio, which is taken from runs interleaved page by page.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from '../fixtures/server.ts';
import { heavinessRoutes } from '../test/lighthouse/fixture-pages.ts';
import { CHROME_FLAGS, resolveChromePath } from '../worker/chrome.ts';
import { closeLighthouse, DEFAULT_CATEGORIES, lighthouseHostInfo, runLighthouse, type LighthouseRunOptions } from '../worker/lighthouse/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIGHTHOUSE_BIN = `${ROOT}node_modules/.bin/lighthouse`;
const PAGES = ['/light.html', '/blocking.html', '/shift.html'];
const CLK_TCK = 100;

export interface LighthouseBenchResult {
  pages: number;
  categories: string[];
  govcheck: {
    /** First pass, including the child's start (module loading + browser launch). */
    coldSecondsPerRun: number;
    /** Later pass: what every run costs in a sweep. */
    warmSecondsPerRun: number;
    warmCpuSecondsPerRun: number;
    peakTreeMB: number;
  };
  cli: { secondsPerRun: number; cpuSecondsPerRun: number; peakTreeMB: number };
  /** govcheck warm seconds per run ÷ CLI seconds per run (the target: ≤ 0.6). */
  ratio: number;
  ratioCold: number;
  cpuRatio: number;
  benchmarkIndex: number | null;
  performanceScores: Record<string, number | null>;
}

// ------------------------------------------------------------------ process-tree sampling (/proc)

interface ProcStat {
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

function treeOf(root: number): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(Number(name));
    if (st) all.set(Number(name), st);
  }
  const out = new Map<number, ProcStat>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const st = all.get(pid);
    if (!st || out.has(pid)) continue;
    out.set(pid, st);
    for (const [child, cst] of all) if (cst.ppid === pid) stack.push(child);
  }
  return out;
}

function pssKb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    /* fall through to RSS */
  }
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples a process tree: peak summed PSS, and CPU as the per-process maximum of cumulative
 * CPU seen (so processes that exit between samples still count up to their last sample).
 */
class TreeSampler {
  private cpuAtStart = new Map<number, number>();
  private cpuMax = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  peakKb = 0;

  constructor(private root: () => number | undefined) {}

  start(): void {
    const pid = this.root();
    if (pid) for (const [p, st] of treeOf(pid)) this.cpuAtStart.set(p, st.cpuTicks);
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
  }

  private sample(): void {
    const pid = this.root();
    if (!pid) return;
    let kb = 0;
    for (const [p, st] of treeOf(pid)) {
      kb += pssKb(p);
      this.cpuMax.set(p, Math.max(this.cpuMax.get(p) ?? 0, st.cpuTicks));
    }
    this.peakKb = Math.max(this.peakKb, kb);
  }

  /** CPU seconds used by the tree since start(). */
  stop(): number {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    let ticks = 0;
    for (const [p, max] of this.cpuMax) ticks += max - (this.cpuAtStart.get(p) ?? 0);
    return ticks / CLK_TCK;
  }
}

// ------------------------------------------------------------------ the two contestants

async function bareCli(url: string, chromePath: string, categories: string[]): Promise<{ seconds: number; cpu: number; peakKb: number }> {
  const started = performance.now();
  const child = spawn(
    LIGHTHOUSE_BIN,
    [url, `--chrome-flags=${CHROME_FLAGS.join(' ')}`, '--output=json', '--output-path=/dev/null', '--quiet', `--only-categories=${categories.join(',')}`],
    { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  const sampler = new TreeSampler(() => child.pid);
  sampler.start();
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  const cpu = sampler.stop();
  if (code !== 0) throw new Error(`lighthouse CLI exited ${code}: ${stderr}`);
  return { seconds: (performance.now() - started) / 1000, cpu, peakKb: sampler.peakKb };
}

async function govcheckRun(url: string, opts: LighthouseRunOptions) {
  const sampler = new TreeSampler(() => lighthouseHostInfo()?.pid);
  const started = performance.now();
  sampler.start();
  const [slim] = await runLighthouse([url], opts);
  const cpu = sampler.stop();
  if (slim.runtimeError) throw new Error(`govcheck Lighthouse run failed: ${slim.runtimeError}`);
  return { seconds: (performance.now() - started) / 1000, cpu, peakKb: sampler.peakKb, slim };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export async function benchLighthouse(options: { chromePath?: string; log?: (line: string) => void } = {}): Promise<LighthouseBenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const chromePath = resolveChromePath(options.chromePath);
  const categories = [...DEFAULT_CATEGORIES];
  const opts: LighthouseRunOptions = { chromePath, formFactor: 'mobile', runs: 1, timeoutMs: 120_000, categories };
  const server = await startFixtureServer({ routes: heavinessRoutes() });
  try {
    await closeLighthouse(); // a cold start that we measure, not one left over from the caller
    const urls = PAGES.map((p) => server.url + p);

    const coldStarted = performance.now();
    let peakGovKb = 0;
    for (const url of urls) {
      const r = await govcheckRun(url, opts);
      peakGovKb = Math.max(peakGovKb, r.peakKb);
      log(`govcheck cold  ${url.replace(server.url, '')}: ${r.seconds.toFixed(1)} s`);
    }
    const coldSecondsPerRun = (performance.now() - coldStarted) / 1000 / urls.length;

    // Interleave page by page so a load spike from other work hits both sides alike.
    const warm: { seconds: number; cpu: number }[] = [];
    const cli: { seconds: number; cpu: number }[] = [];
    let peakCliKb = 0;
    const scores: Record<string, number | null> = {};
    let benchmarkIndex: number | null = null;
    for (const url of urls) {
      const c = await bareCli(url, chromePath, categories);
      cli.push(c);
      peakCliKb = Math.max(peakCliKb, c.peakKb);
      log(`bare CLI      ${url.replace(server.url, '')}: ${c.seconds.toFixed(1)} s, ${c.cpu.toFixed(1)} CPU s`);
      const g = await govcheckRun(url, opts);
      warm.push(g);
      peakGovKb = Math.max(peakGovKb, g.peakKb);
      scores[url.replace(server.url, '')] = g.slim.scores.performance ?? null;
      benchmarkIndex = g.slim.benchmarkIndex;
      log(`govcheck warm  ${url.replace(server.url, '')}: ${g.seconds.toFixed(1)} s, ${g.cpu.toFixed(1)} CPU s`);
    }
    const warmSeconds = mean(warm.map((w) => w.seconds));
    const cliSeconds = mean(cli.map((c) => c.seconds));
    return {
      pages: urls.length,
      categories,
      govcheck: {
        coldSecondsPerRun: round(coldSecondsPerRun),
        warmSecondsPerRun: round(warmSeconds),
        warmCpuSecondsPerRun: round(mean(warm.map((w) => w.cpu))),
        peakTreeMB: Math.round(peakGovKb / 1024),
      },
      cli: { secondsPerRun: round(cliSeconds), cpuSecondsPerRun: round(mean(cli.map((c) => c.cpu))), peakTreeMB: Math.round(peakCliKb / 1024) },
      ratio: round(warmSeconds / cliSeconds),
      ratioCold: round(coldSecondsPerRun / cliSeconds),
      cpuRatio: round(mean(warm.map((w) => w.cpu)) / mean(cli.map((c) => c.cpu))),
      benchmarkIndex,
      performanceScores: scores,
    };
  } finally {
    await closeLighthouse();
    await server.close();
  }
}

export function formatLighthouseBench(r: LighthouseBenchResult): string {
  return [
    `Lighthouse pass (${r.pages} fixture pages, ${r.categories.join('+')}, mobile, benchmarkIndex ${r.benchmarkIndex ?? '?'}):`,
    `  govcheck warm  ${r.govcheck.warmSecondsPerRun.toFixed(2)} s/run  (${r.govcheck.warmCpuSecondsPerRun.toFixed(2)} CPU s)   cold first pass ${r.govcheck.coldSecondsPerRun.toFixed(2)} s/run`,
    `  bare CLI       ${r.cli.secondsPerRun.toFixed(2)} s/run  (${r.cli.cpuSecondsPerRun.toFixed(2)} CPU s)`,
    `  ratio govcheck/CLI: ${r.ratio.toFixed(2)}× wall (cold ${r.ratioCold.toFixed(2)}×), ${r.cpuRatio.toFixed(2)}× CPU`,
    `  peak memory (PSS, whole tree incl. Chromium): govcheck ${r.govcheck.peakTreeMB} MB, CLI ${r.cli.peakTreeMB} MB`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const chromeAt = args.indexOf('--chrome');
  const result = await benchLighthouse({ chromePath: chromeAt >= 0 ? args[chromeAt + 1] : undefined });
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(result, null, 2)}\n` : `${formatLighthouseBench(result)}\n`);
}
