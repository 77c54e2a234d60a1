import { describe, expect, it } from 'vitest';
import { guideBricks } from '../../../rules/tw/guide-bricks.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN, STYLES } from './fixtures.ts';
import { edit, run } from './helpers.ts';

const messages = (html: string, page = makePage(html)) => run(guideBricks, page).findings.map((f) => f.message);

describe('tw/guide-bricks', () => {
  it.each(Object.entries(STYLES))('passes the %s home page', (_, html) => {
    expect(run(guideBricks, makePage(html))).toEqual({ applicable: true, findings: [] });
  });

  it('accepts self-targeting name anchors and HyUI span bricks with tabindex', () => {
    const html = `<html><body>
      <div class="header"><a id="AU" name="U" accesskey="U" href="#U" title="上方功能區塊"> ::: </a></div>
      <div class="main"><span tabindex="0" name="C" title="跳到主要區塊" accesskey="C">：：：</span></div>
      <div class="footer"><a href="#Z" id="AZ" title="下方功能區塊" accesskey="Z" name="Z">:::</a></div></body></html>`;
    expect(messages(html)).toEqual([]);
  });

  it('reports a page without any guide brick (modern layout)', () => {
    let html = MODERN;
    for (const k of ['U', 'C', 'Z']) html = edit(html, new RegExp(`<a href="#${k}"[^>]*>:::</a>`), '');
    const [m] = messages(html);
    expect(m!['zh-TW']).toBe('頁面沒有導盲磚（::: 快速鍵錨點 U、C、Z）');
    expect(m!.en).toContain('no guide bricks');
  });

  it('reports ::: anchors that have no accesskey', () => {
    const html = LEGACY.replace(/ accesskey="[UCZ]"/g, '');
    expect(messages(html)[0]!.en).toContain('none carries an accesskey');
  });

  it('does not mistake a login field accesskey="u" for the header brick', () => {
    const html = '<html><body><form><label>User ID <input name="user" accesskey="u"></label></form></body></html>';
    expect(messages(html)[0]!.en).toContain('no guide bricks');
  });

  it('reports a brick whose href resolves to nothing (Hyweb, id of #aC removed)', () => {
    const html = edit(HYWEB, 'href="#aC" id="aC"', 'href="#aC"');
    const [m] = messages(html);
    expect(m!['zh-TW']).toContain('#aC');
    expect(m!.en).toContain('no element on the page has that id or name');
  });

  it('reports a brick without href that cannot take focus (legacy <a name> only)', () => {
    const html = edit(LEGACY, '<a href="#Z" name="Z" accesskey="Z"', '<a name="Z" accesskey="Z"');
    expect(messages(html)[0]!.en).toContain('cannot take focus');
  });

  it('reports a brick that links to another page', () => {
    const html = edit(MODERN, 'href="#C" id="C"', 'href="/index.html#C" id="C"');
    const page = makePage(html, { url: 'https://www.example.gov.tw/en/about', finalUrl: 'https://www.example.gov.tw/en/about' });
    expect(messages(html, page)[0]!.en).toContain('links to another page');
  });

  it('reports missing keys', () => {
    const html = edit(MODERN, /<a href="#Z"[^>]*>:::<\/a>/, '');
    const [m] = messages(html);
    expect(m!['zh-TW']).toBe('缺少導盲磚：Z（下方功能區塊）');
    expect(m!.en).toBe('Missing guide bricks: Z (footer)');
  });

  it('reports a duplicated key but ignores a hidden mobile copy', () => {
    const dup = edit(HYWEB, '<h2>最新消息</h2>', '<h2>最新消息</h2><a href="#aC" accesskey="C" title="中央內容區塊">:::</a>');
    expect(messages(dup).some((m) => m.en === 'Access key C is assigned to 2 elements')).toBe(true);
    const hiddenCopy = edit(HYWEB, '<h2>最新消息</h2>', '<div class="sidebar" style="display: none"><a href="#aC" accesskey="C" title="中央內容區塊">:::</a></div><h2>最新消息</h2>');
    expect(messages(hiddenCopy)).toEqual([]);
    // The browser's visibility wins over markup (a CSS-hidden copy).
    const cssHidden = edit(HYWEB, '<h2>最新消息</h2>', '<h2>最新消息</h2><a class="m" href="#aC" accesskey="C" title="中央內容區塊">:::</a>');
    const page = makePage(cssHidden);
    const copies = page.links.filter((l) => l.rawHref === '#aC');
    copies[1]!.visible = false;
    expect(run(guideBricks, page).findings).toEqual([]);
  });

  it('reports a brick without a title (zh and en)', () => {
    const html = edit(LEGACY, ' title="中央內容區"', '');
    const [m] = messages(html);
    expect(m!['zh-TW']).toBe('導盲磚 C 沒有 title 說明區塊名稱（如「中央內容區塊」）');
    expect(m!.en).toContain('has no title');
  });

  it('reports a title that names another region, but accepts other wording for its own', () => {
    const wrong = edit(HYWEB, 'accesskey="C" title="中央內容區塊"', 'accesskey="C" title="下方功能區塊"');
    expect(messages(wrong)[0]!.en).toContain('names the footer');
    const other = edit(HYWEB, 'accesskey="U" title="上方功能區塊"', 'accesskey="U" title="網站標題"');
    expect(messages(other)).toEqual([]);
  });

  it('reports regions out of order', () => {
    const html = `<html><body>
      <div id="top"><a href="#U" id="U" accesskey="U" title="上方功能區塊">:::</a></div>
      <div id="foot"><a href="#Z" id="Z" accesskey="Z" title="下方功能區塊">:::</a></div>
      <div id="main"><a href="#C" id="C" accesskey="C" title="中央內容區塊">:::</a></div></body></html>`;
    expect(messages(html)).toEqual([
      { 'zh-TW': '導盲磚指向的區塊順序不符（應為 U 上方、C 中央、Z 下方）', en: 'Guide bricks point at regions out of order (U header, then C main, then Z footer)' },
    ]);
  });

  it('is not applicable without HTML', () => {
    expect(run(guideBricks, makePage('', { html: '' })).applicable).toBe(false);
  });
});
