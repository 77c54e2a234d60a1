// Hostile pages against the real engine (real Chromium, fixture pages on 127.0.0.1): a page that
// opens windows by itself is still checked, and a page budget past Node's timer limit neither
// fails at once nor keeps the process alive. One SiteChecker and one fixture server for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { SiteChecker, type CheckOptions } from '../../worker/site-checker.ts';

let site: FixtureServer;
let checker: SiteChecker;

const html = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const options = (over: Partial<CheckOptions> = {}): CheckOptions => {
  const config = defaultConfig();
  config.timeouts = { navigationMs: 15_000, pageMs: 45_000 };
  return { categories: ['accessibility', 'governance'], maxPages: 1, now: new Date('2026-11-27T00:00:00+08:00'), allowPrivate: true, config, lang: 'en', skipProbes: true, ...over };
};

beforeAll(async () => {
  const page = (body: string, title: string) => (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(title, body));
  site = await startFixtureServer({
    routes: {
      '/popups': page(`<p>Welcome.</p><script>for (let i = 0; i < 1000; i++) window.open('/popup-target?n=' + i, '_blank');</script>`, 'Popups'),
      '/blank-clicks': page(`<a id="x" href="/popup-target" target="_blank">new window (opens a new window)</a><script>for (let i = 0; i < 20; i++) document.getElementById('x').click();</script>`, 'Clicks'),
      '/popup-target': page('<p>a popup</p>', 'Popup target'),
      '/plain': page('<p>Nothing opens here.</p>', 'Plain'),
    },
  });
  checker = new SiteChecker();
});
afterAll(async () => {
  await checker?.close();
  await site?.close();
});

describe('popups', () => {
  it('a page calling window.open 1000 times is still checked, its popups blocked and counted, with a finding', async () => {
    const r = await checker.check(`${site.url}/popups`, options());
    expect(r.status).toBe('ok');
    expect(r.error).toBeNull();
    expect(r.pages).toHaveLength(1);
    expect(r.scores.accessibility).not.toBeNull();
    // No popup was ever loaded.
    expect(site.requests.filter((q) => q.path.startsWith('/popup-target'))).toEqual([]);
    const f = r.pages[0].findings.find((x) => x.rule === 'tw/self-opening-windows');
    expect(f).toBeDefined();
    expect(f!.severity).toBe('minor');
    expect(f!.category).toBe('governance');
    expect(f!.data?.popups).toBe(1000);
  }, 300_000);

  it('scripted clicks on target=_blank links open no window either, and are counted', async () => {
    const before = site.requests.filter((q) => q.path.startsWith('/popup-target')).length;
    const r = await checker.check(`${site.url}/blank-clicks`, options());
    expect(r.error).toBeNull();
    expect(r.status).toBe('ok');
    const f = r.pages[0].findings.find((x) => x.rule === 'tw/self-opening-windows');
    expect(f).toBeDefined();
    expect(f!.data?.popups).toBeGreaterThanOrEqual(1);
    // Closed at once: at most the requests the browser had already sent.
    expect(site.requests.filter((q) => q.path.startsWith('/popup-target')).length - before).toBeLessThanOrEqual(20);
  }, 300_000);

  it('a page that opens nothing has no such finding', async () => {
    const r = await checker.check(`${site.url}/plain`, options());
    expect(r.status).toBe('ok');
    expect(r.pages[0].findings.map((x) => x.rule)).not.toContain('tw/self-opening-windows');
  }, 300_000);
});

describe('timers', () => {
  it('a page budget beyond Node timer limit (3e9 ms) neither fails at once nor hangs', async () => {
    const o = options({ categories: ['accessibility'] });
    o.config.timeouts = { navigationMs: 3_000_000_000, pageMs: 3_000_000_000 };
    const r = await checker.check(`${site.url}/plain`, o);
    expect(r.error).toBeNull();
    expect(r.status).toBe('ok');
    expect(r.pages).toHaveLength(1);
  }, 300_000);
});
