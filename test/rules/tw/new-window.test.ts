import { describe, expect, it } from 'vitest';
import { newWindow } from '../../../rules/tw/new-window.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN } from './fixtures.ts';
import { edit, run } from './helpers.ts';

const body = (inner: string) => `<html><body>${inner}</body></html>`;

describe('tw/new-window', () => {
  it.each([
    ['title 另開新視窗', '<a href="https://a.gov.tw/" target="_blank" title="交通部(另開新視窗)">交通部</a>'],
    ['text 「另開新視窗」', '<a href="https://a.gov.tw/" target="_blank">【政府網站資料開放宣告】「另開新視窗」</a>'],
    ['另開視窗', '<a href="https://a.gov.tw/" target="_blank">南投縣政府(另開視窗)</a>'],
    ['開新視窗', '<a href="https://a.gov.tw/" target="_blank" title="開新視窗">A</a>'],
    ['新視窗開啟', '<a href="https://a.gov.tw/" target="_blank">連結（新視窗開啟）</a>'],
    ['image alt', '<a href="https://www.gov.tw/" target="_blank"><img src="egov.png" alt="我的E政府(另開新視窗)"></a>'],
    ['icon aria-label', '<a href="https://a.gov.tw/" target="_blank">Report <i class="icon" aria-label="opens in a new tab"></i></a>'],
    ['aria-describedby', '<a href="https://a.gov.tw/" target="_blank" aria-describedby="nw">Report</a><span id="nw" hidden>Opens in a new window</span>'],
    ['(new window)', '<a href="https://a.gov.tw/" target="_blank">Ministry (new window)</a>'],
  ])('accepts %s', (_, link) => {
    expect(run(newWindow, makePage(body(link))).findings).toEqual([]);
  });

  it('reports a Hyweb link whose title lost 另開新視窗 (zh and en)', () => {
    const html = edit(HYWEB, 'title="Facebook(另開新視窗)"', 'title="Facebook"');
    const { findings } = run(newWindow, makePage(html));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toEqual({
      'zh-TW': '連結「Facebook」會開啟新視窗，但文字或 title 沒有註明「另開新視窗」',
      en: 'The link "Facebook" opens a new window, but its text or title does not say so',
    });
    expect(findings[0]!.snippet).toContain('facebook.com');
  });

  it('reports target="blank" (no underscore) on the legacy layout', () => {
    const html = edit(LEGACY, '<font size="2">南投縣政府(另開視窗)</font>', '<font size="2">南投縣政府</font>').replace('target="_blank"><font', 'target="blank"><font');
    expect(run(newWindow, makePage(html)).findings.map((f) => f.data)).toEqual([{ href: 'http://www.nantou.gov.tw/' }]);
  });

  it('reports the modern page when the visually hidden note is removed', () => {
    const html = edit(MODERN, ' <span class="visually-hidden">(opens in a new window)</span>', '');
    expect(run(newWindow, makePage(html)).findings[0]!.message.en).toContain('"Taiwan.gov.tw"');
  });

  it('skips mailto links, in-page links and links the browser reported invisible', () => {
    const html = body('<a href="mailto:a@b.gov.tw" target="_blank">信箱</a><a href="#x" target="_blank">x</a><a class="m" href="https://a.gov.tw/" target="_blank">A</a>');
    const page = makePage(html);
    page.links[2]!.visible = false;
    expect(run(newWindow, page).applicable).toBe(false);
  });

  it('caps findings at 50 per page and counts the rest', () => {
    const links = Array.from({ length: 60 }, (_, i) => `<a href="https://a.gov.tw/${i}" target="_blank">Link ${i}</a>`).join('');
    const { findings } = run(newWindow, makePage(body(links)));
    expect(findings).toHaveLength(50);
    expect(findings[49]!.data).toMatchObject({ moreElements: 10 });
  });

  it('is not applicable without new-window links', () => {
    expect(run(newWindow, makePage(body('<a href="/a">A</a>'))).applicable).toBe(false);
  });
});
