// Freshness on a real-style home page in real Chromium: a WOW.js news list hidden until scrolled into view,
// an AOS section whose news list an IntersectionObserver loads only when it is scrolled to, a weather box
// that a script fills with today's date, and a stale footer 更新日期. The engine scrolls the page through
// before gathering, so the lazy news dates win over the footer, and the weather box does not count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { SiteChecker, type CheckOptions } from '../../worker/site-checker.ts';

const DAY = 86_400_000;
/** Taipei calendar date `days` before now, as 'YYYY-MM-DD' and as an ROC 'YYY-MM-DD' the page shows. */
function daysAgo(days: number): { iso: string; roc: string } {
  const iso = new Date(Date.now() + 8 * 3_600_000 - days * DAY).toISOString().slice(0, 10);
  return { iso, roc: `${Number(iso.slice(0, 4)) - 1911}${iso.slice(4)}` };
}

const lazyNews = daysAgo(3);
const wowNews = [daysAgo(20), daysAgo(34)];
const footer = daysAgo(400);
const today = daysAgo(0);

// A minimal WOW.js (inline visibility: hidden until in view, checked every 50 ms) and AOS (class on scroll).
const SCRIPTS = `
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('.wow'));
  boxes.forEach(function (b) { b.style.visibility = 'hidden'; b.style.animationName = 'none'; });
  var inView = function (el) { var r = el.getBoundingClientRect(); return r.top <= innerHeight && r.bottom >= 0; };
  setInterval(function () {
    boxes = boxes.filter(function (b) { if (!inView(b)) return true; b.style.visibility = 'visible'; b.style.animationName = 'fadeInUp'; return false; });
    document.querySelectorAll('[data-aos]').forEach(function (el) { if (inView(el)) el.classList.add('aos-animate'); });
  }, 50);
  var slot = document.querySelector('.lazy-slot');
  new IntersectionObserver(function (entries, obs) {
    if (!entries.some(function (e) { return e.isIntersecting; })) return;
    obs.disconnect();
    fetch(slot.getAttribute('data-src')).then(function (r) { return r.text(); }).then(function (html) { slot.innerHTML = html; });
  }).observe(slot);
  var t = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10).split('-');
  document.querySelector('.weather-box .w-date').textContent = (Number(t[0]) - 1911) + '-' + t[1] + '-' + t[2];
})();`;

const HOME = `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>某某市政府全球資訊網</title>
<style>body{margin:0;font:16px sans-serif} .hero{height:1800px;background:#ddd} .gap{height:2200px} [data-aos]{opacity:0} [data-aos].aos-animate{opacity:1}</style></head>
<body>
<div class="header"><a href="#U" accesskey="U" title="上方功能區塊">:::</a><h1>某某市政府</h1></div>
<div class="center"><a href="#C" accesskey="C" title="中央內容區塊">:::</a>
  <div class="weather-box"><span class="w-date"></span> 晴時多雲 24°C 降雨機率 10%</div>
  <div class="hero">市政願景</div>
  <section class="group-list news wow fadeInUp" data-wow-delay="0.2s"><div class="hd"><h2>最新消息</h2></div><div class="ct"><ul>
    ${wowNews.map((d, i) => `<li><span class="date">${d.roc}</span><a href="News_Content.aspx?n=12&amp;s=${i}">市政公告第 ${i + 1} 則</a></li>`).join('')}
  </ul></div></section>
  <div class="gap">市政介紹</div>
  <section class="group-list" data-aos="fade-up"><div class="hd"><h2>公告訊息</h2></div><div class="lazy-slot" data-src="/fragment"></div></section>
</div>
<div class="footer"><a href="#Z" accesskey="Z" title="頁尾區塊">:::</a><p>地址：100臺北市中正區市府路1號 電話：(02)2720-8889</p><p>更新日期：${footer.roc}</p></div>
<script>${SCRIPTS}</script>
</body></html>`;

const FRAGMENT = `<ul><li><span class="date">${lazyNews.roc}</span><a href="News_Content.aspx?n=13&amp;s=9">防疫措施調整說明</a></li></ul>`;

// A 2005-era frameset home page served in Big5 (no charset in the header, <meta charset=big5> in each
// document, as legacy IIS sites do): the guide brick and menu in the top frame, a table news list in the
// main frame, the privacy link, address and a newer 更新日期 line in the bottom frame.
const LEGACY = {
  '/legacy/': `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"><title>某某鄉公所全球資訊網</title></head>
<frameset rows="120,*,90" frameborder="0"><frame name="top" src="top.htm" title="上方選單"><frame name="main" src="main.htm" title="主要內容"><frame name="bottom" src="bottom.htm" title="頁尾資訊"></frameset></html>`,
  '/legacy/top.htm': `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>
<a href="#U" name="U" accesskey="U" title="上方功能區塊">:::</a><table><tr><td><a href="main.htm" target="main">首頁</a></td><td><a href="sitemap.htm" target="main">網站導覽</a></td></tr></table></body></html>`,
  '/legacy/main.htm': `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>
<table width="760"><caption>最新消息</caption>
<tr><td><a href="ct.asp?xItem=31&amp;ctNode=12">本所辦理國家賠償業務說明</a></td><td>105/08/01</td></tr>
<tr><td><a href="ct.asp?xItem=30&amp;ctNode=12">鄉民活動中心開放借用公告</a></td><td>105/07/15</td></tr></table></body></html>`,
  '/legacy/bottom.htm': `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>
<table><tr><td><a href="privacy.htm" target="main">隱私權政策</a> 地址：900屏東縣屏東市自由路527號 電話：(08)732-0415<br>更新日期：105/09/30</td></tr></table></body></html>`,
};

/** Big5 bytes of `text`, built from the platform's own Big5 decoder (Node has no Big5 encoder). */
function big5(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('big5');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (const trail of [...Array.from({ length: 0x3f }, (_, i) => 0x40 + i), ...Array.from({ length: 0x5e }, (_, i) => 0xa1 + i)]) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

let site: FixtureServer;
let checker: SiteChecker;

const options = (): CheckOptions => {
  const config = defaultConfig();
  config.timeouts = { navigationMs: 15_000, pageMs: 40_000 };
  return { categories: ['freshness'], maxPages: 1, now: new Date(), allowPrivate: true, config, lang: 'zh-TW', skipProbes: true };
};

beforeAll(async () => {
  const html = (body: string) => (_q: unknown, r: import('node:http').ServerResponse) => void r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  const legacy = Object.fromEntries(
    Object.entries(LEGACY).map(([path, page]) => {
      const bytes = big5(page);
      return [path, (_q: unknown, r: import('node:http').ServerResponse) => void r.writeHead(200, { 'content-type': 'text/html' }).end(bytes)];
    }),
  );
  site = await startFixtureServer({ routes: { '/': html(HOME), '/fragment': html(FRAGMENT), ...legacy } });
  checker = new SiteChecker();
});
afterAll(async () => {
  await checker?.close();
  await site?.close();
});

describe('freshness on a page that loads its news as it is scrolled', () => {
  it('reads the lazily loaded and WOW-hidden news, not the stale footer, and not the weather box', async () => {
    const r = await checker.check(`${site.url}/`, options());
    expect(r.status).toBe('ok');
    // the lazy list was only fetched because the page was scrolled to it
    expect(site.requests.map((q) => q.path)).toContain('/fragment');
    expect(r.freshness).toMatchObject({ lastUpdated: lazyNews.iso, source: 'news-list' });
    expect(r.freshness?.newestNews?.date).toBe(lazyNews.iso);
    expect(r.freshness?.lastUpdated).not.toBe(today.iso);
    expect(r.freshness?.lastUpdated).not.toBe(footer.iso);
    const timings = r.pages[0]!.timings;
    expect(typeof timings.scrollMs).toBe('number');
  }, 90_000);
});

describe('a frameset home page in Big5', () => {
  it('the fixture really is Big5: its bytes decode back to the page only as Big5', () => {
    const bytes = big5(LEGACY['/legacy/main.htm']);
    expect(new TextDecoder('big5').decode(bytes)).toBe(LEGACY['/legacy/main.htm']);
    expect(bytes.toString('utf8')).not.toContain('最新消息');
  });

  it('reads the frames as the page: the news list date in the main frame, the privacy link in the bottom frame, the footer line as the site stamp', async () => {
    const r = await checker.check(`${site.url}/legacy/`, { ...options(), categories: ['freshness', 'governance'] });
    expect(r.status).toBe('ok');
    expect(r.freshness).toMatchObject({ lastUpdated: '2016-08-01', source: 'news-list', siteUpdated: { date: '2016-09-30' } });
    expect(r.outcomes.find((o) => o.rule === 'gov/privacy-policy')?.outcome).toBe('pass');
    expect(r.outcomes.find((o) => o.rule === 'gov/contact-info')?.outcome).toBe('pass');
  }, 90_000);
});
