// security/tls-certificate: the HTTPS certificate is invalid, expired, or expires within 30 days; or the
// connection negotiated TLS older than 1.2. Chains Node's (Mozilla) root store does not trust are
// reported as moderate, not serious: Taiwan's GRCA/GTLSCA roots are trusted by Windows and Chrome's
// own store but not Mozilla's, so "untrusted issuer" may be a false alarm for visitors (tw-rules Q8).
import type { SiteRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { isHttpsUrl, startUrlOf } from './lib.ts';

const EXPIRING_DAYS = 30;

/** OpenSSL/Node codes for "the issuer chain could not be verified" (not "the certificate is wrong"). */
const CHAIN_TRUST_ERRORS = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_UNTRUSTED',
]);
const EXPIRED_ERRORS = /CERT_HAS_EXPIRED|expired/i;
const OLD_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

export const tlsCertificate: SiteRule = {
  meta: {
    id: 'security/tls-certificate',
    requires: ['tls'],
    category: 'security',
    severity: 'serious',
    scope: 'site',
    wcag: [],
    title: msg('HTTPS 憑證應有效且未即將到期', 'The HTTPS certificate should be valid and not about to expire'),
    description: msg(
      '憑證無效、過期或主機名稱不符時，瀏覽器會顯示安全警告；30 天內到期的憑證應儘快更新。TLS 版本應至少 1.2。',
      'An invalid or expired certificate, or one for another host name, makes browsers show a security warning; a certificate expiring within 30 days should be renewed now. TLS should be 1.2 or newer.',
    ),
    howToFix: msg(
      '向憑證機構（如 GTLSCA）更新憑證，確認伺服器送出完整的中繼憑證鏈，並停用 TLS 1.0/1.1。',
      'Renew the certificate with the CA (e.g. GTLSCA), make sure the server sends the full intermediate chain, and disable TLS 1.0/1.1.',
    ),
    helpUrl: 'https://gtlsca.nat.gov.tw/',
    source: 'GTLSCA 憑證政策；tw-rules #27',
  },
  check(site) {
    const tls = site.tls;
    if (!tls || !isHttpsUrl(startUrlOf(site))) return notApplicable();
    const code = tls.authorizationError ?? '';
    if (tls.error && !code) return notApplicable(); // the probe could not connect: nothing to judge
    const data = { host: tls.host, validTo: tls.validTo, daysLeft: tls.daysLeft, authorizationError: tls.authorizationError, protocol: tls.protocol };
    if (!tls.authorized) {
      if (EXPIRED_ERRORS.test(code) || (tls.daysLeft !== null && tls.daysLeft < 0)) {
        return fail({
          message: msg(`${tls.host} 的 HTTPS 憑證已過期（到期日 ${tls.validTo ?? '不明'}）`, `The HTTPS certificate of ${tls.host} has expired (valid to ${tls.validTo ?? 'unknown'})`),
          data,
        });
      }
      const chain = CHAIN_TRUST_ERRORS.has(code);
      return fail({
        severity: chain ? 'moderate' : 'serious',
        message: chain
          ? msg(
              `${tls.host} 的憑證鏈無法驗證（${code}）：請確認伺服器送出完整中繼憑證；若使用 GRCA/GTLSCA，部分瀏覽器可能不信任`,
              `The certificate chain of ${tls.host} could not be verified (${code}): make sure the server sends the full intermediate chain; GRCA/GTLSCA roots are not trusted by every browser`,
            )
          : msg(`${tls.host} 的 HTTPS 憑證無效（${code || '未通過驗證'}）`, `The HTTPS certificate of ${tls.host} is invalid (${code || 'not authorised'})`),
        data,
      });
    }
    if (tls.daysLeft !== null && tls.daysLeft < EXPIRING_DAYS) {
      return fail({
        severity: tls.daysLeft < 0 ? 'serious' : 'moderate',
        message:
          tls.daysLeft < 0
            ? msg(`${tls.host} 的 HTTPS 憑證已過期（到期日 ${tls.validTo ?? '不明'}）`, `The HTTPS certificate of ${tls.host} has expired (valid to ${tls.validTo ?? 'unknown'})`)
            : msg(
                `${tls.host} 的 HTTPS 憑證將於 ${tls.daysLeft} 天內到期（${tls.validTo ?? '不明'}）`,
                `The HTTPS certificate of ${tls.host} expires in ${tls.daysLeft} days (${tls.validTo ?? 'unknown'})`,
              ),
        data,
      });
    }
    if (tls.protocol && OLD_PROTOCOLS.has(tls.protocol)) {
      return fail({
        severity: 'moderate',
        message: msg(`${tls.host} 使用過時的 ${tls.protocol}，應至少使用 TLS 1.2`, `${tls.host} negotiated the outdated ${tls.protocol}; use TLS 1.2 or newer`),
        data,
      });
    }
    return pass();
  },
};
