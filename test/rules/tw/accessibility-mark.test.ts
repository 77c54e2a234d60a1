import { describe, expect, it } from 'vitest';
import { accessibilityMark } from '../../../rules/tw/accessibility-mark.ts';
import { findMark, levelFromSrc, levelFromText } from '../../../rules/tw/lib/mark.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN } from './fixtures.ts';
import { edit, run } from './helpers.ts';

describe('tw/accessibility-mark', () => {
  it.each([
    ['hyweb', HYWEB, { level: 'AA', markNumber: '20240516184854', region: 'footer' }],
    ['legacy', LEGACY, { level: 'A+', markNumber: '20160911130355' }],
    ['modern', MODERN, { level: 'AA', markNumber: '20250102093015', region: 'footer' }],
  ])('finds the linked mark on the %s home page and reads its level', (_, html, expected) => {
    const page = makePage(html);
    expect(run(accessibilityMark, page)).toEqual({ applicable: true, findings: [] });
    expect(findMark(page)).toMatchObject({ status: 'linked', ...expected });
  });

  it('accepts the NCC-era certificate host and a link built by script into the rendered DOM', () => {
    const html = '<html><body><footer><a href="https://accessibility.ncc.gov.tw/Applications/Detail?category=20220106151048" title="無障礙網站"><img src="/AA.png" width="88" height="31" alt="通過AA無障礙網頁檢測"></a></footer></body></html>';
    expect(run(accessibilityMark, makePage(html)).findings).toEqual([]);
    expect(findMark(makePage(html))).toMatchObject({ level: 'AA', markNumber: '20220106151048' });
  });

  it('reports a home page without any mark (zh and en)', () => {
    const html = edit(MODERN, /<a href="https:\/\/accessibility[^>]*>.*?<\/a>/s, '');
    const { findings } = run(accessibilityMark, makePage(html));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toEqual({ 'zh-TW': '首頁沒有無障礙標章', en: 'The home page shows no accessibility mark' });
    expect(findings[0]!.data).toEqual({ level: null, markNumber: null });
  });

  it('reports a mark image that is not linked (legacy table layout)', () => {
    const html = edit(LEGACY, /<a href="http:\/\/www\.handicap-free[^>]*>(<img[^>]*>)<\/a>/, '$1');
    const [finding] = run(accessibilityMark, makePage(html)).findings;
    expect(finding!.message.en).toContain('not linked');
    expect(finding!.data).toMatchObject({ level: 'A+', markNumber: null });
  });

  it('reports a mark image linked to somewhere other than the certificate page', () => {
    const html = edit(HYWEB, 'https://accessibility.moda.gov.tw/Applications/Detail?category=20240516184854', 'https://accessibility.moda.gov.tw/');
    const [finding] = run(accessibilityMark, makePage(html)).findings;
    expect(finding!.severity).toBe('moderate');
    expect(finding!.message['zh-TW']).toContain('而不是該標章的認證頁面');
  });

  it('reports a mark whose link goes to the agency page instead', () => {
    const html = edit(MODERN, 'https://accessibility.moda.gov.tw/Applications/Detail?category=20250102093015', '/en/accessibility');
    expect(run(accessibilityMark, makePage(html)).findings[0]!.message.en).toContain('not linked');
  });

  it('ignores a plain text link to the authority in a related-links list', () => {
    const html = '<html><body><ul><li><a href="https://accessibility.moda.gov.tw/">數位發展部 數位服務</a></li></ul></body></html>';
    expect(run(accessibilityMark, makePage(html)).findings[0]!.message.en).toBe('The home page shows no accessibility mark');
  });
});

describe('reading the mark level', () => {
  it.each([
    ['通過AA檢測等級無障礙網頁檢測', 'AA'],
    ['通過A+優先等級無障礙網頁檢測', 'A+'],
    ['通過A無障礙網頁檢測', 'A'],
    ['無障礙A+', 'A+'],
    ['無障礙A+標章(另開新視窗)', 'A+'],
    ['通過AAA檢測等級無障礙網頁檢測', 'AAA'],
    ['Accessibility conformance level AA', 'AA'],
    ['WCAG 2.1 AA', 'AA'],
    ['第二優先等級', 'AA'],
    ['無障礙標章2.0「另開新視窗」', null],
    ['無障礙網站', null],
    ['A website accessibility mark', null],
    ['', null],
  ])('%s → %s', (alt, level) => {
    expect(levelFromText(alt)).toBe(level);
  });

  it.each([
    ['/images/AA.png', 'AA'],
    ['/footer/icon-aa.png', 'AA'],
    ['xslGip/style1/images/A_Plus.gif', 'A+'],
    ['images/aplus.png', 'A+'],
    ['/brand/accessibility-aa.webp', 'AA'],
    ['new_images/down_41.jpg', null],
  ])('%s → %s', (src, level) => {
    expect(levelFromSrc(src)).toBe(level);
  });
});
