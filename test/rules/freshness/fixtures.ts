// Government-style pages in three markup styles (Hyweb div header/footer, legacy tables, modern semantic),
// each in zh-TW and English, with the decoys real sites carry: year <select>s, calendar widgets, law dates
// in prose, hit counters, and a footer 更新日期 that is always today.

export type Lang = 'zh' | 'en';

export interface NewsItem {
  /** As shown on the page, e.g. '115-11-20' or 'Nov 20, 2026'. */
  shown: string;
  title: string;
}

interface Words {
  news: string;
  updated: string;
  hits: string;
  law: string;
  more: string;
}

const WORDS: Record<Lang, Words> = {
  zh: { news: '最新消息', updated: '更新日期', hits: '瀏覽人次', law: '本法於民國九十年一月十七日制定公布，並於中華民國一百零五年三月二日修正公布全文，共計四十條，自公布日施行，各機關應依本法辦理相關業務。', more: '更多消息' },
  en: { news: 'Latest News', updated: 'Last updated', hits: 'Visitors', law: 'The Act was promulgated on January 17, 2001 and amended on March 2, 2016; it has forty articles and every agency shall apply it from the day it is promulgated.', more: 'More news' },
};

/** A year picker and a month calendar: every number in them looks like a date. */
function widgets(): string {
  const days = Array.from({ length: 30 }, (_, i) => `<td><a href="#">${i + 1}</a></td>`).join('');
  return `
    <form><select name="year"><option>115年12月1日</option><option>2026-12-31</option><option>114/01/01</option></select></form>
    <div class="ui-datepicker"><span>2026-11-30</span></div>
    <table class="calendar"><caption>2026年11月</caption><tr>${days}</tr><tr><td title="2026-11-29">115/11/29</td></tr></table>`;
}

export function hywebPage(lang: Lang, items: NewsItem[], footerDate: string): string {
  const w = WORDS[lang];
  const lis = items.map((i) => `<li><span class="date">${i.shown}</span><a href="News_Content.aspx?n=12&amp;s=${encodeURIComponent(i.title)}" title="${i.title}">${i.title}</a></li>`).join('');
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-Hant-TW' : 'en'}"><head><title>Agency</title></head><body>
  <div class="header"><a href="#U" accesskey="U" title="上方功能區塊">:::</a><div class="navigation"><ul><li><a href="News.aspx?n=12">${w.news}</a></li></ul></div></div>
  <div class="center"><a href="#C" accesskey="C">:::</a>
    <div class="group-list news"><div class="in"><div class="hd"><h2>${w.news}</h2></div><div class="ct"><ul>${lis}</ul></div>
      <div class="more"><a href="News.aspx?n=12">${w.more}</a></div></div></div>
    <div class="cp"><p>${w.law}</p></div>
    ${widgets()}
  </div>
  <div class="footer"><a href="#Z" accesskey="Z">:::</a><p>地址：100臺北市中正區重慶南路一段122號 電話：(02)2311-3731</p>
    <p>${w.updated}：${footerDate}　${w.hits}：1150523</p></div>
  </body></html>`;
}

export function legacyTablePage(lang: Lang, items: NewsItem[], footerDate: string): string {
  const w = WORDS[lang];
  const rows = items.map((i) => `<tr><td width="80">${i.shown}</td><td><a href="ct.asp?xItem=${i.title.length}&amp;ctNode=45&amp;mp=1">${i.title}</a></td></tr>`).join('');
  const filler = Array.from({ length: 12 }, (_, i) => `<tr><td><a href="lp.asp?ctNode=${i}">Service ${i}</a> Lorem ipsum dolor sit amet.</td></tr>`).join('');
  return `<html><head><title>Legacy</title></head><body>
  <table width="100%"><tr><td><img src="logo.gif" alt="Agency"></td><td>${lang === 'zh' ? '回首頁' : 'Home'} | ${lang === 'zh' ? '網站導覽' : 'Sitemap'}</td></tr></table>
  <table width="100%"><tr><td valign="top"><table>${filler}</table></td>
    <td valign="top"><table><tr><td class="title" colspan="2"><b>${w.news}</b></td></tr>${rows}</table>
      <table><tr><td>${w.law}</td></tr></table>${widgets()}</td></tr></table>
  <table width="100%"><tr><td align="center">${lang === 'zh' ? '版權所有' : 'Copyright'} © Agency　${w.hits}：12345</td></tr>
    <tr><td align="center">${w.updated}：${footerDate}</td></tr></table>
  </body></html>`;
}

export function modernPage(lang: Lang, items: NewsItem[], footerDate: string, extraHead = ''): string {
  const w = WORDS[lang];
  const lis = items.map((i) => `<li class="news-card"><h3><a href="/${lang}/articles/${i.title.length}">${i.title}</a></h3><p class="meta">${i.shown}</p></li>`).join('');
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-Hant' : 'en'}"><head><title>Modern</title>${extraHead}</head><body>
  <header><nav aria-label="main"><a href="/news">${w.news}</a></nav><p>${lang === 'zh' ? '今天是' : 'Today is'} 2026-11-27</p></header>
  <main id="main">
    <section aria-labelledby="news-h"><h2 id="news-h">${w.news}</h2><ul class="cards">${lis}</ul></section>
    <section><h2>${lang === 'zh' ? '法規' : 'Law'}</h2><p>${w.law}</p></section>
    ${widgets()}
  </main>
  <footer><p>${w.updated}: ${footerDate}</p><p>${w.hits}: 12345</p></footer>
  </body></html>`;
}

/** A content page: article with a labelled update date, no news list. */
export function contentPage(lang: Lang, label: string, shown: string, footerDate: string): string {
  const w = WORDS[lang];
  return `<!doctype html><html><head><title>Content</title></head><body>
  <div class="header"><a href="/">Home</a></div>
  <div class="center"><h2>${lang === 'zh' ? '業務說明' : 'About'}</h2><p>${w.law}</p><ul class="info"><li>${label}：${shown}</li></ul></div>
  <div class="footer"><p>${w.updated}：${footerDate}</p></div>
  </body></html>`;
}
