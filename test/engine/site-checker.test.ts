// The engine on its own: sampling, timeouts, redirects, crashes, needs-review separation.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { SiteChecker, type CheckOptions } from '../../worker/site-checker.ts';
import { replayCapture, type SiteCapture } from '../../worker/capture.ts';
import { MAX_SHOT_HEIGHT, MAX_SHOT_WIDTH, takeElementShots } from '../../worker/element-shots.ts';
import type { ElementScreenshot } from '../../core/types.ts';
import { ROOT } from '../helpers/cli.ts';

let site: FixtureServer;
let inner: FixtureServer;
let checker: SiteChecker;

const options = (over: Partial<CheckOptions> = {}): CheckOptions => {
  const config = defaultConfig();
  config.timeouts = { navigationMs: 3000, pageMs: 8000 };
  return { categories: ['accessibility'], maxPages: 5, now: new Date('2026-11-27T00:00:00+08:00'), allowPrivate: true, config, lang: 'en', ...over };
};

beforeAll(async () => {
  const hung: unknown[] = [];
  // Stands for an internal service: a guarded check must never reach it.
  inner = await startFixtureServer({ host: '127.0.0.2', routes: { '/secret': (_q, r) => void r.writeHead(200, { 'content-type': 'text/html' }).end('<title>secret</title>'), '/pixel.png': (_q, r) => void r.writeHead(200).end() } });
  site = await startFixtureServer({
    root: join(ROOT, 'test/engine/site'),
    routes: {
      // Never answers: the navigation cap must end the check.
      '/hang': (req, res) => void hung.push(req, res),
      '/elsewhere': (_req, res) => void res.writeHead(302, { location: `${inner.url}/secret` }).end(),
      '/embeds-inner': (_req, res) =>
        void res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><title>embeds</title></head><body><main><h1>Embeds</h1><img alt="" src="${inner.url}/pixel.png"></main></body></html>`),
      '/slow': async (_req, res) => {
        await new Promise((r) => setTimeout(r, 1500));
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html lang="en"><head><title>slow</title></head><body><main><h1>Slow</h1></main></body></html>');
      },
      // Four images without alt text: one off-screen, one of zero size, then two visible ones.
      '/shots': (_req, res) =>
        void res.writeHead(200, { 'content-type': 'text/html' }).end(
          `<!doctype html><html lang="en"><head><title>shots</title></head><body><main><h1>Shots</h1>
<img id="away" src="/logo.png" style="position:absolute;left:-9999px;width:50px;height:50px">
<img id="zero" src="/logo.png" style="width:0;height:0">
<img id="big" src="/logo.png" style="display:block;width:1100px;height:700px">
<img id="small" src="/logo.png" style="width:40px;height:40px"></main></body></html>`,
        ),
      '/blocked': (_req, res) => void res.writeHead(403, { 'content-type': 'text/html' }).end('<html><head><title>403 Forbidden</title></head><body>Forbidden</body></html>'),
    },
  });
  checker = new SiteChecker();
});
afterAll(async () => {
  await checker.close();
  await site.close();
  await inner.close();
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
    // Screenshots are off unless asked for.
    expect(r.pages[0].findings.filter((f) => f.screenshot)).toEqual([]);
  });

  it('a page whose server never answers ends as status "timeout" within the cap', async () => {
    const r = await checker.check(`${site.url}/hang`, options());
    expect(r.status).toBe('timeout');
    expect(r.failureKind).toBe('timeout');
    expect(r.error).toMatch(/did not finish/);
    expect(r.scores.overall).toBeNull();
  });

  it('refuses a redirect into a private address and private subresources when private addresses are not allowed', async () => {
    const guarded = options({ allowPrivate: false, allowAddresses: ['127.0.0.1'], maxPages: 1 });
    const redirected = await checker.check(`${site.url}/elsewhere`, guarded);
    expect(redirected.status).toBe('error');
    expect(redirected.failureKind).toBe('unsafe-address');
    expect(redirected.error).toMatch(/127\.0\.0\.2/);
    const embeds = await checker.check(`${site.url}/embeds-inner`, guarded);
    expect(embeds.status).toBe('ok');
    expect(embeds.pages[0].title).toBe('embeds');
    expect(inner.requests).toEqual([]);
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
    // Warm browser, then start a check on a slow page and SIGKILL the browser while it waits.
    expect((await checker.check(`${site.url}/clean.html`, options({ maxPages: 1 }))).status).toBe('ok');
    const launchesBefore = checker.host.launches;
    const pending = checker.check(`${site.url}/slow`, options({ maxPages: 1 }));
    await new Promise((r) => setTimeout(r, 700));
    const killed = killChromiumChildren();
    expect(killed).toBeGreaterThan(0);
    const r = await pending;
    expect(r.status).toBe('ok');
    expect(r.pages[0].title).toBe('slow');
    expect(checker.host.launches).toBeGreaterThan(launchesBefore);
    // And the host keeps working afterwards.
    const again = await checker.check(`${site.url}/clean.html`, options({ maxPages: 1 }));
    expect(again.status).toBe('ok');
  });

  it('with screenshots on, shoots the first visible failing element of a rule during the one page load, never hidden ones', async () => {
    const opts = options({ maxPages: 1 });
    opts.config.screenshots = { ...opts.config.screenshots, enabled: true, perRule: 1 };
    let capture: SiteCapture | null = null;
    const loads = () => site.requests.filter((q) => q.path === '/shots').length;
    const before = loads();
    const r = await checker.check(`${site.url}/shots`, { ...opts, onCapture: (c) => (capture = c) });
    expect(r.status).toBe('ok');
    expect(loads() - before).toBe(1);
    const alt = new Map(r.pages[0].findings.filter((f) => f.rule === 'axe/image-alt').map((f) => [f.selector, f]));
    expect([...alt.keys()].sort()).toEqual(['#away', '#big', '#small', '#zero']);
    // Off-screen and zero-size elements get none and do not use up the rule's one screenshot.
    expect(alt.get('#away')!.screenshot).toBeUndefined();
    expect(alt.get('#zero')!.screenshot).toBeUndefined();
    expect(alt.get('#small')!.screenshot).toBeUndefined();
    const shot = alt.get('#big')!.screenshot!;
    expect(shot.type).toBe('image/png');
    const png = pngSize(shot);
    expect(png).toEqual({ width: shot.width, height: shot.height });
    expect(png.width).toBeGreaterThan(0);
    expect(png.width).toBeLessThanOrEqual(MAX_SHOT_WIDTH);
    expect(png.height).toBeLessThanOrEqual(MAX_SHOT_HEIGHT);
    expect(Buffer.from(shot.base64, 'base64').length).toBeLessThanOrEqual(opts.config.screenshots.maxBytes);
    // The capture carries the screenshots: a replay shows the same evidence.
    const replayed = replayCapture(capture!);
    expect(replayed.pages[0].findings.find((f) => f.rule === 'axe/image-alt' && f.selector === '#big')!.screenshot).toEqual(shot);
  });

  it('takes no screenshot, and throws nothing, for a selector that matches nothing or is not valid CSS; a photo-like element comes as JPEG under the byte cap', async () => {
    const lease = await checker.host.lease({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await lease.context.newPage();
      // Noise stands for a photo: its PNG is far over the byte cap, its JPEG is not.
      await page.setContent(
        '<main><p id="here" style="width:120px">text</p><svg id="noise" width="300" height="200"><filter id="n"><feTurbulence baseFrequency="0.9"/></filter><rect width="300" height="200" filter="url(#n)"/></svg></main>',
      );
      const targets = [
        { rule: 'x/a', selector: '#nowhere' },
        { rule: 'x/a', selector: 'p[[' },
        { rule: 'x/a', selector: '#here' },
        { rule: 'x/b', selector: '#noise' },
      ];
      const shots = await takeElementShots(page, 'about:blank', targets, { perRule: 3, perPage: 3, maxBytes: 60_000, pageMs: 5000 }, 1_000_000);
      expect(shots.map((s) => s.selector)).toEqual(['#here', '#noise']);
      expect(pngSize(shots[0])).toEqual({ width: shots[0].width, height: shots[0].height });
      const photo = Buffer.from(shots[1].base64, 'base64');
      expect(shots[1].type).toBe('image/jpeg');
      expect(photo.subarray(0, 3).toString('hex')).toBe('ffd8ff');
      expect(photo.length).toBeLessThanOrEqual(60_000);
    } finally {
      await lease.release();
    }
  });
});

/** The dimensions a PNG's IHDR chunk states, after checking the PNG signature. */
function pngSize(shot: ElementScreenshot): { width: number; height: number } {
  const png = Buffer.from(shot.base64, 'base64');
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** SIGKILL every Chromium process descended from this test process. */
function killChromiumChildren(): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) if (mine.has(ppid) && !mine.has(pid)) grew = mine.add(pid) !== undefined;
  }
  const victims = rows.filter(([pid, , comm]) => pid !== String(process.pid) && mine.has(pid) && /chrom/i.test(comm ?? ''));
  for (const [pid] of victims) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  return victims.length;
}
