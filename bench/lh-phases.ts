// Where one Lighthouse run spends its time: runs govcheck's Lighthouse config in-process on bench
// sites served with a fixed TTFB, and prints the run's own timing entries (lhr.timing) by duration.
//   node --import tsx bench/lh-phases.ts [--ttfb 500] [--runs 3] [--bw 1000000] [--measure-every-run]
// Measurements only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { cacheIntlLocales } from '../worker/lighthouse/intl-locale-cache.js';
import { generateBenchSites } from '../fixtures/bench.ts';
import { serveSiteSet } from '../fixtures/serve.ts';
import { launchChrome, resolveChromePath } from '../worker/chrome.ts';
import { LIGHTHOUSE_FLAGS, lighthouseConfig } from '../worker/lighthouse/config.ts';
import { reuseBenchmarkIndex } from '../worker/lighthouse/benchmark-index.ts';

const { values } = parseArgs({ options: { ttfb: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' }, bw: { type: 'string', default: '1000000' }, 'measure-every-run': { type: 'boolean', default: false } } });
// As the child does, unless asked to measure the machine before every run (Lighthouse's own way).
if (!values['measure-every-run']) reuseBenchmarkIndex();
// As the child does (worker/lighthouse/child-entry.js).
cacheIntlLocales();
const dir = mkdtempSync(join(tmpdir(), 'govcheck-lh-phases-'));
await generateBenchSites(join(dir, 'sites'), { sites: 3, pagesPerSite: 3, seed: 1 });
const ttfb = Number(values.ttfb);
const served = await serveSiteSet(join(dir, 'sites'), {
  network: () => (req) => ({ ttfbMs: /\.(css|js|png|jpe?g|gif|svg|webp|ico|woff2?)$/i.test((req.url ?? '').split('?')[0]) ? 50 : ttfb, bytesPerSec: Number(values.bw), outcome: 'ok' }),
});
const port = 9333;
const browser = await launchChrome(resolveChromePath(), [`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1']);
const totals = new Map<string, number>();
let wall = 0;
const urls = served.sites.slice(0, Number(values.runs)).map((s) => s.url);
for (const url of urls) {
  const t = performance.now();
  const result = await lighthouse(url, { port, hostname: '127.0.0.1', output: [], logLevel: 'error', onlyCategories: ['performance'], locale: 'zh-TW', ...LIGHTHOUSE_FLAGS }, lighthouseConfig('mobile'));
  const ms = performance.now() - t;
  wall += ms;
  const lhr = result!.lhr;
  console.log(`${url} ${Math.round(ms)} ms, perf ${lhr.categories.performance?.score}, LCP ${Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? -1)}, TBT ${Math.round(lhr.audits['total-blocking-time']?.numericValue ?? -1)}, error ${lhr.runtimeError?.code ?? '-'}`);
  for (const e of lhr.timing.entries) totals.set(e.name, (totals.get(e.name) ?? 0) + e.duration);
}
console.log(`mean wall ${Math.round(wall / urls.length)} ms per run`);
for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${String(Math.round(ms / urls.length)).padStart(7)} ms  ${name}`);
await browser.close();
await served.close();
rmSync(dir, { recursive: true, force: true });
