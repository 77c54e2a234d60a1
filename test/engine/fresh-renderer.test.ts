// A page that grows its renderer's JavaScript heap (here a script that keeps ~100 MB; on real sites
// axe-core on a table of ~10,000 cells) gets the site's next page a fresh renderer, so a sweep's page
// loops do not carry such a heap through the rest of each site. Observed in real Chromium through the
// window name, which a tab keeps across same-origin navigations and a new tab does not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { defaultConfig } from '../../core/config.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { SiteChecker, type CheckOptions } from '../../worker/site-checker.ts';

const start = (title: string, next: string, script: string) =>
  `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1><p><a href="${next}">下一頁</a></p></main><script>${script}; window.name = 'seen-${title}';</script></body></html>`;
// The title says whether this tab came from the start page (its window name) or is a new one.
const NEXT = `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>next</title></head>
<body><main><h1>next</h1></main><script>document.title = window.name ? 'same tab after ' + window.name : 'fresh tab';</script></body></html>`;
const KEEP_100_MB = 'window.keep = Array.from({ length: 3000000 }, function (_, i) { return { i: i, s: "x" + i }; })';

let site: FixtureServer;
let checker: SiteChecker;

const options = (): CheckOptions => ({ categories: ['freshness'], maxPages: 2, now: new Date(), allowPrivate: true, config: defaultConfig(), lang: 'zh-TW', skipProbes: true });

beforeAll(async () => {
  const html = (body: string) => (_q: unknown, r: ServerResponse) => void r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  site = await startFixtureServer({
    routes: {
      '/heavy/': html(start('heavy', '/heavy/next.html', KEEP_100_MB)),
      '/heavy/next.html': html(NEXT),
      '/light/': html(start('light', '/light/next.html', 'window.keep = [1, 2, 3]')),
      '/light/next.html': html(NEXT),
    },
  });
  checker = new SiteChecker();
});
afterAll(async () => {
  await checker?.close();
  await site?.close();
});

describe('a fresh renderer after a page that grew the JavaScript heap', () => {
  it('loads the next page of a light site in the same tab', async () => {
    const r = await checker.check(`${site.url}/light/`, options());
    expect(r.status).toBe('ok');
    expect(r.pages.map((p) => p.title)).toEqual(['light', 'same tab after seen-light']);
  }, 90_000);

  it('loads the next page after a heavy one in a new tab', async () => {
    const r = await checker.check(`${site.url}/heavy/`, options());
    expect(r.status).toBe('ok');
    expect(r.pages.map((p) => p.title)).toEqual(['heavy', 'fresh tab']);
  }, 90_000);
});
