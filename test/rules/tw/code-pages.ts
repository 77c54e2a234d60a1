// Failing and passing markup for each 網站無障礙規範 machine-check code govcheck's own rules decide, in
// the three markup styles of Taiwanese government sites: a Hyweb-like CMS page, a 2010 table layout and
// modern HTML5. A style's failing page holds every failing snippet, its passing page every passing one;
// the shells themselves pass every code rule (every link has text and a title, no colours or px in CSS).
export type Style = 'hyweb' | 'legacy' | 'modern';
export const STYLE_NAMES: Style[] = ['hyweb', 'legacy', 'modern'];

export interface CodeCase {
  /** 115.11 code. */
  code: string;
  /** Own rules that may report it. */
  rules: string[];
  /** Reported as needs review, never as a finding. */
  review?: boolean;
  fail: Record<Style, string>;
  pass: Record<Style, string>;
  /** Attributes for <body> on the failing / passing page. */
  bodyFail?: Partial<Record<Style, string>>;
}

const SHELLS: Record<Style, (content: string, bodyAttrs: string) => string> = {
  hyweb: (content, body) => `<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>臺北市政府環境保護局</title></head>
<body${body}>
<div class="wrapper">
  <div class="header"><a class="accesskey" href="#aU" id="aU" accesskey="U" title="上方功能區塊">:::</a></div>
  <div id="center" class="main">
    <a class="accesskey" href="#aC" id="aC" accesskey="C" title="中央內容區塊">:::</a>
${content}
  </div>
  <div class="footer"><p>地址：110204臺北市信義區市府路1號　電話：(02)2720-6891</p></div>
</div>
</body>
</html>`,
  legacy: (content, body) => `<html lang="zh-TW">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>南投縣○○鄉公所</title>
</head>
<body${body} topmargin="0" leftmargin="0">
<table width="780" border="0" cellpadding="0" cellspacing="0" align="center">
  <tr><td><a href="#C" name="C" accesskey="C" title="中央內容區">:::</a></td></tr>
  <tr><td valign="top">
${content}
  </td></tr>
  <tr><td><font size="2">地址：南投縣○○鄉中正路1號　電話：049-2222222</font></td></tr>
</table>
</body>
</html>`,
  modern: (content, body) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ministry of Examples</title></head>
<body${body}>
<header><a class="skip-link" href="#main-content" title="Skip to main content">Skip to main content</a></header>
<main id="main-content">
${content}
</main>
<footer><p>1 Example Road, Taipei · +886-2-1234-5678</p></footer>
</body>
</html>`,
};

const DISTRICTS = ['中正區', '大同區', '中山區', '松山區', '大安區', '萬華區', '信義區', '士林區', '北投區', '內湖區'];
const opts = (xs: string[]) => xs.map((x) => `<option>${x}</option>`).join('');

export const CODE_CASES: CodeCase[] = [
  {
    code: 'HM1110100C',
    rules: ['tw/img-alt-attribute'],
    fail: {
      hyweb: '<div class="banner"><img src="/images/banner1.jpg" title="115年度防災宣導"></div>',
      legacy: '<img src="images/title_news.gif" border="0" role="presentation">',
      modern: '<img src="/img/hero.webp" aria-label="Harbour at dusk">',
    },
    pass: {
      hyweb: '<div class="banner"><img src="/images/banner1.jpg" alt="115年度防災宣導"></div>',
      legacy: '<img src="images/title_news.gif" border="0" alt="最新消息">',
      modern: '<img src="/img/hero.webp" alt="Harbour at dusk">',
    },
  },
  {
    code: 'HM1110103C',
    rules: ['tw/text-art-title'],
    review: true,
    fail: {
      hyweb: '<p class="note">歡迎蒞臨本局網站 😊</p>',
      legacy: '<font size="2">感謝您的支持 (^_^)</font>',
      modern: '<p>Thanks for visiting 👋</p>',
    },
    pass: {
      hyweb: '<p class="note">歡迎蒞臨本局網站 <span title="微笑">😊</span></p>',
      legacy: '<font size="2" title="微笑">感謝您的支持 (^_^)</font>',
      modern: '<p>Thanks for visiting <span role="img" aria-label="waving hand" title="waving hand">👋</span></p>',
    },
  },
  {
    code: 'HM1110106C',
    rules: ['tw/decorative-image-title'],
    fail: {
      hyweb: '<img class="deco" src="/images/line.png" alt="" title="分隔線">',
      legacy: '<img src="images/spacer.gif" width="1" height="10" alt="" title="spacer">',
      modern: '<img src="/img/divider.svg" alt="" title="divider">',
    },
    pass: {
      hyweb: '<img class="deco" src="/images/line.png" alt="">',
      legacy: '<img src="images/spacer.gif" width="1" height="10" alt="">',
      modern: '<img src="/img/divider.svg" alt="">',
    },
  },
  {
    code: 'HM1130100C',
    rules: ['tw/heading-structure'],
    // The failing pages have no heading at all; the passing snippets bring one.
    fail: { hyweb: '<div class="title">最新消息</div>', legacy: '<font size="3"><b>最新消息</b></font>', modern: '<p class="lead">Welcome</p>' },
    pass: { hyweb: '<h2>最新消息</h2>', legacy: '<h3><font size="3">最新消息</font></h3>', modern: '<h1>Welcome</h1>' },
  },
  {
    code: 'HM1130101C',
    rules: ['tw/table-header-scope'],
    // Header cells in more than one row (column and row headers): the annex's condition for the code.
    fail: {
      hyweb: '<table class="table_list"><caption>停水公告</caption><tr><th>區域</th><th>日期</th></tr><tr><th>信義區</th><td>115-11-20</td></tr></table>',
      legacy: '<table border="1" cellpadding="3"><tr><th>項目</th><th>規費</th></tr><tr><th>戶籍謄本</th><td>15元</td></tr></table>',
      modern: '<table><thead><tr><th>Service</th><th>Hours</th></tr></thead><tbody><tr><th>Counter</th><td>9–17</td></tr></tbody></table>',
    },
    pass: {
      hyweb: '<table class="table_list"><caption>停水公告</caption><tr><th scope="col">區域</th><th scope="col">日期</th></tr><tr><th scope="row">信義區</th><td>115-11-20</td></tr></table>',
      legacy: '<table border="1" cellpadding="3"><tr><th scope="col">項目</th><th scope="col">規費</th></tr><tr><th scope="row">戶籍謄本</th><td>15元</td></tr></table>',
      modern: '<table><thead><tr><th id="svc">Service</th><th id="hrs">Hours</th></tr></thead><tbody><tr><th id="ctr" headers="svc">Counter</th><td headers="hrs ctr">9–17</td></tr></tbody></table>',
    },
  },
  {
    code: 'HM1130103C',
    rules: ['tw/select-optgroup'],
    fail: {
      hyweb: `<label for="area">行政區</label><select id="area">${opts(DISTRICTS)}</select>`,
      legacy: '<select name="dept" title="承辦課室"><optgroup><option>民政課</option><option>財政課</option></optgroup></select>',
      modern: `<label>Country <select>${opts(['Japan', 'Korea', 'Vietnam', 'Thailand', 'Indonesia', 'Philippines', 'Malaysia', 'India', 'France'])}</select></label>`,
    },
    pass: {
      hyweb: `<label for="area">行政區</label><select id="area"><optgroup label="東區">${opts(DISTRICTS.slice(0, 5))}</optgroup><optgroup label="西區">${opts(DISTRICTS.slice(5))}</optgroup></select>`,
      legacy: '<select name="dept" title="承辦課室"><optgroup label="行政"><option>民政課</option><option>財政課</option></optgroup></select>',
      modern: `<label>Year <select>${opts(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026'])}</select></label>`,
    },
  },
  {
    code: 'HM1130104C',
    rules: ['tw/form-field-label'],
    fail: {
      hyweb: '<form action="/Search.aspx"><input type="text" name="q" placeholder="請輸入關鍵字"><button type="submit">搜尋</button></form>',
      legacy: '<form action="search.asp"><input type="text" name="q" size="12" placeholder="搜尋"><input type="submit" value="查詢"></form>',
      modern: '<form><input type="email" name="email" placeholder="Email address"><button>Subscribe</button></form>',
    },
    pass: {
      hyweb: '<form action="/Search.aspx"><label for="q">關鍵字</label><input id="q" type="text" name="q" placeholder="請輸入關鍵字"><button type="submit">搜尋</button></form>',
      legacy: '<form action="search.asp"><input type="text" name="q" size="12" title="搜尋" placeholder="搜尋"><input type="submit" value="查詢"></form>',
      modern: '<form><label>Email <input type="email" name="email" placeholder="name@example.com"></label><button>Subscribe</button></form>',
    },
  },
  {
    code: 'HM1130105C',
    rules: ['tw/fieldset-legend', 'tw/grouped-choices'],
    fail: {
      hyweb: '<form><fieldset><label><input type="radio" name="sex" value="m">男</label><label><input type="radio" name="sex" value="f">女</label></fieldset></form>',
      legacy: '<form>滿意度：<input type="radio" name="q1" value="1" title="滿意">滿意 <input type="radio" name="q1" value="2" title="不滿意">不滿意</form>',
      modern: '<form><fieldset><legend> </legend><label><input type="checkbox" name="topics" value="a"> Transport</label><label><input type="checkbox" name="topics" value="b"> Health</label></fieldset></form>',
    },
    pass: {
      hyweb: '<form><fieldset><legend>性別</legend><label><input type="radio" name="sex" value="m">男</label><label><input type="radio" name="sex" value="f">女</label></fieldset></form>',
      legacy: '<form><fieldset><legend>滿意度</legend><input type="radio" name="q1" value="1" title="滿意">滿意 <input type="radio" name="q1" value="2" title="不滿意">不滿意</fieldset></form>',
      modern: '<form><fieldset><legend>Topics</legend><label><input type="checkbox" name="topics" value="a"> Transport</label><label><input type="checkbox" name="topics" value="b"> Health</label></fieldset></form>',
    },
  },
  {
    code: 'HM1130200C',
    rules: ['tw/bidi-direction'],
    fail: {
      hyweb: '<p>阿拉伯文「مرحبا」意為你好</p>',
      legacy: '<font size="2">希伯來文 שלום 是平安的意思</font>',
      modern: '<p>The word <span lang="ar">سلام</span> means peace.</p>',
    },
    pass: {
      hyweb: '<p>阿拉伯文「<span lang="ar" dir="rtl">مرحبا</span>」意為你好</p>',
      legacy: '<font size="2">希伯來文 <bdi lang="he">שלום</bdi> 是平安的意思</font>',
      modern: '<p>The word <span lang="ar" dir="rtl">سلام</span> means peace.</p>',
    },
  },
  {
    code: 'HM1240102C',
    rules: ['tw/empty-nav'],
    fail: { hyweb: '<nav class="breadcrumb"></nav>', legacy: '<nav>  </nav>', modern: '<nav aria-label="Secondary">\n</nav>' },
    pass: {
      hyweb: '<nav class="breadcrumb"><a href="/Default.aspx" title="首頁">首頁</a></nav>',
      legacy: '<nav><a href="index.htm" title="回首頁">回首頁</a></nav>',
      modern: '<nav aria-label="Secondary"><a href="/en/services" title="Services">Services</a></nav>',
    },
  },
  {
    code: 'HM1240400C',
    rules: ['tw/adjacent-link-duplicate'],
    fail: {
      hyweb: '<ul><li><a href="/News.aspx?n=3" title="活動花絮"><img src="/images/icon_event.png" alt="活動花絮"></a><a href="/News.aspx?n=3" title="活動花絮">活動花絮</a></li></ul>',
      legacy: '<table border="0"><tr><td><a href="service.htm" title="便民服務"><img src="images/icon_service.gif" alt="便民服務" border="0"></a></td><td><a href="service.htm" title="便民服務">便民服務</a></td></tr></table>',
      modern: '<div class="card"><a href="/en/news" title="News"><img src="/img/news.svg" alt="News"></a> <a href="/en/news" title="News">News</a></div>',
    },
    pass: {
      hyweb: '<ul><li><a href="/News.aspx?n=3" title="活動花絮"><img src="/images/icon_event.png" alt="">活動花絮</a></li></ul>',
      legacy: '<table border="0"><tr><td><a href="service.htm" title="便民服務"><img src="images/icon_service.gif" alt="" border="0">便民服務</a></td></tr></table>',
      modern: '<div class="card"><a href="/en/news" title="News"><img src="/img/news.svg" alt="">News</a></div>',
    },
  },
  {
    code: 'HM1240401C',
    rules: ['tw/link-title-in-context'],
    fail: {
      hyweb: '<ul class="news"><li><a href="/News_Content.aspx?n=2&amp;s=101">停水公告</a><span class="date">115-11-21</span></li></ul>',
      legacy: '<font size="2">詳情請見<a href="notice.htm">公告</a>說明。</font>',
      modern: '<p>Read the <a href="/en/report">annual report</a> for details.</p>',
    },
    pass: {
      hyweb: '<ul class="news"><li><a href="/News_Content.aspx?n=2&amp;s=101" title="停水公告">停水公告</a><span class="date">115-11-21</span></li></ul>',
      legacy: '<font size="2">詳情請見<a href="notice.htm" title="停電公告">公告</a>說明。</font>',
      modern: '<p>Read the <a href="/en/report" title="Annual report 2025">annual report</a> for details.</p>',
    },
  },
  {
    code: 'HM1410201C',
    rules: ['tw/iframe-title'],
    fail: {
      hyweb: '<iframe src="about:blank" aria-label="交通位置圖" width="300" height="200"></iframe>',
      legacy: '<span id="maplabel">位置圖</span><iframe src="about:blank" aria-labelledby="maplabel" frameborder="0"></iframe>',
      modern: '<iframe src="about:blank" aria-label="Introduction video"></iframe>',
    },
    pass: {
      hyweb: '<iframe src="about:blank" title="交通位置圖" width="300" height="200"></iframe>',
      legacy: '<iframe src="about:blank" title="位置圖" frameborder="0"></iframe>',
      modern: '<iframe src="about:blank" title="Introduction video"></iframe>',
    },
  },
  {
    code: 'HM2310200C',
    rules: ['tw/descendant-lang'],
    fail: { hyweb: '<p lang="zh-Hant-TW">本局簡介</p>', legacy: '<font size="2" lang="">English Version</font>', modern: '<p lang="EN">Welcome to the ministry.</p>' },
    pass: { hyweb: '<p lang="en">About the bureau</p>', legacy: '<font size="2" lang="en">English Version</font>', modern: '<p lang="zh-Hant">歡迎光臨</p>' },
  },
  {
    code: 'HM3240900C',
    rules: ['tw/link-title-standalone'],
    fail: {
      hyweb: '<ul class="menu"><li><a href="/cp.aspx?n=20">機關簡介</a></li></ul>',
      legacy: '<a href="news.htm"><font size="2" color="#003366">最新消息</font></a><br>',
      modern: '<a href="/en/contact">Contact</a>',
    },
    pass: {
      hyweb: '<ul class="menu"><li><a href="/cp.aspx?n=20" title="機關簡介">機關簡介</a></li></ul>',
      legacy: '<a href="news.htm" title="最新消息"><font size="2" color="#003366">最新消息</font></a><br>',
      modern: '<a href="/en/contact" title="Contact us">Contact</a>',
    },
  },
  {
    code: 'HM3241000C',
    rules: ['tw/page-headings'],
    fail: { hyweb: '', legacy: '', modern: '' },
    pass: { hyweb: '', legacy: '', modern: '' },
  },
  {
    code: 'ME1320200C',
    rules: ['tw/open-formats'],
    fail: {
      hyweb: '<ul><li><span class="title">補助申請表</span><a href="/Download.ashx?u=LzAwMS9V&amp;n=55Sz6KuL6KGoLmRvY3g%3d&amp;icon=..docx" title="補助申請表.docx">DOCX</a></li></ul>',
      legacy: '<a href="download/apply.doc" title="低收入戶申請書(DOC)"><img src="images/icon_doc.gif" alt="下載DOC檔" border="0"></a>',
      modern: '<ul><li><a href="/files/budget-2026.xlsx" title="Budget 2026 (XLSX)">XLSX</a></li></ul>',
    },
    pass: {
      hyweb:
        '<ul><li><span class="title">補助申請表</span><a href="/Download.ashx?u=LzAwMS9W&amp;n=55Sz6KuL6KGoLm9kdA%3d%3d&amp;icon=..odt" title="補助申請表.odt">ODT</a><a href="/Download.ashx?u=LzAwMS9V&amp;n=55Sz6KuL6KGoLmRvY3g%3d&amp;icon=..docx" title="補助申請表.docx">DOCX</a></li></ul>',
      legacy: '<a href="download/apply.doc" title="低收入戶申請書(DOC)"><img src="images/icon_doc.gif" alt="下載DOC檔" border="0"></a><a href="download/apply.odt" title="低收入戶申請書(ODT)"><img src="images/icon_odt.gif" alt="下載ODT檔" border="0"></a>',
      modern: '<ul><li><a href="/files/budget-2026.xlsx" title="Budget 2026 (XLSX)">XLSX</a> <a href="/files/budget-2026.ods" title="Budget 2026 (ODS)">ODS</a></li></ul>',
    },
  },
  {
    code: 'CS2140401C',
    rules: ['tw/absolute-font-size'],
    fail: { hyweb: '<style>.news li{font-size:15px}</style>', legacy: '<style type="text/css">td{font-size:12px}</style>', modern: '<p style="font-size:14px">Opening hours</p>' },
    pass: { hyweb: '<style>.news li{font-size:0.9375rem}</style>', legacy: '<style type="text/css">td{font-size:0.75em}</style>', modern: '<p style="font-size:0.875rem">Opening hours</p>' },
  },
  {
    code: 'CS3140800C',
    rules: ['tw/fixed-colours'],
    fail: { hyweb: '<style>body{color:#333;background:#fff}</style>', legacy: '', modern: '<style>main{color:#222;background-color:#fafafa}</style>' },
    bodyFail: { legacy: ' bgcolor="#FFFFFF" text="#000000"' },
    pass: {
      hyweb: '<style>body{color:#333;background:#fff}</style><button type="button" class="btn-contrast">高對比</button>',
      legacy: '',
      modern: '<style>main{color:#222;background-color:#fafafa}@media (prefers-color-scheme: dark){main{color:#eee;background-color:#111}}</style>',
    },
  },
  {
    code: 'CS3140801C',
    rules: ['tw/absolute-column-width'],
    fail: { hyweb: '<style>.container{max-width:1200px}</style>', legacy: '<div style="max-width:760px">本所簡介</div>', modern: '<link rel="stylesheet" href="/css/layout-fail.css">' },
    pass: { hyweb: '<style>.container{max-width:75rem}</style>', legacy: '<div style="max-width:95%">本所簡介</div>', modern: '<link rel="stylesheet" href="/css/layout-pass.css">' },
  },
  {
    code: 'CS3140802C',
    rules: ['tw/absolute-line-height'],
    fail: { hyweb: '<style>.news li{line-height:24px}</style>', legacy: '<style type="text/css">td{line-height:18px}</style>', modern: '<style>body{font:1rem/24px system-ui}</style>' },
    pass: { hyweb: '<style>.news li{line-height:1.6}</style>', legacy: '<style type="text/css">td{line-height:150%}</style>', modern: '<style>body{font:1rem/1.5 system-ui}</style>' },
  },
];

/** Linked stylesheets the pages load (served by the test's fixture server). */
export const STYLESHEETS: Record<string, string> = {
  '/css/layout-fail.css': '@media (max-width: 600px) { main { padding: 0 } }\nmain { max-width: 960px; margin: 0 auto }',
  '/css/layout-pass.css': '@media (max-width: 600px) { main { padding: 0 } }\nmain { max-width: 70ch; margin: 0 auto }',
};

/** The failing or passing page of a style: every case's snippet, each in its own block. */
export function codePage(style: Style, kind: 'fail' | 'pass'): string {
  const content = CODE_CASES.map((c) => `<div class="case-${c.code}">${c[kind][style]}</div>`).join('\n');
  const body = kind === 'fail' ? CODE_CASES.map((c) => c.bodyFail?.[style] ?? '').join('') : '';
  return SHELLS[style](content, body);
}
