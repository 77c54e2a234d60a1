// Freshness defects seen on real government pages (issue 10), each on markup in the styles real sites use:
// Hyweb/GIP lists (div.group-list, News_Content.aspx), 2010-era table layouts (ct.asp?xItem=), modern cards,
// English pages. 1. dates in news titles (periods, deadlines, start dates) are not the item's date;
// 2. widgets showing today or live data do not count; 3. WOW.js boxes hidden until scrolled are read;
// 4. dates whose year, month and day sit in separate elements are read.
import { describe, expect, it } from 'vitest';
import { extractPageDates } from '../../../rules/freshness/extract.ts';
import { computeFreshness } from '../../../rules/freshness/summary.ts';
import { makePage, makeSite } from '../../helpers/artifacts.ts';

const now = new Date('2026-11-27T10:00:00+08:00');
const newsDates = (html: string, url?: string) =>
  extractPageDates(makePage(html, url ? { url } : {}), now)
    .filter((d) => d.source === 'news-list')
    .map((d) => d.date);
const allDates = (html: string) => extractPageDates(makePage(html), now).map((d) => d.date);
const freshness = (html: string) => computeFreshness(makeSite([makePage(html)]), { now });

describe('1. a news item is dated by its date slot, not by dates in its title', () => {
  it('Hyweb list: periods, start dates and 報名日期 in titles are not the item date', () => {
    const html = `<html><body><div class="header"><h1>市政府</h1></div><div class="center">
      <div class="group-list news"><div class="in"><div class="hd"><h2>最新消息</h2></div><div class="ct"><ul>
        <li><a href="News_Content.aspx?n=12&amp;s=1" title="自115年11月23日至115年11月26日受理申請">自115年11月23日至115年11月26日受理申請</a><span class="date">115-11-10</span></li>
        <li><a href="News_Content.aspx?n=12&amp;s=2">本市115年11月25日起實施垃圾分類新制</a><span class="date">115-11-09</span></li>
        <li><a href="News_Content.aspx?n=12&amp;s=3">研習班報名日期：115/11/24 請踴躍參加</a><span class="date">115-11-08</span></li>
        <li><a href="News_Content.aspx?n=12&amp;s=4">有關115年11月26日停班停課公告</a><span class="date">115-11-07</span></li>
      </ul></div></div></div></div>
      <div class="footer"><p>地址：臺北市 電話：(02)1234-5678</p></div></body></html>`;
    expect(newsDates(html)).toEqual(['2026-11-10', '2026-11-09', '2026-11-08', '2026-11-07']);
    expect(freshness(html)).toMatchObject({ lastUpdated: '2026-11-10', source: 'news-list', raw: '115-11-10' });
  });

  it('legacy table layout: the date column, whichever side of the title it is on', () => {
    const html = `<html><body><table width="760"><tr><td><img src="logo.gif" alt="本局"></td></tr></table>
      <table width="760"><tr><td class="title" colspan="2"><b>最新消息</b></td></tr>
        <tr><td width="75%"><a href="ct.asp?xItem=101&amp;ctNode=45&amp;mp=1">公告115年11月24日至11月26日轄區停水</a></td><td>115/11/05</td></tr>
        <tr><td><a href="ct.asp?xItem=102&amp;ctNode=45&amp;mp=1">115年11月25日記者會新聞稿</a></td><td>115/11/04</td></tr>
        <tr><td>115/11/03</td><td><a href="ct.asp?xItem=103&amp;ctNode=45&amp;mp=1">補助申請期間：115.11.20~115.11.30</a></td></tr>
      </table></body></html>`;
    expect(newsDates(html)).toEqual(['2026-11-05', '2026-11-04', '2026-11-03']);
  });

  it('modern cards and English lists: ranges, "starting", "deadline", "until" are never publication dates', () => {
    const html = `<html lang="en"><body><main><section class="news"><h2>Latest News</h2>
      <div class="card"><a href="/en/news/1"><h3>Consultation open November 20, 2026 – November 26, 2026</h3><p class="meta">Nov 2, 2026</p></a></div>
      <div class="card"><a href="/en/news/2"><h3>New visa rules starting November 25, 2026</h3></a><p class="date">Nov 1, 2026</p></div>
      <div class="card"><a href="/en/news/3"><h3>Scholarship applications: deadline November 24, 2026</h3></a><p class="date">Oct 30, 2026</p></div>
      <div class="card"><a href="/en/news/4"><h3>Museum closed until November 26, 2026</h3></a><p class="date">Oct 29, 2026</p></div>
    </section></main></body></html>`;
    expect(newsDates(html)).toEqual(['2026-11-02', '2026-11-01', '2026-10-30', '2026-10-29']);
  });

  it('a date leading the title text dates the item when the row has no date slot; one inside it does not', () => {
    const html = `<html><body><div class="news"><h2>新聞稿</h2><ul>
      <li><a href="/news/1">[115-11-18] 部長出席亞太會議</a></li>
      <li><a href="/news/2">115年11月25日颱風停班停課說明</a></li>
      <li><a href="/news/3">有關115年11月26日活動交通管制</a></li>
    </ul></div></body></html>`;
    // the 2nd item is dated by its leading date (a headline opening with the event's day is the common
    // convention for dated headlines), the 3rd by nothing: its date is inside the sentence
    expect(newsDates(html)).toEqual(['2026-11-18', '2026-11-25']);
  });

  it('a <time datetime> in a news row wins over dates in the row text', () => {
    const html = `<html lang="en"><body><main><ul class="news-list">
      <li><a href="/en/news/8">Forum on 2026-11-26</a> <time datetime="2026-11-03T09:00:00+08:00">3 Nov</time></li>
    </ul></main></body></html>`;
    expect(newsDates(html)).toEqual(['2026-11-03']);
  });

  it('a date slot followed by " - " and a title that opens with a number is still the item date', () => {
    const html = `<html><body><div class="news"><h2>公告</h2><ul><li><span class="date">115-11-12</span> - <a href="/news/5">115年度補助計畫說明</a></li></ul></div></body></html>`;
    expect(newsDates(html)).toEqual(['2026-11-12']);
  });

  it('a period outside news lists is no update either (活動期間 written without a label)', () => {
    const html = `<html><body><main><h1>活動訊息</h1><p>115年11月20日～115年11月26日</p><p class="post-info">2026-10-10</p></main></body></html>`;
    expect(allDates(html)).toEqual(['2026-10-10']);
  });
});

describe('2. widgets that show today or live data do not count', () => {
  const news = `<div class="news"><h2>最新消息</h2><ul><li><span class="date">115-11-20</span><a href="/news/1">公告</a></li></ul></div>`;
  const page = (widget: string) => `<html><body><main>${widget}${news}</main><footer><p>更新日期：115-11-01</p></footer></body></html>`;

  it.each([
    ['a weather box (Hyweb)', `<div class="weather-box"><span>115/11/27</span> 晴 23°C</div>`],
    ['a weather box by id, camelCase', `<div id="weatherInfo"><p>2026-11-27（五）</p><p>降雨機率 10%</p></div>`],
    ['a <marquee> disaster alert', `<marquee>115年11月27日 豪雨特報：山區請注意</marquee>`],
    ['an alert ticker with role=marquee', `<div role="marquee"><span>2026/11/27</span> 國道 3 號北向事故</div>`],
    ['a traffic alert bar', `<div class="traffic-alert"><span>2026-11-27</span> 臺 9 線封閉</div>`],
    ['a clock widget', `<div class="clock"><span>2026-11-27</span> <span>10:00:04</span></div>`],
    ['a running clock without a class', `<p><span>2026-11-27 09:58:41</span></p>`],
    ['an aria-live status box with today', `<div aria-live="polite"><p>資料時間 2026-11-27 09:30</p></div>`],
    ['a role=status box with today', `<div role="status">2026年11月27日</div>`],
    ['a "today is" line', `<p class="greeting">今天是 2026年11月27日 星期五</p>`],
    ['an English "Today:" line', `<p>Today: 27 November 2026</p>`],
    ['an English weather widget', `<aside class="widget widget-weather"><h3>Taipei</h3><p>Fri, Nov 27, 2026</p><p>24°C</p></aside>`],
    ['an online-now counter', `<div class="online-users">線上人數：35 人 2026/11/27</div>`],
  ])('%s', (_name, widget) => {
    expect(freshness(page(widget))).toMatchObject({ lastUpdated: '2026-11-20', source: 'news-list' });
  });

  it('keeps a news item dated today inside a carousel track (Swiper/Slick mark it aria-live)', () => {
    const carousel = `<div class="news"><h2>焦點新聞</h2><div class="swiper-wrapper" aria-live="polite"><div class="swiper-slide"><a href="/news/9">今日記者會</a><span class="date">2026-11-27</span></div></div></div>`;
    expect(freshness(page(carousel))).toMatchObject({ lastUpdated: '2026-11-27', source: 'news-list' });
  });

  it('keeps a real-time news list (即時新聞) and its dates: "real-time" is no widget', () => {
    const list = `<div class="realtime-news"><h2>即時新聞</h2><ul><li><span class="date">2026-11-26</span><a href="/news/10">記者會</a></li></ul></div>`;
    expect(freshness(page(list))).toMatchObject({ lastUpdated: '2026-11-26', source: 'news-list' });
  });

  it('keeps an older date in a live region: only "today" there is the widget clock', () => {
    const live = `<div role="status" class="notice"><p>系統維護公告</p><p class="post-info">2026-11-22</p></div>`;
    expect(freshness(page(live))).toMatchObject({ lastUpdated: '2026-11-22' });
  });
});

describe('3. content hidden until scrolled into view', () => {
  it('reads a WOW.js news list the page still holds at visibility: hidden (scroll cap reached before it)', () => {
    const html = `<html><body><div class="header"><h1>縣政府</h1></div><div class="center">
      <section class="group-list news wow fadeInUp" data-wow-delay="0.3s" style="visibility: hidden; animation-delay: 0.3s; animation-name: none;">
        <h2>最新消息</h2><ul><li><span class="date">115-11-19</span><a href="News_Content.aspx?n=1&amp;s=1">縣長視察</a></li></ul></section>
      <div style="display:none"><ul class="news"><li><span class="date">115-11-25</span><a href="News_Content.aspx?n=1&amp;s=2">草稿</a></li></ul></div>
      </div><div class="footer"><p>地址：屏東縣 電話：(08)732-0415</p><p>更新日期：114-03-01</p></div></body></html>`;
    expect(freshness(html)).toMatchObject({ lastUpdated: '2026-11-19', source: 'news-list' });
  });
});

describe('4. dates split across elements', () => {
  const card = (dateBox: string, i = 1) => `<div class="news-item"><a href="/news/${i}">${dateBox}<h3>市府公告事項第 ${i} 則</h3></a></div>`;
  const list = (...boxes: string[]) => `<html><body><section class="news"><h2>最新消息</h2>${boxes.map((b, i) => card(b, i)).join('')}</section></body></html>`;

  it.each([
    ['year, month, day spans', `<div class="date"><span>2026</span><span>11</span><span>02</span></div>`, '2026-11-02'],
    ['classed day + "Nov 2026"', `<div class="date"><span class="day">02</span><span class="month">Nov 2026</span></div>`, '2026-11-02'],
    ['day above "2026.10"', `<p class="date"><b>28</b>2026.10</p>`, '2026-10-28'],
    ['ROC year above month/day', `<div class="date"><span class="y">115</span><span class="md">10/15</span></div>`, '2026-10-15'],
    ['classed month, day, year in that order', `<div class="date"><span class="month">11</span><span class="day">05</span><span class="year">2026</span></div>`, '2026-11-05'],
    ['<time> with children and no datetime', `<time><span>2026</span><span>10</span><span>9</span></time>`, '2026-10-09'],
    ['<time> with children and datetime', `<time datetime="2026-11-03"><span class="d">03</span><span class="m">11月</span></time>`, '2026-11-03'],
    ['blocks: day over "Nov, 2026"', `<div class="date"><div class="dd">12</div><div class="mm">Nov, 2026</div></div>`, '2026-11-12'],
  ])('%s', (_name, box, date) => {
    expect(newsDates(list(box))).toEqual([date]);
  });

  it('reads several split-date cards and the newest one wins over a stale footer', () => {
    const html = list(`<div class="date"><span>2026</span><span>11</span><span>21</span></div>`, `<div class="date"><span>2026</span><span>11</span><span>02</span></div>`)
      .replace('</body>', '<div class="footer"><p>地址：臺中市 電話：(04)2228-9111</p><p>更新日期：2025-01-02</p></div></body>');
    expect(freshness(html)).toMatchObject({ lastUpdated: '2026-11-21', source: 'news-list', raw: '2026 11 21' });
  });

  it.each([
    ['day and month that cannot be told apart', list(`<div class="date"><span>02</span><span>11</span><span>2026</span></div>`)],
    ['an odometer visitor counter', `<html><body><main><p>參觀人次</p><div class="count"><span>2</span><span>0</span><span>2</span><span>6</span><span>1</span></div></main></body></html>`],
    ['a statistics table row', `<html><body><main><table><tr><th>年</th><th>月</th><th>件數</th></tr><tr><td>2026</td><td>11</td><td>25</td></tr></table></main></body></html>`],
    ['a phone number in pieces', `<html><body><main><p class="tel"><span>02</span><span>2311</span><span>3731</span></p></main></body></html>`],
    ['a future date', list(`<div class="date"><span>2026</span><span>12</span><span>24</span></div>`)],
  ])('reads no date from %s', (_name, html) => {
    expect(allDates(html)).toEqual([]);
  });
});
