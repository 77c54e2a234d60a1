// The engine on its own: sampling, timeouts, redirects, crashes, needs-review separation.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { SiteChecker, type CheckOptions } from '../../worker/site-checker.ts';
import { ROOT } from '../helpers/cli.ts';

let site: FixtureServer;
let checker: SiteChecker;

const options = (over: Partial<CheckOptions> = {}): CheckOptions => {
  const config = defaultConfig();
  config.timeouts = { navigationMs: 3000, pageMs: 8000 };
  return { categories: ['accessibility'], maxPages: 5, now: new Date('2026-11-27T00:00:00+08:00'), allowPrivate: true, config, lang: 'en', ...over };
};

beforeAll(async () => {
  const hung: unknown[] = [];
  site = await startFixtureServer({
    root: join(ROOT, 'test/engine/site'),
    routes: {
      // Never answers: the navigation cap must end the check.
      '/hang': (req, res) => void hung.push(req, res),
      '/elsewhere': (_req, res) => void res.writeHead(302, { location: 'http://127.0.0.2:9/' }).end(),
      '/slow': async (_req, res) => {
        await new Promise((r) => setTimeout(r, 1500));
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html lang="en"><head><title>slow</title></head><body><main><h1>Slow</h1></main></body></html>');
      },
      '/blocked': (_req, res) => void res.writeHead(403, { 'content-type': 'text/html' }).end('<html><head><title>403 Forbidden</title></head><body>Forbidden</body></html>'),
    },
  });
  checker = new SiteChecker();
});
afterAll(async () => {
  await checker.close();
  await site.close();
});

describe('SiteChecker', () => {
  it('samples same-origin pages with the reason each was chosen, and never leaves the origin', async () => {
    const r = await checker.check(`${site.url}/`, options({ maxPages: 4 }));
    expect(r.status).toBe('ok');
    expect(r.pages.length).toBe(4);
    expect(r.pages[0].sampledBecause).toBe('start');
    const reasons = r.pages.map((p) => p.sampledBecause);
    expect(reasons).toContain('news-list');
    expect(reasons).toContain('sitemap-page');
    for (const p of r.pages) expect(new URL(p.url).origin).toBe(site.url);
    expect(site.requests.some((q) => q.userAgent?.includes('govcheck/'))).toBe(true);
  });

  it('--max-pages 1 checks exactly the given URL', async () => {
    const r = await checker.check(`${site.url}/news/item-1.html`, options({ maxPages: 1 }));
    expect(r.pages.map((p) => p.url)).toEqual([`${site.url}/news/item-1.html`]);
    expect(r.pages[0].findings.map((f) => f.rule)).toContain('axe/image-alt');
  });

  it('a page whose server never answers ends as status "timeout" within the cap', async () => {
    const r = await checker.check(`${site.url}/hang`, options());
    expect(r.status).toBe('timeout');
    expect(r.failureKind).toBe('timeout');
    expect(r.error).toMatch(/did not finish/);
    expect(r.scores.overall).toBeNull();
  });

  it('a 403 answer is recorded as blocked, not scored', async () => {
    const r = await checker.check(`${site.url}/blocked`, options());
    expect(r.status).toBe('blocked');
    expect(r.scores.accessibility).toBeNull();
  });

  it('keeps axe "needs review" results apart from findings', async () => {
    const r = await checker.check(`${site.url}/`, options({ maxPages: 1 }));
    const findingRules = new Set(r.pages[0].findings.map((f) => f.rule));
    for (const nr of r.pages[0].needsReview) expect(findingRules.has(nr.rule) && nr.nodes.length === 0).toBe(false);
    expect(r.pages[0].needsReview.every((n) => n.rule.startsWith('axe/'))).toBe(true);
  });

  it('relaunches a browser killed mid-check and still returns a result for the site', async () => {
    // Start a check on a slow page, then SIGKILL the browser while it waits.
    const pending = checker.check(`${site.url}/slow`, options({ maxPages: 1 }));
    await new Promise((r) => setTimeout(r, 700));
    const killed = killChromiumChildren();
    expect(killed).toBeGreaterThan(0);
    const r = await pending;
    expect(r.status).toBe('ok');
    expect(r.pages[0].title).toBe('slow');
    expect(checker.host.launches).toBeGreaterThanOrEqual(2);
    // And the host keeps working afterwards.
    const again = await checker.check(`${site.url}/clean.html`, options({ maxPages: 1 }));
    expect(again.status).toBe('ok');
  });
});

/** SIGKILL the Chromium processes launched by this test process. */
function killChromiumChildren(): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const children = rows.filter(([, ppid, comm]) => Number(ppid) === process.pid && /chrom/i.test(comm ?? ''));
  for (const [pid] of children) process.kill(Number(pid), 'SIGKILL');
  return children.length;
}
void readFileSync;
