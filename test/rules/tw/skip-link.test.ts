import { describe, expect, it } from 'vitest';
import { skipLink } from '../../../rules/tw/skip-link.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN } from './fixtures.ts';
import { edit, pageOf, run } from './helpers.ts';

const wrap = (first: string, rest = '<main id="main"><h1>內容</h1></main>') => `<html><body>${first}${rest}</body></html>`;

describe('tw/skip-link', () => {
  it.each([
    ['跳到主要內容', '<a href="#main">跳到主要內容</a>'],
    ['跳至主要內容區塊 (title only)', '<a href="#main" title="跳至主要內容區塊"><span class="sr-only"></span></a>'],
    ['移至主要內容', '<a href="#main">移至主要內容</a>'],
    ['跳過導覽列', '<a href="#main">跳過導覽列</a>'],
    ['simplified 跳到主要内容', '<a href="#main">跳到主要内容</a>'],
    ['按 Enter 到主內容區', '<a href="#main">按 Enter 到主內容區</a>'],
    ['Skip to main content', '<a href="#main">Skip to main content</a>'],
    ['Skip navigation', '<a href="#main">Skip navigation</a>'],
    ['Jump to content (aria-label)', '<a href="#main" aria-label="Jump to content">↓</a>'],
    ['C guide brick', '<a href="#C" id="C" accesskey="C" title="中央內容區塊">:::</a>'],
  ])('recognises %s as the first stop', (_, first) => {
    expect(run(skipLink, pageOf(wrap(first))).findings).toEqual([]);
  });

  it('reads the title of the very element the browser focused, not of another one its selector also matches', () => {
    // Selectors stop at six steps, so both bricks are named "div > div > div > div > div > a"; the first
    // is not a tab stop (tabindex=-1). The focus record joins its element by ref, not by that selector.
    const deep = (a: string) => `<div><div><div><div><div><div>${a}</div></div></div></div></div></div>`;
    const html = wrap(deep('<a href="#sitemap" tabindex="-1" title="網站導覽">:::</a>') + deep('<a href="#C" title="中央內容區塊">:::</a>'), '<main id="C"><h1>內容</h1></main>');
    const page = pageOf(html);
    expect(page.focusOrder[0]?.selector).toBe('div > div > div > div > div > a');
    expect(run(skipLink, page).findings).toEqual([]);
  });

  // Real spellings seen on agency templates; the rule recognises the family, not this list.
  it.each([
    ['跳至內容區', '<a href="#main" class="sr-only sr-only-focusable">跳至內容區</a>'],
    ['跳到主要內容區塊', '<a href="#main" title="跳到主要內容區塊">跳到主要內容區塊</a>'],
    ['按Enter到主內容區 (tabindex=1)', '<a href="#main" tabindex="1" class="goCenter">按Enter到主內容區</a>'],
    ['please press Enter to content', '<a href="#main" class="acc">please press Enter to content</a>'],
    ['Skip to main content', '<a href="#main" tabindex="0">Skip to main content</a>'],
    ['跳至主要內容', '<a href="#main">跳至主要內容</a>'],
    ['跳到中央內容區塊', '<a href="#main">跳到中央內容區塊</a>'],
    ['略過主選單', '<a href="#main">略過主選單</a>'],
    ['前往主內容區', '<a href="#main">前往主內容區</a>'],
    ['直接跳到 主要內容 (split by spaces)', '<a href="#main">直接跳到 主要 內容</a>'],
    ['移至主要内容 (simplified)', '<a href="#main">移至主要内容</a>'],
    ['跳到本頁主要內容', '<a href="#main">跳到本頁主要內容</a>'],
    ['按 Enter 鍵跳至主要內容', '<a href="#main">按 Enter 鍵跳至主要內容</a>'],
    ['Jump to content', '<a href="#main">Jump to content</a>'],
    ['Skip to content', '<a href="#main">Skip to content</a>'],
    ['主要內容區 (region name only)', '<a href="#main">主要內容區</a>'],
    ['full-width ＳＫＩＰ', '<a href="#main">Ｓｋｉｐ ｔｏ ｍａｉｎ ｃｏｎｔｅｎｔ</a>'],
  ])('recognises the wording %s', (_, first) => {
    expect(run(skipLink, pageOf(wrap(first))).findings).toEqual([]);
  });

  it('a skip link with tabindex="1" after the logo is still the first stop; tabindex="-1" is not reachable', () => {
    const logo = '<a href="/"><img src="logo.png" alt="臺北市政府"></a>';
    expect(run(skipLink, pageOf(wrap(`${logo}<a href="#main" tabindex="1">跳到主要內容區</a>`))).findings).toEqual([]);
    const unreachable = run(skipLink, pageOf(wrap(`${logo}<a href="#main" tabindex="-1">跳到主要內容區</a>`))).findings;
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]!.data).toMatchObject({ skipLinkElsewhere: true });
  });

  it.each([
    ['回首頁', '<a href="#top">回首頁</a>'],
    ['網站導覽', '<a href="#nav">網站導覽</a>'],
    ['Skip ad', '<a href="#ad">Skip ad</a>'],
    ['a headline that mentions content', '<a href="#news">本府公告：有關「主要內容」之網站改版說明，請民眾參閱最新消息並依照本公告內容辦理相關申請手續及注意事項等事宜，詳細內容請見附件說明</a>'],
    ['業務內容', '<a href="#biz">業務內容</a>'],
  ])('does not take %s for a skip link', (_, first) => {
    expect(run(skipLink, pageOf(wrap(first))).findings).toHaveLength(1);
  });

  it('fails when the first stop is the U guide brick (Hyweb page without goCenter)', () => {
    const html = edit(HYWEB, /<a class="goCenter"[^>]*>[^<]*<\/a>/, '');
    const result = run(skipLink, pageOf(html));
    expect(result.applicable).toBe(true);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message['zh-TW']).toContain('不是跳到主要內容的連結');
    expect(result.findings[0]!.data).toMatchObject({ skipLinkElsewhere: false, firstStop: { text: ':::' } });
  });

  it('fails when the skip link exists but is not first (modern page, link moved after the nav)', () => {
    const moved = edit(MODERN, '<a class="skip-link" href="#main-content">Skip to main content</a>', '');
    const html = edit(moved, '</nav>', '</nav><a class="skip-link" href="#main-content">Skip to main content</a>');
    const [finding] = run(skipLink, pageOf(html)).findings;
    expect(finding!.message.en).toContain('not the first focusable element');
    expect(finding!.data).toMatchObject({ skipLinkElsewhere: true });
  });

  it('fails when the target does not exist (Hyweb goCenter → #center removed)', () => {
    const html = edit(HYWEB, '<div id="center" class="main">', '<div class="main">');
    const [finding] = run(skipLink, pageOf(html)).findings;
    expect(finding!.message['zh-TW']).toContain('#center');
    expect(finding!.message.en).toContain('does not exist');
  });

  it('fails on the legacy page when the name anchor of the target is missing', () => {
    const html = edit(LEGACY, '<a name="content"></a>', '');
    expect(run(skipLink, pageOf(html)).findings).toHaveLength(1);
  });

  it('trusts the browser when it says the target is missing', () => {
    const page = pageOf(wrap('<a href="#main">跳到主要內容</a>'));
    page.focusOrder[0] = { ...page.focusOrder[0]!, targetExists: false };
    expect(run(skipLink, page).findings).toHaveLength(1);
  });

  it('fails a skip link that leaves the page', () => {
    const html = wrap('<a href="/index.htm#content">跳到主要內容</a>');
    const page = pageOf(html, { url: 'https://www.example.gov.tw/news.htm', finalUrl: 'https://www.example.gov.tw/news.htm' });
    expect(run(skipLink, page).findings[0]!.message.en).toContain('another page');
  });

  it('accepts an absolute URL to the same page', () => {
    const html = wrap('<a href="https://www.example.gov.tw/news.htm#main">Skip to content</a>');
    const page = pageOf(html, { url: 'https://www.example.gov.tw/news.htm', finalUrl: 'https://www.example.gov.tw/news.htm' });
    expect(run(skipLink, page).findings).toEqual([]);
  });

  it('gives a script-driven skip control the benefit of the doubt', () => {
    const html = wrap('<div class="goCenter" tabindex="1" onclick="toMain()">跳到主要內容</div>');
    expect(run(skipLink, pageOf(html)).findings).toEqual([]);
  });

  it('fails when a logo link comes first', () => {
    const html = wrap('<a href="/"><img src="logo.png" alt="Ministry of Examples"></a><a href="#main">Skip to content</a>');
    expect(run(skipLink, pageOf(html)).findings).toHaveLength(1);
  });

  it('fails a page with nothing focusable (a blank or script-only page): it has no skip link', () => {
    const blank = makePage('<html><head><title>e 化服務系統</title></head><body><div id="app"></div></body></html>', { focusOrder: [] });
    const r = run(skipLink, blank);
    expect(r.applicable).toBe(true);
    expect(r.findings.map((f) => f.message.en)).toEqual(['The page has nothing that can take focus, so it has no skip-to-content link']);
  });

  it('is not applicable when the focus order could not be gathered', () => {
    expect(run(skipLink, makePage(HYWEB))).toEqual({ applicable: false, findings: [] });
  });
});
