// Three home pages in the markup styles real Taiwanese government sites use. Each is "good" for the
// Taiwan-convention rules unless noted; tests derive failing variants with small edits.

/** Hyweb / HyUI style: div.header / div.main / div.footer, goCenter skip link, ::: bricks, Download.ashx files. */
export const HYWEB = `<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>臺北市政府環境保護局</title>
<style>body{font-size:1em}.header .menu a{font-size:0.9375rem;line-height:1.5}@media print{body{font-size:12pt}}.icon{font-size:0}</style>
</head>
<body>
<!-- 直接跳主內容區 -->
<a class="goCenter" href="#center" tabindex="1">按Enter到主內容區</a>
<div class="wrapper">
  <div class="header">
    <div class="container">
      <a class="accesskey" href="#aU" id="aU" accesskey="U" title="上方功能區塊">:::</a>
      <h1><a href="/Default.aspx" title="回首頁"><img src="/images/logo.png" alt="臺北市政府環境保護局LOGO"></a></h1>
      <div class="search">
        <form action="/Search.aspx" method="get">
          <label for="q">關鍵字</label>
          <input id="q" name="q" type="text" accesskey="S" title="關鍵字搜尋：文章關鍵字搜尋">
          <button type="submit">搜尋</button>
        </form>
      </div>
      <nav class="navigation">
        <ul>
          <li><a href="/cp.aspx?n=1">網站導覽</a></li>
          <li><a href="/News.aspx?n=2">最新消息</a></li>
          <li><a href="https://www.facebook.com/taipeiepb" target="_blank" title="Facebook(另開新視窗)"><img src="/images/fb.png" alt="Facebook"></a></li>
          <li><a href="/en/Default.aspx" lang="en">English</a></li>
        </ul>
      </nav>
    </div>
  </div>
  <div id="center" class="main">
    <a class="accesskey" href="#aC" id="aC" accesskey="C" title="中央內容區塊">:::</a>
    <h2>最新消息</h2>
    <ul class="news">
      <li><a href="/News_Content.aspx?n=2&s=100">115年度資源回收宣導活動</a><span class="date">115-11-20</span></li>
    </ul>
    <section class="file_download">
      <h3>表單下載</h3>
      <ul>
        <li>
          <span class="title">環境影響評估申請表</span>
          <a href="/Download.ashx?u=LzAwMS9VcGxvYWQv&amp;n=55Sz6KuL6KGoLm9kdA%3d%3d&amp;icon=..odt" target="_blank" title="環境影響評估申請表.odt(另開新視窗)">ODT</a>
          <a href="/Download.ashx?u=LzAwMS9VcGxvYWQw&amp;n=55Sz6KuL6KGoLnBkZg%3d%3d&amp;icon=..pdf" target="_blank" title="環境影響評估申請表.pdf(另開新視窗)">PDF</a>
          <a href="/Download.ashx?u=LzAwMS9VcGxvYWQx&amp;n=55Sz6KuL6KGoLmRvY3g%3d&amp;icon=..docx" target="_blank" title="環境影響評估申請表.docx(另開新視窗)">DOCX</a>
        </li>
      </ul>
    </section>
    <img class="deco" src="/images/line.png" alt="">
  </div>
  <div class="footer">
    <a class="accesskey" href="#aZ" id="aZ" accesskey="Z" title="下方功能區塊">:::</a>
    <div class="footer_info">
      <ul>
        <li><a href="/cp.aspx?n=10">隱私權及資訊安全政策</a></li>
        <li><a href="/cp.aspx?n=11">政府網站資料開放宣告</a></li>
      </ul>
      <p>地址：110204臺北市信義區市府路1號　電話：(02)2720-6891</p>
    </div>
    <div class="footer_icon">
      <a href="https://accessibility.moda.gov.tw/Applications/Detail?category=20240516184854" target="_blank" title="無障礙網站(另開新視窗)"><img src="/images/accessibility.png" alt="通過AA檢測等級無障礙網頁檢測" width="88" height="31"></a>
      <a href="https://www.gov.tw/" target="_blank" title="我的E政府(另開新視窗)"><img src="/images/egov.png" alt="我的E政府"></a>
    </div>
  </div>
</div>
</body>
</html>`;

/**
 * Legacy table layout: no semantic regions, <font> tags, image links, a spacer-image skip link, ::: bricks
 * with name anchors, px font sizes, and a 2016 A+ mark on handicap-free.nat.gov.tw (expired by 2026).
 */
export const LEGACY = `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>南投縣○○鄉公所</title>
<style type="text/css">
td { font-size: 12px; font-family: 新細明體 }
.title { font-size: 15px; font-weight: bold }
</style>
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="780" border="0" cellpadding="0" cellspacing="0" align="center">
  <tr>
    <td><a href="#content" title="跳至主要內容"><img src="images/spacer.gif" alt="跳至主要內容" width="1" height="1" border="0"></a>
      <a href="#U" name="U" accesskey="U" title="上方選單連結區">:::</a>
      <a href="index.htm"><img src="images/banner.jpg" alt="南投縣○○鄉公所" border="0"></a></td>
  </tr>
  <tr>
    <td>
      <table width="100%" border="0">
        <tr>
          <td width="150" valign="top">
            <a href="news.htm"><font size="2" color="#003366">最新消息</font></a><br>
            <a href="sitemap.htm"><font size="2" color="#003366">網站導覽</font></a><br>
            <a href="http://www.nantou.gov.tw/" target="_blank"><font size="2">南投縣政府(另開視窗)</font></a>
          </td>
          <td valign="top"><a name="content"></a><a href="#C" name="C" accesskey="C" title="中央內容區">:::</a>
            <font size="3" class="title">表單下載</font>
            <table border="1" cellpadding="3" width="100%">
              <tr><td>低收入戶申請書</td>
                <td><a href="download/apply.doc"><img src="images/icon_doc.gif" alt="下載DOC檔" border="0"></a></td>
                <td><a href="download/apply.odt"><img src="images/icon_odt.gif" alt="下載ODT檔" border="0"></a></td></tr>
              <tr><td>災害補助申請表</td>
                <td><a href="download/aid.xls"><img src="images/icon_xls.gif" alt="下載XLS檔" border="0"></a></td>
                <td><a href="download/aid.ods"><img src="images/icon_ods.gif" alt="下載ODS檔" border="0"></a></td></tr>
            </table>
          </td>
        </tr>
      </table>
    </td>
  </tr>
  <tr>
    <td bgcolor="#336699"><a href="#Z" name="Z" accesskey="Z" title="下方功能區">:::</a>
      <font size="2" color="#FFFFFF">地址：南投縣○○鄉中正路1號　電話：049-2222222</font>
      <a href="http://www.handicap-free.nat.gov.tw/Applications/Detail?category=20160911130355" target="_blank" title="無障礙A+標章(另開新視窗)"><img src="images/A_Plus.gif" alt="無障礙A+" border="0" width="88" height="31"></a>
    </td>
  </tr>
</table>
</body>
</html>`;

/** Modern semantic layout in English: header/nav/main/footer, visually-hidden new-window text, rem sizes. */
export const MODERN = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ministry of Examples</title>
<style>:root{font-size:100%}body{font:1rem/1.5 system-ui, sans-serif}h1{font-size:clamp(1.5rem, 1rem + 2vw, 2.5rem)}</style>
</head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
<header>
  <a href="#U" id="U" accesskey="U" title="Header">:::</a>
  <nav aria-label="Main">
    <a href="/en/about">About</a>
    <a href="https://www.gov.tw/" target="_blank" rel="noopener">Taiwan.gov.tw <span class="visually-hidden">(opens in a new window)</span></a>
  </nav>
</header>
<main id="main-content">
  <a href="#C" id="C" accesskey="C" title="Main content">:::</a>
  <h1>Welcome</h1>
  <ul class="downloads">
    <li><h3>Annual report 2025</h3><a href="/files/annual-report-2025.pdf">PDF</a> <a href="/files/annual-report-2025.docx">DOCX</a></li>
  </ul>
  <img src="/img/divider.svg" alt="">
</main>
<footer>
  <a href="#Z" id="Z" accesskey="Z" title="Footer">:::</a>
  <p>1 Example Road, Taipei · +886-2-1234-5678</p>
  <a href="https://accessibility.moda.gov.tw/Applications/Detail?category=20250102093015" target="_blank" title="Accessibility certificate (opens in a new window)"><img src="/img/accessibility-aa.webp" alt="Accessibility conformance level AA" width="88" height="31"></a>
</footer>
</body>
</html>`;

export const STYLES = { hyweb: HYWEB, legacy: LEGACY, modern: MODERN } as const;
