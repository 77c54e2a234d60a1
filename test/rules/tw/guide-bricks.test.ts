import { describe, expect, it } from 'vitest';
import { guideBricks } from '../../../rules/tw/guide-bricks.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN } from './fixtures.ts';
import { edit, run } from './helpers.ts';

const messages = (html: string, page = makePage(html)) => run(guideBricks, page).findings.map((f) => f.message);

describe('tw/guide-bricks', () => {
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
    expect(m!['zh-TW']).toBe('頁面沒有導盲磚（::: 快速鍵錨點 U、C 及頁尾）');
    expect(m!.en).toContain('no guide bricks');
  });

  it('reports ::: anchors that have no accesskey', () => {
    const html = LEGACY.replace(/ accesskey="[UCZ]"/g, '');
    expect(messages(html)[0]!.en).toContain('none carries an accesskey');
  });

  it('reports bricks whose href is only "#" (HyUI 2016 placeholder bricks, vac_home/mp.html) unless they handle the click', () => {
    // The bricks of HywebU00/2016_vac vac_home/mp.html, as delivered: no id, no target, no script handling them.
    const html = `<html><body><div class="header"><ul><li class="MobileHide"><a href="#" title="上方導覽區塊 [快速鍵Alt+U]" accesskey="U" style="color:#FFFFFF">:::</a></li></ul></div>
      <div class="center"><div class="accesskey"><a href="#" title="中央內容區塊" accesskey="C">:::</a></div><p>內容</p></div>
      <div class="footer"><div class="accesskey"><a href="#" title="下方導覽區塊 [快速鍵Alt+B]" accesskey="B">:::</a></div></div></body></html>`;
    const found = messages(html).map((m) => m.en);
    expect(found).toHaveLength(3);
    expect(found.filter((m) => m.includes('links only to "#"'))).toHaveLength(3);
    expect(messages(html.replaceAll('href="#"', 'href="#" onclick="jump(this)"'))).toEqual([]);
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

  it('reports a missing C brick, and a missing footer brick as its own minor finding', () => {
    const noC = edit(MODERN, /<a href="#C"[^>]*>:::<\/a>/, '');
    const [m] = messages(noC);
    expect(m!['zh-TW']).toBe('缺少導盲磚：C（中央內容區塊）');
    expect(m!.en).toBe('Missing guide bricks: C (main content)');
    // Only U and C (several agency templates): one minor finding, not "missing Z".
    const onlyUC = edit(MODERN, /<a href="#Z"[^>]*>:::<\/a>/, '');
    const findings = run(guideBricks, makePage(onlyUC)).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('minor');
    expect(findings[0]!.message.en).toBe('No guide brick marks the footer (e.g. accesskey Z "下方功能區塊" or F "頁尾區")');
    expect(findings[0]!.message.en).not.toContain('Missing guide bricks');
    expect(findings[0]!.data).toMatchObject({ missingFooterBrick: true, keys: ['U', 'C'], footerKey: null });
  });

  // Footer bricks as real templates write them: the key varies, the region is what counts.
  const FOOTER_BRICKS: [string, string][] = [
    ['Z 下方功能區塊 (HyUI)', '<a href="#Z" id="Z" accesskey="Z" title="下方功能區塊">:::</a>'],
    ['F 頁尾區', '<a href="#F" id="F" accesskey="F" title="頁尾區">:::</a>'],
    ['B FatFooter', '<a href="#B" id="B" accesskey="B" title="FatFooter">:::</a>'],
    ['B 下方選單連結區', '<a href="#Accesskey_B" id="Accesskey_B" accesskey="b" title="下方選單連結區">:::</a>'],
    ['D 頁腳 (full-width colons)', '<a href="#D" id="D" accesskey="D" title="頁腳">：：：</a>'],
    ['untitled ::: with key X, last after C', '<a href="#X" id="X" accesskey="X">:::</a>'],
  ];
  it.each(FOOTER_BRICKS)('accepts the footer brick %s', (_, footer) => {
    const html = `<html><body>
      <header><a href="#U" id="U" accesskey="U" title="上方功能區塊">:::</a><nav><a href="/">首頁</a></nav></header>
      <main><a href="#C" id="C" accesskey="C" title="中央內容區塊">:::</a><h1>最新消息</h1></main>
      <footer>${footer}<p>地址：臺北市</p></footer></body></html>`;
    expect(messages(html)).toEqual([]);
  });

  it('does not take a side-column brick or the search key for the footer brick', () => {
    const html = `<html><body>
      <header><a href="#U" id="U" accesskey="U" title="上方功能區塊">:::</a><input accesskey="S" title="搜尋"></header>
      <aside><a href="#L" id="L" accesskey="L" title="左側選單區">:::</a></aside>
      <main><a href="#C" id="C" accesskey="C" title="中央內容區塊">:::</a></main></body></html>`;
    const findings = run(guideBricks, makePage(html)).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.data).toMatchObject({ missingFooterBrick: true, keys: ['U', 'C'] });
  });

  it('reports a footer brick with another key whose target is missing, or a duplicated footer key', () => {
    const broken = `<html><body><a href="#U" id="U" accesskey="U" title="上方功能區塊">:::</a>
      <a href="#C" id="C" accesskey="C" title="中央內容區塊">:::</a><a href="#F" accesskey="F" title="頁尾區">:::</a></body></html>`;
    expect(messages(broken).map((m) => m.en)).toEqual(['Guide brick F links to #F, but no element on the page has that id or name']);
    const dup = `<html><body><a href="#U" id="U" accesskey="U" title="上方功能區塊">:::</a>
      <a href="#C" id="C" accesskey="C" title="中央內容區塊">:::</a><a href="#F" id="F" accesskey="F" title="頁尾區">:::</a>
      <a href="#F2" id="F2" accesskey="F" title="頁尾區">:::</a></body></html>`;
    expect(messages(dup).map((m) => m.en)).toEqual(['Access key F is assigned to 2 elements']);
  });

  it('judges a target as the browser resolves it: an id with a trailing space is not the id', () => {
    const html = `<html><body><a href="#U" id="U" accesskey="U" title="上方功能區塊">:::</a>
      <a href="#C" id="C " accesskey="C" title="中央內容區塊">:::</a><a href="#Z" id="Z" accesskey="Z" title="下方功能區塊">:::</a></body></html>`;
    expect(messages(html).map((m) => m.en)).toEqual(['Guide brick C links to #C, but no element on the page has that id or name']);
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
      { 'zh-TW': '導盲磚指向的區塊順序不符（應為 U 上方、C 中央、頁尾最後）', en: 'Guide bricks point at regions out of order (U header, then C main, then the footer)' },
    ]);
  });

  it('is not applicable without HTML', () => {
    expect(run(guideBricks, makePage('', { html: '' })).applicable).toBe(false);
  });
});
