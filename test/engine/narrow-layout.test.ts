// Mobile layout at 320 px in real Chromium: measured after the layout settled (a carousel that relays
// out after a debounced resize is 320 px wide, run after run), and an overflowing element is named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { mobileViewport } from '../../rules/gov/mobile-viewport.ts';
import { PageGatherer } from '../helpers/gather.ts';
import { runOnPage } from '../rules/gov/run.ts';

const HEAD = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{margin:0;font-family:sans-serif}</style>';
const doc = (body: string) => (_q: unknown, r: import('node:http').ServerResponse) =>
  void r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="zh-Hant"><head>${HEAD}<title>首頁</title></head><body>${body}</body></html>`);

// A slider sized in px from window.innerWidth, relaid out a while after the last resize (as slick and
// owl-carousel do, here three frames and 250 ms later, so the wide first frame is certain even under load).
const CAROUSEL = `<a href="#c">跳到主要內容</a>
  <div id="carousel" style="overflow:hidden"><div class="track" style="display:flex">
    <div class="slide" style="flex:none;height:120px">1</div><div class="slide" style="flex:none;height:120px">2</div><div class="slide" style="flex:none;height:120px">3</div>
  </div></div><main id="c"><h1>最新消息</h1><p>內容</p></main>
  <script>
    function layout() { var w = window.innerWidth; document.getElementById('carousel').style.width = w + 'px';
      document.querySelectorAll('.slide').forEach(function (s) { s.style.width = w + 'px'; }); }
    var after = function (n, f) { requestAnimationFrame(function () { n > 1 ? after(n - 1, f) : f(); }); };
    layout(); var t; window.addEventListener('resize', function () { clearTimeout(t); after(3, function () { clearTimeout(t); t = setTimeout(layout, 250); }); });
  </script>`;
const WIDE_TABLE = `<main><h1>業務統計</h1><div class="wrap"><table id="stats" style="width:900px"><tr><td>年度</td><td>件數</td></tr></table></div>
  <div style="overflow:hidden;width:100%"><div style="width:2000px">clipped banner</div></div>
  <div style="position:fixed;left:0;width:1500px;top:0;height:2px"></div></main>`;

// Widths fixed once at load from the window width, with no resize handler (civil-affairs-2015's HyUI 2015
// template: 940 px columns in a desktop window, fluid when first loaded in a phone-sized one).
const LOAD_FIXED = `<a href="#c">跳到主要內容</a><div id="wrap"><main id="c"><h1>最新消息</h1><p>內容</p></main></div>
  <script>if (window.innerWidth > 768) document.getElementById('wrap').style.width = '940px';</script>`;

let server: FixtureServer;
const gatherer = new PageGatherer({ sampledBecause: 'start', navigationMs: 10_000, pageMs: 40_000, axe: null, focusOrder: false, narrowLayout: true });
const gather = (path: string) => gatherer.gather(`${server.url}${path}`);

beforeAll(async () => {
  server = await startFixtureServer({ routes: { '/carousel': doc(CAROUSEL), '/wide': doc(WIDE_TABLE), '/load-fixed': doc(LOAD_FIXED) } });
  await gatherer.start();
}, 60_000);

afterAll(async () => {
  await gatherer.close();
  await server?.close();
});

describe('narrow layout at 320 px', () => {
  it('the carousel fixture really is wide right after the resize (what a measurement that does not wait sees)', async () => {
    const p = await gatherer.newPage();
    try {
      await p.goto(`${server.url}/carousel`, { waitUntil: 'load' });
      // Read in the page at the resize event itself: a read over the protocol afterwards can come after
      // the relayout on a loaded machine, which is what made this test flaky.
      await p.evaluate(`window.addEventListener('resize', () => { window.earlyWidth ??= document.documentElement.scrollWidth; })`);
      await p.setViewportSize({ width: 320, height: 900 });
      await p.waitForFunction('window.earlyWidth !== undefined');
      const early = (await p.evaluate('window.earlyWidth')) as number;
      expect(early).toBeGreaterThan(1000);
    } finally {
      await p.close();
    }
  }, 60_000);

  it('a carousel that relays out after the resize gives the same answer twice: no overflow', async () => {
    const first = await gather('/carousel');
    const second = await gather('/carousel');
    expect(first.layout.narrowScrollWidth).toBe(320);
    expect(second.layout.narrowScrollWidth).toBe(first.layout.narrowScrollWidth);
    expect(first.layout.narrowOverflow).toBeNull();
    expect(runOnPage(mobileViewport, first).findings).toEqual([]);
    expect(runOnPage(mobileViewport, second).findings).toEqual([]);
  }, 90_000);

  it('a fixed-width table is reported with its width and selector, the same on two runs; clipped and fixed boxes are not blamed', async () => {
    const runs = [await gather('/wide'), await gather('/wide')];
    for (const a of runs) {
      expect(a.layout.narrowScrollWidth).toBeGreaterThanOrEqual(900);
      expect(a.layout.narrowOverflow).toMatchObject({ selector: '#stats', width: 900 });
    }
    expect(runs[1]!.layout).toEqual(runs[0]!.layout);
    const [finding] = runOnPage(mobileViewport, runs[0]!).findings;
    expect(finding!.selector).toBe('#stats');
    expect(finding!.message.en).toContain(`the page is ${runs[0]!.layout.narrowScrollWidth} px wide`);
    expect(finding!.message.en).toContain('#stats (900 px wide');
    expect(finding!.message['zh-TW']).toContain('#stats');
  }, 90_000);

  it('a layout fixed at load time for a desktop window is judged as a phone loads it: 320 px, no finding', async () => {
    const p = await gatherer.newPage();
    try {
      await p.goto(`${server.url}/load-fixed`, { waitUntil: 'load' });
      await p.setViewportSize({ width: 320, height: 900 });
      expect(await p.evaluate('document.documentElement.scrollWidth')).toBe(940);
    } finally {
      await p.close();
    }
    const page = await gather('/load-fixed');
    expect(page.layout.narrowScrollWidth).toBe(320);
    expect(runOnPage(mobileViewport, page).findings).toEqual([]);
  }, 90_000);
});
