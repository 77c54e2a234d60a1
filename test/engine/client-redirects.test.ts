// Pages that navigate on their own after loading, gathered in real Chromium: client redirects are
// followed and recorded as hops with their kind; self-refreshing, long-delayed and malformed refreshes
// leave the page as the browser shows it, recorded; a late script navigation never destroys the gather.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { parseRefresh } from '../../worker/gatherers/settle.ts';
import { PageGatherer } from '../helpers/gather.ts';

let site: FixtureServer;
let moved: FixtureServer;

const page = (head: string, body = '<main><a href="#c">跳到主要內容</a><h1 id="c">內容</h1><p>本頁內容。</p></main>') => (_q: unknown, r: import('node:http').ServerResponse) =>
  void r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);

const gatherer = new PageGatherer({ sampledBecause: 'start', navigationMs: 10_000, pageMs: 40_000, axe: null, focusOrder: true, narrowLayout: false });
const gather = (path: string, base = () => site.url) => gatherer.gather(`${base()}${path}`);

beforeAll(async () => {
  moved = await startFixtureServer({ routes: { '/new/': page('<title>新網站</title>') } });
  site = await startFixtureServer({
    routes: {
      '/home': page('<title>首頁</title>'),
      '/meta-now': page('<title>舊網址</title><meta http-equiv="refresh" content="0; url=/home">'),
      '/meta-quoted': page(`<title>舊網址</title><meta http-equiv="Refresh" content="0;URL='/home'">`),
      '/meta-delayed': page('<title>網站已搬遷</title><meta http-equiv="refresh" content="4; url=/home">', '<p>本網站已搬遷，4 秒後自動轉址。</p>'),
      '/meta-self': page('<title>即時資訊</title><meta http-equiv="refresh" content="2">'),
      '/meta-long': page('<title>看板</title><meta http-equiv="refresh" content="600; url=/home">'),
      '/meta-malformed-now': page('<title>舊入口</title><meta http-equiv="refresh" content="0; url=http://[bad">', '<p>舊入口網站</p>'),
      '/meta-malformed-later': page('<title>舊入口</title><meta http-equiv="refresh" content="1; url=http://[bad">', '<p>舊入口網站</p>'),
      '/script-now': page('<title>轉址中</title><script>location.replace("/home")</script>'),
      '/script-timer': page('<title>轉址中</title><script>setTimeout(function () { window.location.href = "/home"; }, 600)</script>'),
      '/script-late': page('<title>稍後轉址</title><script>setTimeout(function () { location.href = "/home"; }, 6000)</script>', '<main><a href="#c">跳到主要內容</a><h1 id="c">內容</h1></main>'),
      '/chain': page('<title>一</title><meta http-equiv="refresh" content="0; url=/via-http">'),
      '/via-http': (_q, r) => void r.writeHead(302, { location: '/meta-now' }).end(),
      '/cross': (_q, r) => page(`<title>舊網域</title><meta http-equiv="refresh" content="0; url=${moved.url}/new/">`)(_q, r),
    },
  });
  await gatherer.start();
}, 60_000);

afterAll(async () => {
  await gatherer.close();
  await site?.close();
  await moved?.close();
});

describe('client-side navigation after load', () => {
  it.each([
    ['/meta-now', 'meta-refresh'],
    ['/meta-quoted', 'meta-refresh'],
    ['/meta-delayed', 'meta-refresh'],
    ['/script-now', 'script'],
    ['/script-timer', 'script'],
  ])('%s is followed within the site and recorded as a %s hop', async (path, kind) => {
    const a = await gather(path);
    expect(a.finalUrl).toBe(`${site.url}/home`);
    expect(a.title).toBe('首頁');
    expect(a.httpStatus).toBe(200);
    expect(a.redirects).toHaveLength(1);
    expect(a.redirects[0]).toMatchObject({ url: `${site.url}${path}`, status: 200, kind });
    expect(a.clientRefresh).toBeUndefined();
    expect(a.focusOrder.length).toBeGreaterThan(0);
  }, 60_000);

  it('records the delay of a delayed meta refresh it followed', async () => {
    const a = await gather('/meta-delayed');
    expect(a.redirects[0]).toMatchObject({ kind: 'meta-refresh', delaySeconds: 4 });
  }, 60_000);

  it('follows a chain of meta refresh and HTTP redirect hops, each with its kind', async () => {
    const a = await gather('/chain');
    expect(a.finalUrl).toBe(`${site.url}/home`);
    expect(a.redirects.map((h) => [new URL(h.url).pathname, h.kind])).toEqual([
      ['/chain', 'meta-refresh'],
      ['/via-http', 'http'],
      ['/meta-now', 'meta-refresh'],
    ]);
  }, 60_000);

  it('follows a cross-origin client redirect of a start page like a server redirect', async () => {
    const a = await gather('/cross');
    expect(a.finalUrl).toBe(`${moved.url}/new/`);
    expect(a.title).toBe('新網站');
    expect(a.redirects).toHaveLength(1);
    // delaySeconds is recorded when the replaced document's markup could still be read (best effort).
    expect(a.redirects[0]).toMatchObject({ url: `${site.url}/cross`, status: 200, kind: 'meta-refresh' });
  }, 60_000);

  it.each([
    ['/meta-self', 'self', '即時資訊'],
    ['/meta-long', 'delayed', '看板'],
    ['/meta-malformed-now', 'malformed', '舊入口'],
    ['/meta-malformed-later', 'malformed', '舊入口'],
  ])('%s stays as the browser shows it and records the refresh (%s)', async (path, reason, title) => {
    const a = await gather(path);
    expect(a.finalUrl).toBe(`${site.url}${path}`);
    expect(a.title).toBe(title);
    expect(a.redirects).toEqual([]);
    expect(a.clientRefresh).toMatchObject({ kind: 'meta-refresh', reason });
    expect(a.gatherErrors).toEqual([]);
    expect(a.html).toContain(title);
  }, 60_000);

  it('a script navigating after the page settled does not destroy the gather', async () => {
    const a = await gather('/script-late');
    expect(a.finalUrl).toBe(`${site.url}/script-late`);
    expect(a.title).toBe('稍後轉址');
    expect(a.focusOrder[0]?.text).toBe('跳到主要內容');
  }, 60_000);
});

describe('parseRefresh', () => {
  it.each([
    ['0; url=/home', { delaySeconds: 0, url: 'https://a.gov.tw/home', malformed: false }],
    ["5;URL='https://b.gov.tw/x'", { delaySeconds: 5, url: 'https://b.gov.tw/x', malformed: false }],
    ['3', { delaySeconds: 3, url: null, malformed: false }],
    ['0, /next', { delaySeconds: 0, url: 'https://a.gov.tw/next', malformed: false }],
    ['0; url=http://[bad', { delaySeconds: 0, url: 'http://[bad', malformed: true }],
    ['1; url=javascript:alert(1)', { delaySeconds: 1, url: 'javascript:alert(1)', malformed: true }],
  ])('%s', (content, expected) => {
    expect(parseRefresh(content, 'https://a.gov.tw/old')).toEqual(expected);
  });
  it('is null for content that is no refresh', () => {
    expect(parseRefresh('soon', 'https://a.gov.tw/')).toBeNull();
  });
});
