// Taiwan conventions on captured artifacts of real Chromium loads (test/captures, npm run capture).
import { describe, expect, it } from 'vitest';
import { findingsOf, outcomeOf, replayed } from '../../helpers/captures.ts';

describe('tw/* on captured pages', () => {
  it('a page following the conventions passes every tw rule that applies', () => {
    const r = replayed('tw-good');
    for (const rule of ['tw/skip-link', 'tw/guide-bricks', 'tw/accessibility-mark', 'tw/accessibility-mark-expired', 'tw/new-window', 'tw/open-formats', 'tw/decorative-image-title', 'tw/absolute-font-size']) {
      expect(outcomeOf(r, rule), rule).toBe('pass');
    }
    expect(r.skippedPages).toEqual([]);
  });

  // The three markup styles of test/rules/tw/fixtures.ts as Chromium loaded them (the tests there edit them
  // into failing variants): real tab order, visibility and resolved links, no approximation from markup.
  it.each(['tw-hyweb', 'tw-legacy', 'tw-modern'] as const)('the %s home page passes the skip link, bricks, new-window and open-format rules', (name) => {
    const r = replayed(name);
    for (const rule of ['tw/skip-link', 'tw/guide-bricks', 'tw/new-window', 'tw/open-formats']) expect(outcomeOf(r, rule), rule).toBe('pass');
    expect(r.skippedPages).toEqual([]);
  });

  it('a legacy page fails each convention, with the element as evidence', () => {
    const r = replayed('tw-bad');
    // The browser's first tab stop is the logo link, not a skip link.
    expect(findingsOf(r, 'tw/skip-link').map((f) => f.selector)).toEqual(['body > header > a']);
    expect(findingsOf(r, 'tw/guide-bricks')).toHaveLength(1);
    // The application link opens a window too; its stylesheet-hidden copy and its <noscript> copy (same href
    // and text) are not taken for it: links join the browser's records by ref, not by n-th href occurrence.
    expect(findingsOf(r, 'tw/new-window').map((f) => f.snippet)).toEqual([expect.stringContaining('target="_blank">相關網站'), '<a id="apply" href="/apply/" target="_blank">線上申辦</a>']);
    expect(findingsOf(r, 'tw/open-formats').map((f) => f.snippet)).toEqual([expect.stringContaining('form.doc')]);
    expect(findingsOf(r, 'tw/decorative-image-title').map((f) => f.selector)).toEqual(['body > main > img']);
    expect(findingsOf(r, 'tw/absolute-font-size')[0]?.message).toMatch(/font-size: 12px/);
    expect(findingsOf(r, 'tw/zoom-locked')[0]?.message).toMatch(/user-scalable=no/);
    // The mark is there and linked, but its number dates it to 2020: over 3 years before the capture's date.
    expect(outcomeOf(r, 'tw/accessibility-mark')).toBe('pass');
    expect(findingsOf(r, 'tw/accessibility-mark-expired')[0]?.message).toMatch(/2020-01-01/);
  });
});
