// security/headers: basic protective response headers on the HTTPS start page — X-Content-Type-Options:
// nosniff, clickjacking protection (X-Frame-Options or CSP frame-ancestors) and a Referrer-Policy (a
// <meta name="referrer"> counts). One minor finding listing what is missing.
import type { SiteRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { headerOf, httpsStartPage } from './lib.ts';

export const securityHeaders: SiteRule = {
  meta: {
    id: 'security/headers',
    requires: ['headers', 'meta'],
    category: 'security',
    severity: 'minor',
    scope: 'site',
    wcag: [],
    title: msg('首頁應送出基本安全標頭', 'The start page should send basic security headers'),
    description: msg(
      '建議的基本安全標頭：X-Content-Type-Options: nosniff（防止 MIME 型別混淆）、X-Frame-Options 或 CSP frame-ancestors（防止點擊劫持）、Referrer-Policy（避免網址外洩）。',
      'Recommended basic security headers: X-Content-Type-Options: nosniff (no MIME sniffing), X-Frame-Options or CSP frame-ancestors (no clickjacking), Referrer-Policy (no URL leaks).',
    ),
    howToFix: msg(
      '在網頁伺服器加上：X-Content-Type-Options: nosniff；X-Frame-Options: SAMEORIGIN（或 Content-Security-Policy: frame-ancestors \'self\'）；Referrer-Policy: strict-origin-when-cross-origin。',
      "Have the web server send: X-Content-Type-Options: nosniff; X-Frame-Options: SAMEORIGIN (or Content-Security-Policy: frame-ancestors 'self'); Referrer-Policy: strict-origin-when-cross-origin.",
    ),
    helpUrl: 'https://owasp.org/www-project-secure-headers/',
    source: 'OWASP Secure Headers Project',
  },
  check(site) {
    const start = httpsStartPage(site);
    if (!start) return notApplicable(); // plain-http sites: security/no-https covers them
    const missing: string[] = [];
    if (!/nosniff/i.test(headerOf(start, 'x-content-type-options') ?? '')) missing.push('X-Content-Type-Options: nosniff');
    const xfo = headerOf(start, 'x-frame-options');
    const csp = headerOf(start, 'content-security-policy') ?? '';
    if (!xfo?.trim() && !/(?:^|;)\s*frame-ancestors\b/i.test(csp)) missing.push('X-Frame-Options / CSP frame-ancestors');
    const metaReferrer = start.meta.some((m) => (m.name ?? '').toLowerCase() === 'referrer' && m.content.trim());
    if (!headerOf(start, 'referrer-policy')?.trim() && !metaReferrer) missing.push('Referrer-Policy');
    if (missing.length === 0) return pass();
    return fail({
      message: msg(`首頁回應缺少安全標頭：${missing.join('、')}`, `The start page response lacks security headers: ${missing.join(', ')}`),
      data: { missing },
    });
  },
};
