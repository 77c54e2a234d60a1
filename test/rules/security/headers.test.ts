import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../rules/security/headers.ts';
import { check, HTTP_URL, HTTPS_URL, siteOf, startPage } from './helpers.ts';

describe('security/headers', () => {
  it('reports every missing header in one minor finding (zh and en)', () => {
    const { findings } = check(securityHeaders, siteOf(startPage(HTTPS_URL)));
    expect(findings).toHaveLength(1);
    expect(securityHeaders.meta.severity).toBe('minor');
    expect(findings[0]!.data).toEqual({ missing: ['X-Content-Type-Options: nosniff', 'X-Frame-Options / CSP frame-ancestors', 'Referrer-Policy'] });
    expect(findings[0]!.message['zh-TW']).toContain('首頁回應缺少安全標頭');
    expect(findings[0]!.message.en).toContain('lacks security headers');
  });

  it('passes with the three headers', () => {
    const site = siteOf(startPage(HTTPS_URL, { 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'strict-origin-when-cross-origin' }));
    expect(check(securityHeaders, site)).toEqual({ applicable: true, findings: [] });
  });

  it('accepts CSP frame-ancestors and a <meta name="referrer">', () => {
    const html = '<html><head><meta name="referrer" content="same-origin"></head><body></body></html>';
    const site = siteOf(startPage(HTTPS_URL, { 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'self'; frame-ancestors 'self'" }, html));
    expect(check(securityHeaders, site).findings).toEqual([]);
  });

  it('reports a wrong X-Content-Type-Options value', () => {
    const site = siteOf(startPage(HTTPS_URL, { 'x-content-type-options': 'sniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' }));
    expect(check(securityHeaders, site).findings[0]!.data).toEqual({ missing: ['X-Content-Type-Options: nosniff'] });
  });

  it('is not applicable on plain-http sites', () => {
    expect(check(securityHeaders, siteOf(startPage(HTTP_URL))).applicable).toBe(false);
  });
});
