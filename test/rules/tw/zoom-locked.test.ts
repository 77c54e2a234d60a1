import { describe, expect, it } from 'vitest';
import { zoomLocked } from '../../../rules/tw/zoom-locked.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { HYWEB, LEGACY, MODERN } from './fixtures.ts';
import { edit, run } from './helpers.ts';

const viewport = (content: string) => `<html><head><meta name="viewport" content="${content}"></head><body></body></html>`;

describe('tw/zoom-locked', () => {
  it.each(Object.entries({ hyweb: HYWEB, modern: MODERN }))('is not applicable to the %s page (no zoom limits)', (_, html) => {
    expect(run(zoomLocked, makePage(html)).applicable).toBe(false);
  });

  it('is not applicable without a viewport (legacy layout)', () => {
    expect(run(zoomLocked, makePage(LEGACY)).applicable).toBe(false);
  });

  it('reports the HyUI "lock zoom" snippet (zh and en)', () => {
    const html = edit(HYWEB, 'content="width=device-width, initial-scale=1"', 'content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no"');
    const { findings } = run(zoomLocked, makePage(html));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toEqual({ 'zh-TW': 'meta viewport 的 user-scalable=no 禁止使用者縮放頁面', en: "The meta viewport's user-scalable=no stops users zooming" });
  });

  it.each([
    ['user-scalable=no', true],
    ['user-scalable=0', true],
    ['maximum-scale=1', true],
    ['width=device-width; maximum-scale=1.5', true],
    ['maximum-scale=yes', true],
    ['maximum-scale=2', false],
    ['maximum-scale=5, user-scalable=yes', false],
    ['user-scalable=yes', false],
    ['maximum-scale=-1', false],
  ])('%s → locked %s', (content, locked) => {
    expect(run(zoomLocked, makePage(viewport(content))).findings.length > 0).toBe(locked);
  });

  // The viewports of the W3C ACT rule b4f0c3 ("meta viewport allows for zoom") test cases, with ACT's
  // expected outcome (w3c/wcag-act-rules testcases, as in ../shared/corpus/act).
  it.each([
    ['<meta name="viewport" content="user-scalable=yes" />', 'passed'],
    ['<meta name="viewport" content="maximum-scale=2.0" />', 'passed'],
    ['<meta name="viewport" content="maximum-scale=-1" />', 'passed'],
    ['<meta name="viewport" content="user-scalable=5" />', 'passed'],
    ['<meta name="viewport" content="maximum-scale=device-width" />', 'passed'],
    ['<meta name="viewport" content="user-scalable=no" />', 'failed'],
    ['<meta name="viewport" content="user-scalable=yes, initial-scale=0.8, maximum-scale=1.5" />', 'failed'],
    ['<meta name="viewport" content="maximum-scale=1.0" />', 'failed'],
    ['<meta name="viewport" content="maximum-scale=yes" />', 'failed'],
    ['<meta name="viewport" content="user-scalable=0.5" />', 'failed'],
    ['<meta name="viewport" content="user-scalable=invalid" />', 'failed'],
    ['<meta name="viewport" content="maximum-scale=invalid" />', 'failed'],
    ['', 'inapplicable'],
    ['<meta name="viewport" />', 'inapplicable'],
    ['<meta name="viewport" content="width=device-width" />', 'inapplicable'],
    ['<meta name="viewport" content="" />', 'inapplicable'],
  ])('ACT b4f0c3: %s → %s', (meta, expected) => {
    const result = run(zoomLocked, makePage(`<!DOCTYPE html><html lang="en"><head><title>t</title>${meta}</head><body>Hello</body></html>`));
    const outcome = !result.applicable ? 'inapplicable' : result.findings.length ? 'failed' : 'passed';
    expect(outcome).toBe(expected);
  });
});
