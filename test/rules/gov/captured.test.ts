// Government-site rules on captured artifacts of real Chromium loads (test/captures, npm run capture).
import { describe, expect, it } from 'vitest';
import { findingsOf, outcomeOf, replayed } from '../../helpers/captures.ts';

const SITE_ELEMENTS = ['gov/privacy-policy', 'gov/security-policy', 'gov/open-data-declaration', 'gov/sitemap-page', 'gov/contact-info', 'gov/site-search', 'gov/english-version', 'gov/info-disclosure'];

describe('gov/* on captured pages', () => {
  it('a home page with the policy links, contact details, search and English version passes them', () => {
    const r = replayed('gov-home');
    for (const rule of [...SITE_ELEMENTS, 'gov/mobile-viewport', 'gov/national-id-exposed']) expect(outcomeOf(r, rule), rule).toBe('pass');
  });

  it('a bare page fails them, and its national ID, desktop-only layout and broken links are found', () => {
    const r = replayed('gov-bare');
    for (const rule of SITE_ELEMENTS) expect(outcomeOf(r, rule), rule).toBe('fail');
    const ids = findingsOf(r, 'gov/national-id-exposed');
    expect(ids).toHaveLength(1);
    expect(ids[0].snippet).toContain('A12****789');
    expect(ids[0].snippet).not.toContain('A123456789');
    // Measured by the browser at 320 px: the fixed 1200 px wrapper overflows.
    expect(findingsOf(r, 'gov/mobile-viewport').map((f) => f.message).join('\n')).toMatch(/320 px wide window the page is 12\d\d px/);
    expect(findingsOf(r, 'gov/broken-links').map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/舊專區.*404/)]));
    expect(findingsOf(r, 'gov/broken-links')).toHaveLength(6);
  });
});
