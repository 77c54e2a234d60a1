import { describe, expect, it } from 'vitest';
import { skipLink } from '../../../rules/tw/skip-link.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN, STYLES } from './fixtures.ts';
import { edit, pageOf, run } from './helpers.ts';

const wrap = (first: string, rest = '<main id="main"><h1>內容</h1></main>') => `<html><body>${first}${rest}</body></html>`;

describe('tw/skip-link', () => {
  it.each(Object.entries(STYLES))('passes the %s home page', (_, html) => {
    expect(run(skipLink, pageOf(html))).toEqual({ applicable: true, findings: [] });
  });

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

  it('is not applicable when the focus order could not be gathered', () => {
    expect(run(skipLink, makePage(HYWEB))).toEqual({ applicable: false, findings: [] });
  });
});
