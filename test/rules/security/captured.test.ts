// Security rules on captured artifacts of real Chromium loads over plain HTTP (test/captures, npm run capture).
import { describe, expect, it } from 'vitest';
import { findingsOf, outcomeOf, replayed } from '../../helpers/captures.ts';

describe('security/* on captured pages', () => {
  it('a site served over plain HTTP fails security/no-https; HTTPS-only checks do not apply', () => {
    const r = replayed('gov-home');
    expect(findingsOf(r, 'security/no-https')[0]?.message).toMatch(/plain HTTP/);
    for (const rule of ['security/no-hsts', 'security/mixed-content', 'security/tls-certificate', 'security/headers']) expect(outcomeOf(r, rule), rule).toBe('inapplicable');
  });

  it('a page that is no directory listing passes security/directory-listing', () => {
    expect(outcomeOf(replayed('tw-good'), 'security/directory-listing')).toBe('pass');
  });
});
