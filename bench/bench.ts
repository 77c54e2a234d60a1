// npm run bench: govcheck against the practical limit for the same work on this machine.
//   1. govcheck checking N generated government sites (accessibility, freshness, governance,
//      security; no Lighthouse unless --with-lighthouse): pages/min, sites/min, peak RSS of every
//      process together, time per stage;
//   2. a bare baseline on the very pages govcheck checked: one Chromium, a minimal loop of
//      page.goto + axe-core, at the best concurrency measured for this machine;
//   3. the ratio. The two alternate in rounds (a share of the sites each), so both see the same
//      drift of the machine's speed; CPU per page by process kind is the profile.
//   Measurements only: nothing here is asserted by npm test.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../core/config.ts';
import { mapLimit } from '../core/concurrency.ts';
import type { Category, SiteResult } from '../core/types.ts';
import { generateBenchSites } from '../fixtures/bench.ts';
import { serveSiteSet } from '../fixtures/serve.ts';
import { DEFAULT_AXE_TAGS } from '../worker/axe-runner.ts';
import { launchChrome, resolveChromePath } from '../worker/chrome.ts';
import { defaultConcurrency } from '../worker/concurrency.ts';
import { SiteChecker } from '../worker/site-checker.ts';
import { closeLighthouse } from '../worker/lighthouse/index.ts';
import { byKind, MemorySampler } from './memory.ts';

const require = createRequire(import.meta.url);
const axeSource: string = require('axe-core').source;

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '40' },
    pages: { type: 'string', default: '5' },
    concurrency: { type: 'string' },
    'baseline-concurrency': { type: 'string', default: `${availableParallelism()},${availableParallelism() + 1}` },
    'with-lighthouse': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    /** Categories to check (default: all but performance; --with-lighthouse adds it): a cheaper plan gathers less. */
    only: { type: 'string' },
    /** Element screenshots of findings, as sweeps take them by default. */
    screenshots: { type: 'boolean', default: false },
    /** --no-baseline: govcheck only (profiling a change; no ratio). */
    baseline: { type: 'boolean', default: true },
    /** Rounds of govcheck then the bare loop on the same sites (default: one per 10 sites, at least 2). */
    rounds: { type: 'string' },
  },
  allowNegative: true,
});
const SITES = Number(values.sites);
const PAGES = Number(values.pages);
const CONCURRENCY = values.concurrency ? Number(values.concurrency) : defaultConcurrency();

interface GovcheckRun {
  results: SiteResult[];
  wallMs: number;
  pages: number;
  peakMb: number;
  /** CPU seconds of the whole process tree (Node, Chromium, fixture server). */
  cpuS: number;
  cpuByKind: Record<string, number>;
}

const CATEGORIES: Category[] = values.only
  ? (values.only.split(',') as Category[])
  : values['with-lighthouse']
    ? ['accessibility', 'freshness', 'governance', 'security', 'performance']
    : ['accessibility', 'freshness', 'governance', 'security'];

/** govcheck on some sites with a checker (and browser) kept across rounds. */
async function runGovcheck(checker: SiteChecker, urls: string[]): Promise<GovcheckRun> {
  const config = defaultConfig();
  config.screenshots.enabled = values.screenshots === true;
  const rss = new MemorySampler();
  rss.start();
  const started = Date.now();
  const results = await mapLimit(urls, CONCURRENCY, (url) => checker.check(url, { categories: CATEGORIES, maxPages: PAGES, now: new Date(), allowPrivate: true, config, lang: 'zh-TW' }));
  const wallMs = Date.now() - started;
  const cpuS = rss.cpuSeconds();
  const cpuByKind = rss.cpuByKind();
  const peakMb = rss.stop();
  return { results, wallMs, pages: results.reduce((n, r) => n + r.pages.length, 0), peakMb, cpuS, cpuByKind };
}

interface BaselineRun {
  concurrency: number;
  wallMs: number;
  pages: number;
  peakMb: number;
  cpuS: number;
  cpuByKind: Record<string, number>;
}

/** Sums of rounds: times, pages and CPU add up, memory is the highest peak. */
function combine<T extends { wallMs: number; pages: number; peakMb: number; cpuS: number; cpuByKind: Record<string, number> }>(a: T, b: T, merge: (a: T, b: T) => Partial<T> = () => ({})): T {
  const cpuByKind = { ...a.cpuByKind };
  for (const [k, v] of Object.entries(b.cpuByKind)) cpuByKind[k] = (cpuByKind[k] ?? 0) + v;
  return { ...a, wallMs: a.wallMs + b.wallMs, pages: a.pages + b.pages, peakMb: Math.max(a.peakMb, b.peakMb), cpuS: a.cpuS + b.cpuS, cpuByKind, ...merge(a, b) };
}

/** The practical limit: one browser, a context per site, goto + inject axe + axe.run per page. */
async function runBaseline(sitePages: string[][], concurrency: number): Promise<BaselineRun> {
  const rss = new MemorySampler();
  rss.start();
  const browser = await launchChrome(resolveChromePath());
  const started = Date.now();
  let pages = 0;
  await mapLimit(sitePages, concurrency, async (urls) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => null);
      await page.evaluate(axeSource);
      await page.evaluate((tags) => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }), DEFAULT_AXE_TAGS);
      pages++;
    }
    await context.close();
  });
  const wallMs = Date.now() - started;
  await browser.close();
  const cpuS = rss.cpuSeconds();
  const cpuByKind = rss.cpuByKind();
  return { concurrency, wallMs, pages, peakMb: rss.stop(), cpuS, cpuByKind };
}

/** Mean milliseconds per page of each gathering step (page modules, tab order, 320 px layout, serialising), largest first. */
function gatherSteps(results: SiteResult[]): string {
  const pages = results.flatMap((r) => r.pages);
  const sums = new Map<string, number>();
  for (const p of pages) for (const [k, v] of Object.entries(p.timings.gatherSteps ?? {})) sums.set(k, (sums.get(k) ?? 0) + v);
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v / Math.max(1, pages.length), 0)}`)
    .join(', ');
}

const perMin = (n: number, ms: number) => (ms > 0 ? (n * 60_000) / ms : 0);
const fmt = (n: number, d = 1) => n.toFixed(d);

/** How many element screenshots, how large, and the time the open pages spent on them. */
function screenshotRows(results: SiteResult[], ms: number): [string, string][] {
  const pages = results.flatMap((r) => r.pages);
  const shots = pages.flatMap((p) => p.findings.flatMap((f) => (f.screenshot ? [f.screenshot] : [])));
  const bytes = shots.reduce((n, s) => n + Math.ceil((s.base64.length * 3) / 4), 0);
  const jpeg = shots.filter((s) => s.type === 'image/jpeg').length;
  return [
    ['screenshots (PNG / JPEG)', `${shots.length - jpeg} / ${jpeg}`],
    ['screenshot bytes per page (mean)', `${fmt(bytes / Math.max(1, pages.length) / 1000)} kB`],
    ['stage: page rules + screenshots on open pages', `${fmt(ms / 1000)} s (${fmt(ms / Math.max(1, pages.length))} ms per page)`],
  ];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'govcheck-bench-'));
  console.error(`bench: generating ${SITES} sites × ${PAGES} pages in ${dir} …`);
  await generateBenchSites(dir, { sites: SITES, pagesPerSite: PAGES, seed: Number(values.seed) });
  const served = await serveSiteSet(dir);
  const urls = served.sites.filter((s) => s.server).map((s) => s.url);
  try {
    // Rounds: govcheck on a share of the sites, then the bare loop on the very pages govcheck checked, and
    // so on. The machine's speed drifts (the same bare loop measured 75 and 97 pages/min minutes apart),
    // and interleaving exposes both sides to the same drift, so the ratio compares like with like.
    const rounds = Math.max(1, Math.min(urls.length, values.rounds ? Number(values.rounds) : Math.max(2, Math.round(urls.length / 10))));
    const chunks = Array.from({ length: rounds }, (_, i) => urls.slice(Math.floor((i * urls.length) / rounds), Math.floor(((i + 1) * urls.length) / rounds)));
    console.error(`bench: ${urls.length} sites in ${rounds} rounds, govcheck at concurrency ${CONCURRENCY} (cores ${availableParallelism()}, memory ${Math.round(totalmem() / 2 ** 30)} GiB) …`);
    const checker = new SiteChecker();
    let gc: GovcheckRun | null = null;
    let base: BaselineRun | null = null;
    let best: number | null = null;
    for (const [i, chunk] of chunks.entries()) {
      const round = await runGovcheck(checker, chunk);
      gc = gc ? combine(gc, round, (a, b) => ({ results: [...a.results, ...b.results] })) : round;
      const sitePages = round.results.filter((r) => r.status === 'ok').map((r) => r.pages.map((p) => p.url));
      let bare: BaselineRun | null = null;
      if (values.baseline && sitePages.length) {
        // The bare loop's best concurrency, chosen once on a slice of the first round's pages.
        if (best === null) {
          const candidates = values['baseline-concurrency']!.split(',').map(Number).filter((n) => n > 0);
          const slice = sitePages.slice(0, Math.max(3, Math.ceil(sitePages.length / 3)));
          let bestRate = 0;
          for (const c of candidates) {
            const trial = await runBaseline(slice, c);
            const rate = perMin(trial.pages, trial.wallMs);
            console.error(`bench: baseline trial concurrency ${c}: ${fmt(rate)} pages/min`);
            if (best === null || rate > bestRate) [best, bestRate] = [c, rate];
          }
        }
        bare = await runBaseline(sitePages, best!);
        base = base ? combine(base, bare) : bare;
      }
      console.error(`bench: round ${i + 1}/${rounds}: govcheck ${fmt(perMin(round.pages, round.wallMs))} pages/min${bare ? `, bare ${fmt(perMin(bare.pages, bare.wallMs))} (ratio ${fmt(perMin(round.pages, round.wallMs) / perMin(bare.pages, bare.wallMs), 2)})` : ''}`);
    }
    await checker.close();
    await closeLighthouse();
    if (!gc) throw new Error('bench: no sites to check');

    const stage = (k: 'navigationMs' | 'settleMs' | 'scrollMs' | 'axeMs' | 'gatherMs') => gc.results.flatMap((r) => r.pages).reduce((a, p) => a + (p.timings[k] ?? 0), 0);
    const siteStage = (k: 'probes' | 'rules' | 'lighthouseWait' | 'screenshots') => gc.results.reduce((a, r) => a + (r.stageMs?.[k] ?? 0), 0);
    const failed = gc.results.filter((r) => r.status !== 'ok');
    const gcRate = perMin(gc.pages, gc.wallMs);
    const baseRate = base ? perMin(base.pages, base.wallMs) : 0;
    const cpuShare = (cpuS: number, wallMs: number) => `${fmt(cpuS)} s, ${fmt((100 * cpuS) / (wallMs / 1000) / availableParallelism(), 0)} % of ${availableParallelism()} cores`;
    const msPerPage = (pages: number) => (s: number) => fmt((1000 * s) / Math.max(1, pages), 0);
    const rows: [string, string][] = [
      ['sites checked (ok / not ok)', `${gc.results.length - failed.length} / ${failed.length}`],
      ['govcheck pages', String(gc.pages)],
      ['govcheck wall time', `${fmt(gc.wallMs / 1000)} s`],
      ['govcheck pages/min', fmt(gcRate)],
      ['govcheck sites/min', fmt(perMin(gc.results.length, gc.wallMs))],
      ['govcheck peak memory (PSS, all processes)', `${gc.peakMb} MB`],
      ['govcheck CPU (all processes, fixture server too)', cpuShare(gc.cpuS, gc.wallMs)],
      ['govcheck CPU per page', `${fmt((1000 * gc.cpuS) / Math.max(1, gc.pages), 0)} ms (${byKind(gc.cpuByKind, msPerPage(gc.pages))})`],
      ['stage: navigation (sum over pages)', `${fmt(stage('navigationMs') / 1000)} s`],
      ['stage: settle (network quiet)', `${fmt(stage('settleMs') / 1000)} s`],
      ['stage: scroll-through (lazy content; mean per page)', `${fmt(stage('scrollMs') / 1000)} s (${fmt(stage('scrollMs') / Math.max(1, gc.pages))} ms)`],
      ['stage: axe-core', `${fmt(stage('axeMs') / 1000)} s`],
      ['stage: gathering (DOM, links, tab order, layout)', `${fmt(stage('gatherMs') / 1000)} s`],
      ['  gathering steps (mean ms per page)', gatherSteps(gc.results)],
      ['stage: site probes not overlapped (robots, links, dirs…)', `${fmt(siteStage('probes') / 1000)} s`],
      ['stage: rules', `${fmt(siteStage('rules') / 1000)} s`],
      ...(values.screenshots ? screenshotRows(gc.results, siteStage('screenshots')) : []),
      ...(values['with-lighthouse'] ? ([['stage: waiting for Lighthouse', `${fmt(siteStage('lighthouseWait') / 1000)} s`]] as [string, string][]) : []),
      ...((base
        ? [
            ['baseline concurrency', String(base.concurrency)],
            ['baseline pages', String(base.pages)],
            ['baseline wall time', `${fmt(base.wallMs / 1000)} s`],
            ['baseline pages/min', fmt(baseRate)],
            ['baseline peak memory (PSS)', `${base.peakMb} MB`],
            ['baseline CPU (all processes)', cpuShare(base.cpuS, base.wallMs)],
            ['baseline CPU per page', `${fmt((1000 * base.cpuS) / Math.max(1, base.pages), 0)} ms (${byKind(base.cpuByKind, msPerPage(base.pages))})`],
          ]
        : []) as [string, string][]),
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
    if (failed.length) for (const f of failed) console.log(`  not ok: ${f.url}: ${f.status} ${f.error}`);
    if (base) console.log(`bench: govcheck ${fmt(gcRate)} pages/min, bare ${fmt(baseRate)} pages/min, ratio ${fmt(baseRate ? gcRate / baseRate : 0, 2)}, peak RSS ${gc.peakMb} MB`);
    else console.log(`bench: govcheck ${fmt(gcRate)} pages/min (no baseline run), peak RSS ${gc.peakMb} MB`);
  } finally {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
