// Where axe-core's time goes on the bench pages: per-rule time (axe's own performance timer) and
// the whole run with and without axe's selector generation. `node --import tsx bench/axe-profile.ts`
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBenchSites } from '../fixtures/bench.ts';
import { serveSiteSet } from '../fixtures/serve.ts';
import { DEFAULT_AXE_TAGS } from '../worker/axe-runner.ts';
import { launchChrome, resolveChromePath } from '../worker/chrome.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'axe-prof-'));
await generateBenchSites(dir, { sites: 6, pagesPerSite: 5, seed: 1 });
const served = await serveSiteSet(dir);
const browser = await launchChrome(resolveChromePath());
const variants: Record<string, object> = {
  default: {},
  'selectors:false': { selectors: false },
  'no color-contrast': { rules: { 'color-contrast': { enabled: false } } },
};
const totals: Record<string, number> = {};
const perRule = new Map<string, number>();
try {
  for (const site of served.sites.filter((s) => s.server)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const links = await (async () => { await page.goto(site.url); return (await page.evaluate(`[...document.querySelectorAll('a[href]')].map(a=>a.href).filter(h=>h.startsWith(location.origin)).slice(0,4)`)) as string[]; })();
    for (const url of [site.url, ...links]) {
      for (const [name, extra] of Object.entries(variants)) {
        await page.goto(url, { waitUntil: 'load' });
        const t0 = Date.now();
        await page.evaluate(AXE);
        const inject = Date.now() - t0;
        const ms = (await page.evaluate(`(async () => { const t = performance.now(); await axe.run(document, Object.assign({ runOnly: { type: 'tag', values: ${JSON.stringify(DEFAULT_AXE_TAGS)} }, resultTypes: ['violations','incomplete'] }, ${JSON.stringify(extra)})); return performance.now() - t; })()`)) as number;
        totals[name] = (totals[name] ?? 0) + ms;
        totals[`${name} inject`] = (totals[`${name} inject`] ?? 0) + inject;
        if (name === 'default') {
          const msgs: string[] = [];
          page.on('console', (m) => msgs.push(m.text()));
          await page.goto(url, { waitUntil: 'load' });
          await page.evaluate(AXE);
          await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(DEFAULT_AXE_TAGS)} }, resultTypes: ['violations','incomplete'], performanceTimer: true })`);
          page.removeAllListeners('console');
          for (const m of msgs) {
            const r = /Measure (\S+) took ([\d.]+)ms/.exec(m);
            if (r) perRule.set(r[1]!, (perRule.get(r[1]!) ?? 0) + Number(r[2]));
          }
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await served.close();
  rmSync(dir, { recursive: true, force: true });
}
for (const [k, v] of Object.entries(totals)) console.log(`${k.padEnd(28)} ${v.toFixed(0)} ms`);
for (const [k, v] of [...perRule].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${k.padEnd(40)} ${v.toFixed(0)} ms`);
