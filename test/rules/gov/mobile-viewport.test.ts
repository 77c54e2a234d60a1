import { describe, expect, it } from 'vitest';
import { followsDeviceWidth, mobileViewport } from '../../../rules/gov/mobile-viewport.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { homePage } from './home-pages.ts';
import { runOnHtml, runOnPage } from './run.ts';

const layout = (narrowScrollWidth: number | null) => ({ viewportWidth: 1280, scrollWidth: 1280, documentHeight: 2000, narrowScrollWidth });

describe('gov/mobile-viewport', () => {
  it('a device-width viewport that reflows at 320 px passes', () => {
    expect(runOnHtml(mobileViewport, homePage('modern', 'zh'), { layout: layout(320) })).toEqual({ applicable: true, findings: [] });
  });

  it('a legacy table page without a viewport is a finding', () => {
    const r = runOnHtml(mobileViewport, homePage('legacy', 'zh'), { layout: layout(null) });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toMatch(/No viewport meta tag/);
  });

  it('a fixed-width viewport is a finding naming its content', () => {
    const html = '<html><head><meta name="viewport" content="width=1024"></head><body></body></html>';
    const r = runOnHtml(mobileViewport, html, { layout: layout(320) });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message['zh-TW']).toContain('width=1024');
  });

  it('horizontal scrolling at 320 px is a finding even with a good viewport', () => {
    const r = runOnHtml(mobileViewport, homePage('modern', 'en'), { layout: layout(980) });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toContain('980 px');
    expect(r.findings[0]!.data).toMatchObject({ narrowScrollWidth: 980 });
  });

  it('one pixel of rounding is tolerated', () => {
    expect(runOnHtml(mobileViewport, homePage('modern', 'zh'), { layout: layout(321) }).findings).toEqual([]);
    expect(runOnHtml(mobileViewport, homePage('modern', 'zh'), { layout: layout(322) }).findings).toHaveLength(1);
  });

  it('reads the viewport from the gathered meta list as well as the DOM', () => {
    const page = makePage('<html><body></body></html>', {
      meta: [{ name: 'Viewport', property: null, httpEquiv: null, content: 'width=device-width,initial-scale=1' }],
    });
    const r = runOnPage(mobileViewport, page);
    expect(r.findings).toEqual([]);
  });

  it.each([
    ['width=device-width, initial-scale=1', true],
    ['initial-scale=1.0', true],
    ['width=device-width,user-scalable=no', true],
    ['width=1200', false],
    ['initial-scale=0.5', false],
    ['', false],
  ])('viewport %s → %s', (content, expected) => {
    expect(followsDeviceWidth(content)).toBe(expected);
  });
});
