// security/no-hsts: an HTTPS start page without Strict-Transport-Security, so the first visit (or a
// typed bare domain) can still be downgraded to http://. max-age under a year is too short to help
// returning visitors much and is not preload-eligible: a minor finding.
import type { SiteRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { headerOf, httpsStartPage } from './lib.ts';

const ONE_YEAR_SECONDS = 31_536_000;

export function hstsMaxAge(header: string): number | null {
  const m = /(?:^|;)\s*max-age\s*=\s*"?(\d+)"?/i.exec(header);
  return m ? Number(m[1]) : null;
}

export const noHsts: SiteRule = {
  meta: {
    id: 'security/no-hsts',
    requires: ['headers'],
    category: 'security',
    severity: 'moderate',
    scope: 'site',
    wcag: [],
    title: msg('HTTPS 網站應設定 HSTS', 'HTTPS sites should send HSTS'),
    description: msg(
      'Strict-Transport-Security（HSTS）標頭讓瀏覽器之後只以 HTTPS 連線，避免被降級為 HTTP；max-age 建議至少一年（31536000 秒）。',
      'The Strict-Transport-Security (HSTS) header makes browsers use HTTPS only from then on, preventing downgrades to HTTP; max-age should be at least one year (31536000 seconds).',
    ),
    howToFix: msg(
      '在 HTTPS 回應加上 Strict-Transport-Security: max-age=31536000; includeSubDomains。',
      'Add Strict-Transport-Security: max-age=31536000; includeSubDomains to HTTPS responses.',
    ),
    helpUrl: 'https://developer.mozilla.org/docs/Web/HTTP/Headers/Strict-Transport-Security',
    source: 'RFC 6797；GSA Site Scanning hsts',
  },
  check(site) {
    const start = httpsStartPage(site);
    if (!start) return notApplicable(); // plain-http sites: security/no-https covers them
    const header = headerOf(start, 'strict-transport-security');
    const maxAge = header ? hstsMaxAge(header) : null;
    // max-age=0 tells browsers to forget HSTS: the same as not sending it.
    if (!header || !maxAge) {
      return fail({
        message: header
          ? msg(`Strict-Transport-Security 標頭無有效 max-age（${header}）`, `The Strict-Transport-Security header has no effective max-age (${header})`)
          : msg('HTTPS 首頁回應沒有 Strict-Transport-Security 標頭', 'The HTTPS start page response has no Strict-Transport-Security header'),
        data: { header, maxAge },
      });
    }
    if (maxAge < ONE_YEAR_SECONDS) {
      return fail({
        severity: 'minor',
        message: msg(
          `HSTS max-age 為 ${maxAge} 秒，短於建議的一年（31536000 秒）`,
          `HSTS max-age is ${maxAge} seconds, shorter than the recommended year (31536000 seconds)`,
        ),
        data: { header, maxAge },
      });
    }
    return pass();
  },
};
