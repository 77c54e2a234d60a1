// security/no-https: the site is served over plain HTTP, or its http:// address does not redirect to
// https:// (GSA "https_enforced"; tw-rules #27). Users who type the bare domain land on http:// first.
import type { SiteRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { protocolOf, startUrlOf } from './lib.ts';

export const noHttps: SiteRule = {
  meta: {
    id: 'security/no-https',
    requires: ['httpsProbe'],
    category: 'security',
    severity: 'serious',
    scope: 'site',
    wcag: [],
    title: msg('網站應全面使用 HTTPS', 'The site should be served over HTTPS only'),
    description: msg(
      '網站以未加密的 HTTP 提供，或 http:// 網址沒有轉址到 https://，傳輸內容可能被竊聽或竄改。',
      'The site is served over unencrypted HTTP, or its http:// address does not redirect to https://, so traffic can be read or altered in transit.',
    ),
    howToFix: msg(
      '為網站安裝有效憑證（如 GTLSCA），並將所有 http:// 請求以 301 轉址至 https://，再加上 Strict-Transport-Security 標頭。',
      'Install a valid certificate (e.g. from GTLSCA), redirect every http:// request to https:// with a 301, then add a Strict-Transport-Security header.',
    ),
    helpUrl: 'https://https.cio.gov/',
    source: 'GSA Site Scanning https_enforced；政府網站服務管理規範（資安）',
  },
  check(site) {
    const url = startUrlOf(site);
    const protocol = protocolOf(url);
    if (protocol !== 'http:' && protocol !== 'https:') return notApplicable();
    if (protocol === 'http:') {
      return fail({
        message: msg(`首頁以未加密的 HTTP 提供（${url}）`, `The start page is served over plain HTTP (${url})`),
        data: { url },
      });
    }
    const probe = site.httpsProbe;
    // A probe that could not reach http:// at all is fine: nothing is served unencrypted. An error status
    // on http:// (e.g. 403 "use https") serves no content either, so only 2xx/3xx answers count.
    if (probe && !probe.error && probe.firstStatus !== null && probe.firstStatus < 400 && probe.finalUrl && !probe.redirectsToHttps) {
      return fail({
        message: msg(
          `${probe.httpUrl} 沒有轉址到 HTTPS（最後停在 ${probe.finalUrl}，狀態碼 ${probe.firstStatus}）`,
          `${probe.httpUrl} does not redirect to HTTPS (it ends at ${probe.finalUrl}, status ${probe.firstStatus})`,
        ),
        data: { httpUrl: probe.httpUrl, finalUrl: probe.finalUrl, status: probe.firstStatus },
      });
    }
    return pass();
  },
};
