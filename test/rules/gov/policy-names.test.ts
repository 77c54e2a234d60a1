// Policy link names as real footers write them: each spelling against the three policy rules at once,
// so a combined name counts for both privacy and security and a one-character slip still names its link.
import { describe, expect, it } from 'vitest';
import { openDataDeclaration } from '../../../rules/gov/open-data-declaration.ts';
import { privacyPolicy } from '../../../rules/gov/privacy-policy.ts';
import { securityPolicy } from '../../../rules/gov/security-policy.ts';
import { substringEditDistance } from '../../../rules/gov/lib/names.ts';
import { runOnHtml } from './run.ts';

const page = (link: string) =>
  `<html lang="zh-Hant"><body><a href="/">首頁</a><a href="/News.aspx">最新消息</a><a href="/sitemap">網站導覽</a><a href="/contact">聯絡我們</a><a href="/faq">常見問題</a>
   <footer class="footer">${link}<p>地址：臺北市中正區</p></footer></body></html>`;
const found = (rule: typeof privacyPolicy, link: string) => runOnHtml(rule, page(link)).findings.length === 0;

/** [link as written, privacy, security, open data] */
const TABLE: [string, boolean, boolean, boolean][] = [
  ['<a href="/cp.aspx?n=101">隱私權政策</a>', true, false, false],
  ['<a href="/cp.aspx?n=102">隱私權保護政策</a>', true, false, false],
  ['<a href="/cp.aspx?n=103">隱私權及網站安全政策</a>', true, true, false],
  ['<a href="/cp.aspx?n=104">隱私權及資訊安全政策</a>', true, true, false],
  ['<a href="/cp.aspx?n=105">資訊安全政策</a>', false, true, false],
  ['<a href="/cp.aspx?n=106">網站安全政策</a>', false, true, false],
  ['<a href="/cp.aspx?n=107">隱私權安全資訊</a>', true, true, false],
  ['<a href="/cp.aspx?n=108">隱私權暨資訊安全保護政策</a>', true, true, false],
  ['<a href="/en/cp.aspx?n=109">Privacy &amp; Security Policy</a>', true, true, false],
  ['<a href="/en/cp.aspx?n=110">Privacy Policy</a>', true, false, false],
  ['<a href="/cp.aspx?n=111">政府網站資料開放宣告</a>', false, false, true],
  ['<a href="/cp.aspx?n=112">資料開放宣言</a>', false, false, true],
  ['<a href="/cp.aspx?n=113">政府網站資料開放宣言</a>', false, false, true],
  ['<a href="/en/cp.aspx?n=114">Open Data</a>', false, false, true],
  ['<a href="/en/cp.aspx?n=115">Government Website Open Information Announcement</a>', false, false, true],
  // One-character slips in well-known names.
  ['<a href="/cp.aspx?n=116">資料開發宣告</a>', false, false, true],
  ['<a href="/cp.aspx?n=117">政府網站資料開放宣吿</a>', false, false, true],
  ['<a href="/cp.aspx?n=118">隠私權政策</a>', true, false, false],
  ['<a href="/cp.aspx?n=119">資訊安全正策</a>', false, true, false],
  ['<a href="/cp.aspx?n=120">網站安政策</a>', false, true, false],
  // Look-alikes that are not policy links.
  ['<a href="/cp.aspx?n=121">資料開放平臺</a>', false, false, false],
  ['<a href="https://data.gov.tw/">政府資料開放平臺</a>', false, false, false],
  ['<a href="/cp.aspx?n=123">食品安全專區</a>', false, false, false],
  ['<a href="/cp.aspx?n=124">著作權聲明</a>', false, false, false],
  ['<a href="/cp.aspx?n=125">政府資訊公開</a>', false, false, false],
  ['<a href="/cp.aspx?n=126">交通安全宣導</a>', false, false, false],
  ['<a href="/cp.aspx?n=127">資料開放專區</a>', false, false, false],
];

describe('policy link names (gov/privacy-policy, gov/security-policy, gov/open-data-declaration)', () => {
  it.each(TABLE)('%s → privacy %s, security %s, open data %s', (link, privacy, security, openData) => {
    expect({ privacy: found(privacyPolicy, link), security: found(securityPolicy, link), openData: found(openDataDeclaration, link) }).toEqual({
      privacy,
      security,
      openData,
    });
  });

  it('the page without any of them fails all three', () => {
    expect([privacyPolicy, securityPolicy, openDataDeclaration].map((r) => found(r, ''))).toEqual([false, false, false]);
  });

  it('edit distance over substrings is bounded and exact', () => {
    expect(substringEditDistance('資料開放宣告', '政府網站資料開放宣告')).toBe(0);
    expect(substringEditDistance('資料開放宣告', '資料開發宣告')).toBe(1);
    expect(substringEditDistance('資料開放宣告', '資料開放平臺')).toBe(2);
    expect(substringEditDistance('隱私權政策', '隱私權策')).toBe(1);
  });
});
