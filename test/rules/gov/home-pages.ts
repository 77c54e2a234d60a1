// Government-style start pages in the three markup families real sites use, in zh-TW and English,
// with each site element switchable so one template gives both the passing and the failing page.
// Every page also carries decoys that must not count: 政府資料開放平臺 (not the declaration),
// 食品安全專區 (not a security policy), 參觀導覽 (not 網站導覽), /research/ (not search),
// 公文字號 …號 (not an address), dates (not phone numbers).

export type Style = 'hyweb' | 'legacy' | 'modern';
export type Lang = 'zh' | 'en';

export interface Parts {
  privacy: boolean;
  security: boolean;
  /** One 「隱私權及資訊安全政策」 link instead of two. */
  combined: boolean;
  openData: boolean;
  sitemap: boolean;
  address: boolean;
  phone: boolean;
  contactLink: boolean;
  search: boolean;
  english: boolean;
  infoDisclosure: boolean;
}

export const ALL_PARTS: Parts = {
  privacy: true,
  security: true,
  combined: false,
  openData: true,
  sitemap: true,
  address: true,
  phone: true,
  contactLink: true,
  search: true,
  english: true,
  infoDisclosure: true,
};

export const STYLES: Style[] = ['hyweb', 'legacy', 'modern'];
export const LANGS: Lang[] = ['zh', 'en'];

const on = (flag: boolean, html: string) => (flag ? html : '');

// ---------------------------------------------------------------- Hyweb-style (div.header / div.footer, ::: anchors)

function hyweb(lang: Lang, p: Parts): string {
  const zh = lang === 'zh';
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-Hant-TW' : 'en'}"><head><meta charset="utf-8"><title>${zh ? '某某部全球資訊網' : 'Ministry of Examples'}</title></head>
<body>
<a href="#C" class="acc_skip" title="${zh ? '跳到主要內容區塊' : 'Skip to main content'}">${zh ? '跳到主要內容區塊' : 'Skip to main content'}</a>
<div class="wrapper">
 <div class="header"><div class="container">
  <a accesskey="U" href="#U" id="U" title="${zh ? '上方功能區塊' : 'Header'}">:::</a>
  <h1><a href="/"><img src="/images/logo.png" alt="${zh ? '某某部' : 'Ministry of Examples'}"></a></h1>
  <div class="navigation"><ul>
   <li><a href="/" title="${zh ? '回首頁' : 'Home'}">${zh ? '回首頁' : 'Home'}</a></li>
   ${on(p.sitemap, `<li><a href="/cp.aspx?n=2" title="${zh ? '網站導覽' : 'Sitemap'}">${zh ? '網站導覽' : 'Sitemap'}</a></li>`)}
   ${on(p.english, zh ? '<li><a href="/en/Default.aspx" lang="en">English</a></li>' : '')}
   <li><a href="/cp.aspx?n=9">${zh ? '參觀導覽' : 'Visitor guide'}</a></li>
  </ul></div>
  ${on(
    p.search,
    `<div class="search"><form action="/Search.aspx" method="get">
     <a accesskey="S" href="#S" title="${zh ? '搜尋區塊' : 'Search'}">:::</a>
     <label for="txtKey" class="sr-only">${zh ? '搜尋' : 'Search'}</label>
     <input id="txtKey" name="q" type="text" placeholder="${zh ? '請輸入關鍵字' : 'Keywords'}"><button type="submit">${zh ? '搜尋' : 'Search'}</button>
    </form></div>`,
  )}
  <div class="menu"><ul>
   <li><a href="/News.aspx?n=1">${zh ? '最新消息' : 'News'}</a></li>
   <li><a href="/cp.aspx?n=3">${zh ? '食品安全專區' : 'Food Safety'}</a></li>
   <li><a href="https://data.gov.tw/">${zh ? '政府資料開放平臺' : 'Open Data Platform'}</a></li>
   <li><a href="/research/">${zh ? '研究報告' : 'Research'}</a></li>
  </ul></div>
 </div></div>
 <div class="main" id="C"><div class="container">
  <a accesskey="C" href="#C" title="${zh ? '中央內容區塊' : 'Main content'}">:::</a>
  <div class="news"><ul>
   <li><span class="date">115-11-20</span><a href="/News_Content.aspx?n=1&s=10">${zh ? '府授字第1150012345號公告' : 'Announcement 1150012345'}</a></li>
   <li><span class="date">2026-11-18</span><a href="/News_Content.aspx?n=1&s=11">${zh ? '115年度計畫說明' : 'Plan for 2026'}</a></li>
  </ul></div>
 </div></div>
 <div class="footer"><div class="container">
  <a accesskey="Z" href="#Z" id="Z" title="${zh ? '下方功能區塊' : 'Footer'}">:::</a>
  <ul class="footer_link">
   ${on(p.privacy, `<li><a href="/cp.aspx?n=20">${zh ? '隱私權政策' : 'Privacy Policy'}</a></li>`)}
   ${on(p.security, `<li><a href="/cp.aspx?n=21">${zh ? '資訊安全政策' : 'Security Policy'}</a></li>`)}
   ${on(p.combined, `<li><a href="/cp.aspx?n=22">${zh ? '隱私權及網站安全政策' : 'Privacy and Security Policy'}</a></li>`)}
   ${on(p.openData, `<li><a href="/cp.aspx?n=23">${zh ? '政府網站資料開放宣告' : 'Government Website Open Information Announcement'}</a></li>`)}
   ${on(p.infoDisclosure, `<li><a href="/cp.aspx?n=24">${zh ? '政府資訊公開' : 'Government Information Disclosure'}</a></li>`)}
   ${on(p.contactLink, `<li><a href="/Mailbox.aspx">${zh ? '首長信箱' : 'Contact Us'}</a></li>`)}
  </ul>
  <div class="footer_info"><ul>
   ${on(p.address, `<li>${zh ? '地址：10058 臺北市中正區忠孝東路1段1號' : 'Address: No. 1, Sec. 1, Zhongxiao E. Rd., Zhongzheng Dist., Taipei City 100058, Taiwan (R.O.C.)'}</li>`)}
   ${on(p.phone, `<li>${zh ? '總機：02-2311-2345' : 'Tel: +886-2-2311-2345'}</li>`)}
   <li>${zh ? '服務時間：週一至週五 08:30-17:30' : 'Office hours: Mon-Fri 08:30-17:30'}</li>
  </ul></div>
  <p class="update">${zh ? '更新日期：115-11-26' : 'Updated: 2026-11-26'}</p>
 </div></div>
</div>
</body></html>`;
}

// ---------------------------------------------------------------- legacy table layout (font tags, image links)

function legacy(lang: Lang, p: Parts): string {
  const zh = lang === 'zh';
  return `<html${zh ? '' : ' lang="en"'}><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${zh ? '某某縣政府' : 'Example County Government'}</title></head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
<table width="980" border="0" cellspacing="0" cellpadding="0" align="center">
 <tr>
  <td width="300"><img src="images/logo.gif" width="300" height="80" alt="${zh ? '某某縣政府' : 'Example County'}"></td>
  <td align="right" valign="top"><font size="2">
   <a href="index.htm"><img src="images/top_home.gif" alt="${zh ? '回首頁' : 'Home'}" border="0"></a>
   ${on(p.sitemap, `<a href="map.htm"><img src="images/top_map.gif" alt="${zh ? '網站地圖' : 'Site Map'}" border="0"></a>`)}
   ${on(p.english, zh ? '<a href="eng/index.htm"><img src="images/top_eng.gif" alt="ENGLISH" border="0"></a>' : '')}
   <a href="tour.htm"><img src="images/top_tour.gif" alt="${zh ? '參觀導覽' : 'Tours'}" border="0"></a>
  </font></td>
 </tr>
 ${on(
   p.search,
   `<tr><td colspan="2" align="right"><form name="form1" method="post" action="/cgi-bin/query.cgi">
    <font size="2" color="#333333">${zh ? '全文檢索' : 'Full text'}</font>
    <input type="text" name="keyword" size="12"><input type="image" src="images/go.gif" alt="${zh ? '查詢' : 'Go'}">
   </form></td></tr>`,
 )}
 <tr>
  <td valign="top"><table width="100%" border="0">
   <tr><td><a href="news.htm"><font color="#003366">${zh ? '最新消息' : 'News'}</font></a></td></tr>
   <tr><td><a href="food.htm"><font color="#003366">${zh ? '食品安全專區' : 'Food Safety'}</font></a></td></tr>
   <tr><td><a href="http://data.gov.tw/"><img src="images/b_opendata.gif" alt="${zh ? '政府資料開放平臺' : 'Open Data Platform'}" border="0"></a></td></tr>
   <tr><td><a href="research/list.htm"><font color="#003366">${zh ? '研究報告' : 'Research'}</font></a></td></tr>
  </table></td>
  <td valign="top"><table width="100%" border="0">
   <tr><td><font size="2">[${zh ? '１１５．１１．２０' : '2026.11.20'}]</font> <a href="news/1150012345.htm"><font size="2">${zh ? '府授字第１１５００１２３４５號' : 'Notice No. 1150012345'}</font></a></td></tr>
  </table></td>
 </tr>
 <tr>
  <td colspan="2" bgcolor="#336699" align="center"><font color="#FFFFFF" size="2">
   ${on(p.privacy, `<a href="privacy.htm"><img src="images/btn_privacy.gif" alt="${zh ? '隱私權保護政策' : 'PRIVACY'}" border="0"></a>`)}
   ${on(p.security, `<a href="sec.htm"><font color="#FFFFFF">${zh ? '資　訊　安　全　政　策' : 'Security'}</font></a>`)}
   ${on(p.combined, `<a href="policy.htm"><img src="images/btn_policy.gif" alt="${zh ? '隱私權及安全政策' : 'Privacy &amp; Security Statement'}" border="0"></a>`)}
   ${on(p.openData, `<a href="javascript:void(0)" onclick="window.open('declare.htm')"><font color="#FFFFFF">${zh ? '資料開放宣告' : 'Open Data Declaration'}</font></a>`)}
   ${on(p.infoDisclosure, `<a href="pub.htm" title="${zh ? '主動公開資訊' : 'Information Disclosure'}"><img src="images/btn_pub.gif" border="0"></a>`)}
   ${on(p.contactLink, `<a href="mailto:service@example.gov.tw"><font color="#FFFFFF">${zh ? '意見信箱' : 'Mail us'}</font></a>`)}
   <br>
   ${on(p.address, zh ? '地址：１００台北市中正區重慶南路一段１２２號　' : '122, Sec. 1, Chongqing S. Rd., Zhongzheng Dist., Taipei City 100, Taiwan&nbsp;&nbsp;')}
   ${on(p.phone, zh ? '電話：（０２）２３１１－２３４５' : 'TEL：886-2-2311-2345')}
   <br>${zh ? '最佳瀏覽解析度 1024x768' : 'Best viewed at 1024x768'}
  </font></td>
 </tr>
</table>
</body></html>`;
}

// ---------------------------------------------------------------- modern semantic (header / nav / main / footer)

function modern(lang: Lang, p: Parts): string {
  const zh = lang === 'zh';
  return `<!doctype html>
<html lang="${zh ? 'zh-Hant' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${zh ? '某某市政府' : 'Example City Government'}</title></head>
<body>
<header class="site-header">
 <a class="skip-link" href="#main">${zh ? '跳到主要內容' : 'Skip to main content'}</a>
 <nav aria-label="${zh ? '主選單' : 'Main menu'}"><ul>
  <li><a href="/news">${zh ? '最新消息' : 'News'}</a></li>
  <li><a href="/food-safety">${zh ? '食品安全專區' : 'Food Safety'}</a></li>
  <li><a href="https://data.gov.tw/">${zh ? '政府資料開放平臺' : 'Open Data Platform'}</a></li>
  <li><a href="/research/">${zh ? '研究報告' : 'Research'}</a></li>
  <li><a href="/tours">${zh ? '參觀導覽' : 'Tours'}</a></li>
 </ul></nav>
 <div class="tools">
  ${on(p.sitemap, `<a href="/sitemap-page" class="tool">${zh ? '<span class="icon" aria-hidden="true"></span><span>網站</span><span>導覽</span>' : '<span>Site</span> <span>map</span>'}</a>`)}
  ${on(p.english, zh ? '<a href="https://en.example.gov.tw/" class="tool">EN</a>' : '')}
  ${on(p.search, `<button type="button" class="search-toggle" aria-label="${zh ? '開啟站內搜尋' : 'Open search'}"><svg aria-hidden="true" width="16" height="16"></svg></button>`)}
 </div>
</header>
<main id="main">
 <h1>${zh ? '首頁' : 'Home'}</h1>
 <section><h2>${zh ? '最新消息' : 'News'}</h2><ul>
  <li><time datetime="2026-11-20">2026-11-20</time> <a href="/news/1150012345">${zh ? '府授字第1150012345號函' : 'Letter 1150012345'}</a></li>
 </ul></section>
</main>
<footer class="site-footer">
 <nav aria-label="${zh ? '頁尾連結' : 'Footer links'}"><ul>
  ${on(p.privacy, `<li><a href="/policy/privacy">${zh ? '<span>隱私權</span> <span>政策</span>' : '<span>Privacy</span> <span>Policy</span>'}</a></li>`)}
  ${on(p.security, `<li><a href="/policy/site">${zh ? '資安政策' : 'Website Security Policy'}</a></li>`)}
  ${on(p.combined, `<li><a href="/policy">${zh ? '隱私權及資訊安全政策' : 'Privacy &amp; Information Security Policy'}</a></li>`)}
  ${on(p.openData, `<li><a href="/declaration">${zh ? '<span>資料開放</span><span>宣告</span>' : 'Open Government Data Declaration'}</a></li>`)}
  ${on(p.infoDisclosure, `<li><a href="/disclosure">${zh ? '<span>政府資訊</span>公開' : 'Freedom of Government Information'}</a></li>`)}
  ${on(p.contactLink, `<li><a href="/contact">${zh ? '聯絡我們' : 'Contact'}</a></li>`)}
 </ul></nav>
 <address>
  ${on(p.address, zh ? '<span>40701臺中市西屯區臺灣大道三段99號</span>' : '<span>No. 99, Sec. 3, Taiwan Blvd., Xitun Dist., Taichung City 407, Taiwan</span>')}
  ${on(p.phone, zh ? '<a href="tel:0422289111">04-2228-9111</a>' : '<a href="tel:+886422289111">+886-4-2228-9111</a>')}
 </address>
 <p>© 2026 ${zh ? '某某市政府' : 'Example City Government'}</p>
</footer>
</body></html>`;
}

export function homePage(style: Style, lang: Lang, parts: Partial<Parts> = {}): string {
  const p = { ...ALL_PARTS, ...parts };
  return style === 'hyweb' ? hyweb(lang, p) : style === 'legacy' ? legacy(lang, p) : modern(lang, p);
}
