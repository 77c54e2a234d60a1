// Finding content dates on saved pages: three markup styles × zh-TW/English, provenance, and decoys.
import { describe, expect, it } from 'vitest';
import { extractPageDates } from '../../../rules/freshness/extract.ts';
import { collectSiteDates } from '../../../rules/freshness/site-dates.ts';
import { computeFreshness, freshnessScore } from '../../../rules/freshness/summary.ts';
import { defaultConfig } from '../../../core/config.ts';
import { makePage, makeSite, siteContext } from '../../helpers/artifacts.ts';
import { contentPage, hywebPage, type Lang, legacyTablePage, modernPage, type NewsItem } from './fixtures.ts';

const now = new Date('2026-11-27T10:00:00+08:00');

const NEWS: Record<Lang, NewsItem[]> = {
  zh: [
    { shown: '115-11-20', title: '本部公告修正補助作業要點' },
    { shown: '115-10-02', title: '秋季防疫宣導活動' },
  ],
  en: [
    { shown: 'Nov 20, 2026', title: 'Ministry amends subsidy guidelines' },
    { shown: 'Oct 2, 2026', title: 'Autumn health campaign' },
  ],
};
const TODAY_SHOWN: Record<Lang, string> = { zh: '115-11-27', en: 'Nov 27, 2026' };

const STYLES = { hyweb: hywebPage, legacy: legacyTablePage, modern: modernPage } as const;

describe.each(Object.keys(STYLES) as (keyof typeof STYLES)[])('%s layout', (style) => {
  describe.each(['zh', 'en'] as Lang[])('%s', (lang) => {
    const html = STYLES[style](lang, NEWS[lang], TODAY_SHOWN[lang]);
    const page = makePage(html);

    it('finds the news list items and nothing from decoys', () => {
      const dates = extractPageDates(page, now);
      const news = dates.filter((d) => d.source === 'news-list').map((d) => d.date);
      expect(news).toEqual(['2026-11-20', '2026-10-02']);
      // year pickers, calendars, law history in prose, hit counters: none of them
      for (const decoy of ['2026-12-01', '2026-12-31', '2025-01-01', '2026-11-30', '2026-11-29', '2001-01-17', '2016-03-02', '2026-05-23']) {
        expect(dates.map((d) => d.date)).not.toContain(decoy);
      }
    });

    it('ignores the footer date that is always today and reports the newest news item', () => {
      const f = computeFreshness(makeSite([page]), { now });
      expect(f).toMatchObject({ lastUpdated: '2026-11-20', source: 'news-list', ageDays: 7 });
      expect(f.raw).toBe(NEWS[lang][0]!.shown);
      expect(f.newestNews?.date).toBe('2026-11-20');
      const { discarded } = collectSiteDates(makeSite([page]), now);
      expect(discarded.map((d) => [d.date, d.reason])).toContainEqual(['2026-11-27', 'auto-generated']);
    });
  });
});

describe('labelled dates', () => {
  it('reads 更新日期 on a content page with the label in raw', () => {
    const page = makePage(contentPage('zh', '更新日期', '115年11月2日', '115-11-27'));
    const f = computeFreshness(makeSite([page]), { now });
    expect(f).toMatchObject({ lastUpdated: '2026-11-02', source: 'visible-date', raw: '更新日期：115年11月2日', ageDays: 25 });
  });

  it.each([
    ['發布日期', '115/11/03', '2026-11-03'],
    ['資料更新時間', '2026-11-04 下午 3:20', '2026-11-04'],
    ['最後異動', '115.11.05', '2026-11-05'],
    ['上版日期', '1151106', '2026-11-06'],
    ['Last updated', '7 November 2026', '2026-11-07'],
  ])('%s: %s', (label, shown, date) => {
    const page = makePage(contentPage(label.startsWith('Last') ? 'en' : 'zh', label, shown, '115-11-27'));
    expect(computeFreshness(makeSite([page]), { now }).lastUpdated).toBe(date);
  });

  it('does not take event dates or deadlines for updates', () => {
    const page = makePage(contentPage('zh', '活動日期', '115年11月25日', '115-11-27'));
    expect(extractPageDates(page, now).map((d) => d.date)).not.toContain('2026-11-25');
  });

  it('takes a short element that is just a date, but not a date inside a sentence', () => {
    const html = `<html><body><main><h1>公告</h1><p class="post-info">2026-11-10（二）</p>
      <p>本會成立於民國四十八年五月一日。</p><p>本辦法自中華民國一百十五年十一月十二日起施行。</p></main></body></html>`;
    const dates = extractPageDates(makePage(html), now).map((d) => d.date);
    expect(dates).toEqual(['2026-11-10']);
  });

  it('reads <time datetime> in an English article', () => {
    const html = `<html><body><main><article><h1>Notice</h1><p>Posted <time datetime="2026-11-08T09:00:00+08:00">8 Nov</time></p></article></main></body></html>`;
    const f = computeFreshness(makeSite([makePage(html)]), { now });
    expect(f).toMatchObject({ lastUpdated: '2026-11-08', source: 'visible-date' });
  });
});

describe('news lists', () => {
  it('recognises a Hyweb News.aspx list page table by its URL', () => {
    const html = `<html><body><div class="center"><table><thead><tr><th>標題</th><th>發布日期</th></tr></thead><tbody>
      <tr><td><a href="cp.aspx?n=1">第一則</a></td><td>115-09-01</td></tr>
      <tr><td><a href="cp.aspx?n=2">第二則</a></td><td>115-08-01</td></tr></tbody></table></div></body></html>`;
    const page = makePage(html, { url: 'https://www.example.gov.tw/News.aspx?n=12&sms=9' });
    expect(extractPageDates(page, now).filter((d) => d.source === 'news-list').map((d) => d.date)).toEqual(['2026-09-01', '2026-08-01']);
  });

  it('accepts dotted ROC dates in news rows without a label', () => {
    const html = `<html><body><div id="news"><h2>最新公告</h2><ul><li><a href="/p/1">公告一</a> <span>115.11.15</span></li></ul></div>
      <p>版本 115.11.16</p></body></html>`;
    const dates = extractPageDates(makePage(html), now);
    expect(dates.map((d) => [d.source, d.date])).toEqual([['news-list', '2026-11-15']]);
  });

  it('takes one date per news row: the first, not the event date after it', () => {
    const html = `<html><body><section><h2>活動訊息</h2><ul><li><span class="date">2026-11-01</span> <a href="/e/1">研習</a> 截止日期：2026-11-20</li></ul></section></body></html>`;
    const news = extractPageDates(makePage(html), now).filter((d) => d.source === 'news-list');
    expect(news.map((d) => d.date)).toEqual(['2026-11-01']);
  });

  it('reads minified rows: a title starting with 修正/公布 and a title ending in digits glued to the date', () => {
    const html = `<html><body><div class="news"><h2>最新消息</h2><ul><li><span class="date">115-11-02</span><a href="/n/1">修正「補助要點」</a></li><li><a href="/n/2">COVID-19</a><span>115-11-01</span></li></ul></div></body></html>`;
    expect(extractPageDates(makePage(html), now).map((d) => [d.source, d.date])).toEqual([['news-list', '2026-11-02'], ['news-list', '2026-11-01']]);
  });

  it('reads a <dl> list pairing <dt> dates with <dd> titles', () => {
    const html = `<html><body><div class="box"><h3>Press releases</h3><dl><dt>2026-11-10</dt><dd><a href="/p/1">A</a></dd><dt>2026-11-09</dt><dd><a href="/p/2">B</a></dd><dt>2026-11-08</dt><dd><a href="/p/3">C</a></dd></dl></div></body></html>`;
    expect(extractPageDates(makePage(html), now).filter((d) => d.source === 'news-list')).toHaveLength(3);
  });

  it('keeps dates in card footers and article headers as content', () => {
    const html = `<html><body><section class="news"><h2>News</h2><div class="card"><a href="/x">A</a><div class="card-footer"><small>2026-11-02</small></div></div></section>
      <div class="footer">Last updated: 2026-10-01</div></body></html>`;
    const dates = extractPageDates(makePage(html), now);
    expect(dates.map((d) => [d.source, d.date, d.region])).toEqual([['news-list', '2026-11-02', 'content'], ['visible-date', '2026-10-01', 'footer']]);
  });

  it('does not treat a dated list without links or news headings as news', () => {
    const html = `<html><body><main><h2>法規沿革</h2><ul><li>中華民國九十年一月十七日總統令制定公布</li><li>115-01-05 修正</li></ul></main></body></html>`;
    expect(extractPageDates(makePage(html), now).filter((d) => d.source === 'news-list')).toEqual([]);
  });
});

describe('meta, header, sitemap and feed dates', () => {
  const bare = '<html><body><main><p>內容</p></main></body></html>';

  it('reads DC.Date and article:modified_time', () => {
    const html = `<html><head><meta name="DC.Date" content="2026-10-13 00:00"><meta property="article:modified_time" content="2026-10-20T08:00:00+08:00"></head><body><p>x</p></body></html>`;
    const f = computeFreshness(makeSite([makePage(html)]), { now });
    expect(f).toMatchObject({ lastUpdated: '2026-10-20', source: 'meta' });
  });

  it('falls back to Last-Modified, then sitemap lastmod, only when the pages carry no date', () => {
    const page = makePage(bare, { headers: { 'last-modified': 'Tue, 03 Nov 2026 01:00:00 GMT' } });
    const sitemap = { url: 'https://www.example.gov.tw/sitemap.xml', status: 200, error: null, entries: [{ loc: 'https://www.example.gov.tw/a', lastmod: '2026-11-10' }, { loc: 'https://www.example.gov.tw/b', lastmod: '2026-09-01' }] };
    expect(computeFreshness(makeSite([page], { sitemap }), { now })).toMatchObject({ lastUpdated: '2026-11-10', source: 'sitemap' });
    expect(computeFreshness(makeSite([page], { sitemap: { ...sitemap, entries: [] } }), { now })).toMatchObject({ lastUpdated: '2026-11-03', source: 'http-header' });
    // a visible date outranks a newer file date: a redeploy is not a content update
    const dated = makePage(contentPage('zh', '更新日期', '115-10-01', '115-11-27'), { headers: { 'last-modified': 'Tue, 03 Nov 2026 01:00:00 GMT' } });
    expect(computeFreshness(makeSite([dated], { sitemap }), { now })).toMatchObject({ lastUpdated: '2026-10-01', source: 'visible-date' });
  });

  it('ignores a Last-Modified header that is the scan time (dynamic pages)', () => {
    const page = makePage(bare, { headers: { 'last-modified': 'Fri, 27 Nov 2026 01:59:00 GMT' } });
    expect(computeFreshness(makeSite([page]), { now }).lastUpdated).toBeNull();
  });

  it('ignores a sitemap whose every lastmod is the generation time', () => {
    const entries = ['a', 'b', 'c'].map((p) => ({ loc: `https://www.example.gov.tw/${p}`, lastmod: '2026-11-27T09:00:00+08:00' }));
    const site = makeSite([makePage(bare)], { sitemap: { url: 'https://www.example.gov.tw/sitemap.xml', status: 200, error: null, entries } });
    expect(computeFreshness(site, { now }).lastUpdated).toBeNull();
  });

  it('reads RSS/Atom items and uses them as news when no list is on the pages', () => {
    const feeds = [{ url: 'https://www.example.gov.tw/rss.xml', status: 200, error: null, items: [
      { title: '新聞稿一', link: null, date: 'Wed, 04 Nov 2026 02:00:00 +0000' },
      { title: '新聞稿二', link: null, date: '2026-10-01T10:00:00+08:00' },
    ] }];
    const f = computeFreshness(makeSite([makePage(bare)], { feeds }), { now });
    expect(f).toMatchObject({ lastUpdated: '2026-11-04', source: 'feed' });
    expect(f.newestNews).toMatchObject({ date: '2026-11-04', pageUrl: 'https://www.example.gov.tw/rss.xml' });
  });
});

describe('footer dates across sampled pages', () => {
  const url = (p: string) => `https://www.example.gov.tw/${p}`;

  it('drops a footer date that is today on every page (auto-generated), keeping real content dates', () => {
    const pages = [
      makePage(hywebPage('zh', NEWS.zh, '115-11-27'), { url: url('') }),
      makePage(contentPage('zh', '發布日期', '115-06-01', '115-11-27'), { url: url('cp.aspx?n=1') }),
    ];
    const { candidates, discarded } = collectSiteDates(makeSite(pages), now);
    expect(candidates.map((c) => c.date)).not.toContain('2026-11-27');
    expect(discarded.filter((d) => d.date === '2026-11-27')).toHaveLength(2);
    expect(computeFreshness(makeSite(pages), { now }).lastUpdated).toBe('2026-11-20');
  });

  it('keeps a footer date that is the same on every page but not today, marked weak', () => {
    const pages = [
      makePage(contentPage('zh', '發布日期', '115-06-01', '115-09-09'), { url: url('a') }),
      makePage(contentPage('zh', '發布日期', '115-05-01', '115-09-09'), { url: url('b') }),
    ];
    const { candidates } = collectSiteDates(makeSite(pages), now);
    const footer = candidates.filter((c) => c.date === '2026-09-09');
    expect(footer).toHaveLength(2);
    expect(footer.every((c) => c.weak && c.region === 'footer')).toBe(true);
    // the weak footer date is newer, but real content dates come first
    expect(computeFreshness(makeSite(pages), { now })).toMatchObject({ lastUpdated: '2026-06-01', source: 'visible-date' });
  });

  it('reports a site-wide footer date as the site update stamp, and as lastUpdated only when nothing else is dated', () => {
    const bareFooter = (p: string) => makePage(`<html><body><div class="center"><p>內容</p></div><div class="footer">更新日期：115-09-09</div></body></html>`, { url: url(p) });
    const f = computeFreshness(makeSite([bareFooter('a'), bareFooter('b')]), { now });
    expect(f).toMatchObject({ lastUpdated: '2026-09-09', source: 'visible-date', ageDays: 79, siteUpdated: { date: '2026-09-09', raw: '更新日期：115-09-09', ageDays: 79 } });
    expect(freshnessScore(f, defaultConfig().ruleOptions.freshness)).toBeGreaterThan(0);
  });

  it('never lets the start page footer 更新日期 beat its news list (sme-2020, keelung-en-2021: a newer footer line)', () => {
    const html = `<html><body><div class="center"><section class="news"><h2>最新消息</h2><ul><li><a href="/News_Content.aspx?n=1&s=2">標題</a><span class="date">2014-09-30</span></li></ul></section></div>
      <section class="fatfooter"><p>No.1, Yi First Road, Keelung City<br>TEL 02-24201122<br>Last Update: 2021-01-27<br>Last Count: 2,977,680</p></section></body></html>`;
    const f = computeFreshness(makeSite([makePage(html, { url: url('') })]), { now });
    expect(f).toMatchObject({ lastUpdated: '2014-09-30', source: 'news-list', siteUpdated: { date: '2021-01-27' } });
  });

  it('takes an update line outside the news list as a page stamp, but keeps it as the content date of a page without a news list', () => {
    const item = (n: number, day: string) => `<li><a href="/News_Content.aspx?n=1&s=${n}">臺中市政府民政局辦理戶政業務宣導活動第${n}場次相關訊息公告周知</a><span class="date">${day}</span></li>`;
    const news = `<section class="news"><h2>最新消息</h2><ul>${item(1, '2016-10-03')}${item(2, '2016-09-30')}${item(3, '2016-09-21')}${item(4, '2016-09-02')}${item(5, '2016-08-15')}</ul></section>`;
    const side = `<div class="side"><p>更新日期：2016/11/01</p></div>`;
    const withNews = computeFreshness(makeSite([makePage(`<html><body><div class="center">${news}${side}</div></body></html>`, { url: url('') })]), { now });
    expect(withNews).toMatchObject({ lastUpdated: '2016-10-03', siteUpdated: { date: '2016-11-01' } });
    const article = computeFreshness(makeSite([makePage(`<html><body><div class="center"><h2>業務簡介</h2><p>內容</p>${side}</div></body></html>`, { url: url('cp.aspx?n=1') })]), { now });
    expect(article).toMatchObject({ lastUpdated: '2016-11-01', source: 'visible-date' });
  });

  it('keeps per-page footer dates of inner pages that differ (their own update dates); the start page footer is a stamp', () => {
    const pages = [
      makePage(contentPage('zh', '發布日期', '115-06-01', '115-11-27'), { url: url('a') }),
      makePage(contentPage('zh', '發布日期', '115-05-01', '115-11-03'), { url: url('b') }),
    ];
    const f = computeFreshness(makeSite(pages), { now });
    expect(f).toMatchObject({ lastUpdated: '2026-11-03', source: 'visible-date', siteUpdated: { date: '2026-11-27' } });
  });
});

describe('more decoys', () => {
  it('treats a legacy footer cell as footer even when it is not at the end of the page', () => {
    const tail = Array.from({ length: 20 }, (_, i) => `<tr><td><a href="/lp.asp?ctNode=${i}">相關連結 ${i}</a> 說明文字說明文字說明文字</td></tr>`).join('');
    const html = `<html><body><table><tr><td><a href="ct.asp?xItem=1&ctNode=2">消息一</a></td><td>115/08/01</td></tr></table>
      <table><tr><td>地址：100臺北市中正區重慶南路一段122號　電話：(02)2311-3731<br>最後更新日期：115/11/27　瀏覽人次：925913</td></tr></table>
      <table>${tail}</table></body></html>`;
    const site = makeSite([makePage(html)]);
    expect(computeFreshness(site, { now })).toMatchObject({ lastUpdated: '2026-08-01', source: 'news-list' });
  });

  it('ignores a header clock showing today', () => {
    const html = `<html><body><div class="header"><span class="date">2026年11月27日 星期五</span></div><div class="center"><p>發布日期：115-10-01</p></div></body></html>`;
    expect(computeFreshness(makeSite([makePage(html)]), { now })).toMatchObject({ lastUpdated: '2026-10-01' });
  });

  it('ignores a date meta stamped with the scan date on every page', () => {
    const page = (p: string) => makePage('<html><head><meta name="DC.Date" content="2026-11-27"></head><body><main><p>更新日期：115-09-01</p></main></body></html>', { url: `https://www.example.gov.tw/${p}` });
    expect(computeFreshness(makeSite([page('a'), page('b')]), { now })).toMatchObject({ lastUpdated: '2026-09-01', source: 'visible-date' });
  });
});

describe('pages', () => {
  it('copes with an empty page and a page without body', () => {
    expect(extractPageDates(makePage(''), now)).toEqual([]);
    expect(extractPageDates(makePage('<p>更新日期：115-11-02</p>'), now).map((d) => d.date)).toEqual(['2026-11-02']);
  });

  it('extracts every news date of a ~300 KB news list', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<li><span class="date">115-${String((i % 10) + 1).padStart(2, '0')}-0${(i % 9) + 1}</span><a href="News_Content.aspx?n=1&s=${i}">消息標題第 ${i} 則，內容摘要文字</a></li>`).join('');
    const html = `<html><body><div class="news"><h2>最新消息</h2><ul>${rows}</ul></div></body></html>`;
    expect(html.length).toBeGreaterThan(250_000);
    const dates = extractPageDates(makePage(html), now);
    expect(dates.filter((d) => d.source === 'news-list')).toHaveLength(3000);
  });
});

describe('context', () => {
  it('uses ctx.now only (siteContext default)', () => {
    const site = makeSite([makePage(contentPage('en', 'Last updated', '2 November 2026', 'Nov 27, 2026'))]);
    expect(computeFreshness(site, siteContext(site)).ageDays).toBe(25);
  });
});
