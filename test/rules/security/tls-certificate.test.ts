import { describe, expect, it } from 'vitest';
import type { TlsProbe } from '../../../core/types.ts';
import { tlsCertificate } from '../../../rules/security/tls-certificate.ts';
import { check, HTTP_URL, HTTPS_URL, siteOf, startPage } from './helpers.ts';

const tls = (over: Partial<TlsProbe>): TlsProbe => ({
  host: 'www.example.gov.tw',
  authorized: true,
  authorizationError: null,
  validTo: '2027-06-30T23:59:59.000Z',
  daysLeft: 215,
  protocol: 'TLSv1.3',
  error: null,
  ...over,
});
const run = (over: Partial<TlsProbe>, url = HTTPS_URL) => check(tlsCertificate, siteOf(startPage(url), { tls: tls(over) }));

describe('security/tls-certificate', () => {
  it('passes a valid certificate with months left', () => {
    expect(run({})).toEqual({ applicable: true, findings: [] });
  });

  it('reports an expired certificate as serious (zh and en)', () => {
    const [f] = run({ authorized: false, authorizationError: 'CERT_HAS_EXPIRED', validTo: '2026-11-01T00:00:00.000Z', daysLeft: -26 }).findings;
    expect(f!.severity).toBeUndefined(); // the rule's default, serious
    expect(f!.message).toEqual({
      'zh-TW': 'www.example.gov.tw 的 HTTPS 憑證已過期（到期日 2026-11-01T00:00:00.000Z）',
      en: 'The HTTPS certificate of www.example.gov.tw has expired (valid to 2026-11-01T00:00:00.000Z)',
    });
  });

  it('reports a host-name mismatch as serious and an unverifiable chain as moderate', () => {
    expect(run({ authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID' }).findings[0]!.severity).toBe('serious');
    const [chain] = run({ authorized: false, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }).findings;
    expect(chain!.severity).toBe('moderate');
    expect(chain!.message['zh-TW']).toContain('GRCA/GTLSCA');
  });

  it('reports a certificate expiring within 30 days as moderate', () => {
    const [f] = run({ daysLeft: 12 }).findings;
    expect(f!.severity).toBe('moderate');
    expect(f!.message.en).toBe('The HTTPS certificate of www.example.gov.tw expires in 12 days (2027-06-30T23:59:59.000Z)');
  });

  it('reports TLS older than 1.2', () => {
    expect(run({ protocol: 'TLSv1' }).findings[0]!.message.en).toContain('outdated TLSv1');
  });

  it('is not applicable without a probe, on plain-http sites, or when the probe could not connect', () => {
    expect(check(tlsCertificate, siteOf(startPage(HTTPS_URL))).applicable).toBe(false);
    expect(run({}, HTTP_URL).applicable).toBe(false);
    expect(run({ authorized: false, error: 'ECONNRESET', daysLeft: null, validTo: null }).applicable).toBe(false);
  });
});
