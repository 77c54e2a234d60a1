// npm run capture: loads each fixture page of test/captures/pages/ in real Chromium (one check per page,
// --max-pages 1, every category but performance) and writes its capture (worker/capture.ts) to
// test/captures/<name>.json — the fixtures of the rule tests that run on real browser artifacts.
// What varies between runs (timings, vitals, dates in headers) is zeroed so re-capturing gives small diffs.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../core/config.ts';
import type { PageArtifacts } from '../core/types.ts';
import { startFixtureServer } from '../fixtures/server.ts';
import type { SiteCapture } from '../worker/capture.ts';
import { SiteChecker } from '../worker/site-checker.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIR = join(ROOT, 'test/captures');
/** The reference date of every capture (rule tests judge ages against it). */
export const CAPTURE_NOW = '2026-11-27T00:00:00+08:00';
const MAX_HTML = 60_000;
const MAX_FILE = 300_000;

/** A capture without what differs between two loads of the same page. */
export function stripCapture(c: SiteCapture, origin: string): SiteCapture {
  const pages = c.site.pages.map((p): PageArtifacts => {
    const { date: _date, ...headers } = p.headers;
    return {
      ...p,
      headers,
      html: p.html.slice(0, MAX_HTML),
      vitals: { lcpMs: null, cls: null, fcpMs: null, ttfbMs: null, domContentLoadedMs: null, loadMs: null, transferBytes: null, requestCount: null },
      timings: { navigationMs: 0, settleMs: 0, axeMs: 0, gatherMs: 0, totalMs: 0 },
      axe: p.axe && { ...p.axe, durationMs: 0 },
    };
  });
  const json = JSON.stringify({ ...c, startedAt: CAPTURE_NOW.replace('+08:00', 'Z'), site: { ...c.site, pages } });
  // The fixture server's port changes every run: captures name it as a fixed origin.
  return JSON.parse(json.split(origin).join('http://fixture.test')) as SiteCapture;
}

async function main(): Promise<void> {
  const server = await startFixtureServer({ root: join(DIR, 'pages') });
  const checker = new SiteChecker();
  const names = readdirSync(join(DIR, 'pages')).filter((f) => f.endsWith('.html'));
  try {
    for (const file of names) {
      const config = defaultConfig();
      let capture: SiteCapture | null = null;
      const result = await checker.check(`${server.url}/${file}`, {
        categories: ['accessibility', 'freshness', 'governance', 'security'],
        maxPages: 1,
        now: new Date(CAPTURE_NOW),
        allowPrivate: true,
        config,
        lang: 'en',
        onCapture: (c) => (capture = c),
      });
      if (!capture || result.status !== 'ok') throw new Error(`${file}: ${result.status} ${result.error}`);
      const out = `${JSON.stringify(stripCapture(capture, server.url), null, 1)}\n`;
      if (out.length > MAX_FILE) throw new Error(`${file}: capture is ${out.length} bytes (cap ${MAX_FILE}): make the page smaller`);
      writeFileSync(join(DIR, file.replace(/\.html$/, '.json')), out);
      process.stdout.write(`captured ${file} (${Math.round(out.length / 1024)} KB)\n`);
    }
  } finally {
    await checker.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
