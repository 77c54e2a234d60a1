// A page built the way the HyUI5 template (Hyweb's current government theme) builds it: the language
// menu and the search box sit behind buttons, ENGLISH links to "#" until the CMS fills it, and the
// footer packs address and TEL into one line per office without spaces.
import { describe, expect, it } from 'vitest';
import { govRules } from '../../../rules/gov/index.ts';
import type { PageRule } from '../../../core/types.ts';
import { runOnHtml } from './run.ts';

const HYUI5 = `<!doctype html><html lang="zh-Hant-TW"><head><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="DC.Title" content="某某局"><meta name="DC.Identifier" content="376580000A"><meta name="DC.Date" content="2026/11/20">
</head><body>
<header><a class="accessKeyItem" href="#aU" id="aU" accesskey="U" aria-label="功能區塊">:::</a>
 <div class="headTop"><div class="container">
  <button id="mobileMainMenuBtn" type="button">主選單</button>
  <h1><a href="index.html"><img src="logo.png" alt="某某局"></a></h1>
  <nav class="topNav" aria-label="頁首功能列"><div class="navList"><ul>
   <li><a href="index.html">回首頁</a></li><li><a href="cp.aspx?n=1">網站導覽</a></li><li><a href="faq.aspx">常見問答</a></li>
  </ul></div>
  <div class="language sliderFn"><button type="button">語言選擇</button><ul id="languageList">
   <li><a href="#">繁體中文</a></li><li><a href="#">ENGLISH</a></li></ul></div>
  <div class="topSearch sliderFn"><button id="topSearchBtn" type="button">網站搜尋</button></div>
  </nav>
  <div class="webSearch" role="search"><label for="topSearchInput" class="srOnly">搜尋</label>
   <input name="topSearchInput" id="topSearchInput" type="text" placeholder="請輸入文字" accesskey="S" aria-label="搜尋網站內容"></div>
 </div></div>
 <noscript>您的瀏覽器不支援 JavaScript 語法 <a href="cp.aspx?n=1">網站導覽</a></noscript>
</header>
<main><a class="accessKeyItem" href="#aC" id="aC" accesskey="C" aria-label="主要內容區">:::</a><h2>最新消息</h2></main>
<footer><a class="accessKeyItem" href="#aZ" id="aZ" accesskey="Z" aria-label="頁尾區">:::</a>
 <ul class="footerInfo"><li>本局：新竹縣竹北市光明六路10號TEL：03-551-8101</li></ul>
 <ul class="footerLink"><li><a href="cp.aspx?n=7">隱私權政策</a></li><li><a href="cp.aspx?n=8">網站安全政策</a></li>
  <li><a href="cp.aspx?n=9">政府網站資料開放宣告</a></li><li><a href="cp.aspx?n=10">政府資訊公開</a></li></ul>
 <div class="footerIcon"><a target="_blank" href="https://accessibility.moda.gov.tw/Applications/Detail?category=20251120101010"><img src="aa.jpg" alt="通過AA檢測等級無障礙網頁檢測"></a></div>
 <div class="update">更新日期:<span>2026/11/20</span></div><div class="counter">累計瀏覽人次:<span>46476653</span></div>
</footer></body></html>`;

describe('HyUI5-style government page', () => {
  it('passes every gov page rule', () => {
    for (const rule of govRules.filter((r): r is PageRule => r.meta.scope === 'page')) {
      const r = runOnHtml(rule, HYUI5, { layout: { viewportWidth: 1280, scrollWidth: 1280, documentHeight: 2000, narrowScrollWidth: 320 } });
      expect(r.findings, rule.meta.id).toEqual([]);
    }
  });

  it('the visitor counter is not taken for a phone number', () => {
    const withoutPhone = HYUI5.replace('TEL：03-551-8101', '');
    const contact = govRules.find((r) => r.meta.id === 'gov/contact-info') as PageRule;
    expect(runOnHtml(contact, withoutPhone).findings).toHaveLength(1);
  });
});
