import { describe, expect, it } from 'vitest';
import { noHttps } from '../../../rules/security/no-https.ts';
import { check, HTTP_URL, HTTPS_URL, siteOf, startPage } from './helpers.ts';

const probe = (over: object) => ({ httpUrl: HTTP_URL, finalUrl: HTTPS_URL, redirectsToHttps: true, firstStatus: 301, error: null, ...over });

describe('security/no-https', () => {
  it('reports a start page served over plain HTTP (zh and en)', () => {
    const { findings } = check(noHttps, siteOf(startPage(HTTP_URL)));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toEqual({
      'zh-TW': '首頁以未加密的 HTTP 提供（http://www.example.gov.tw/）',
      en: 'The start page is served over plain HTTP (http://www.example.gov.tw/)',
    });
    expect(noHttps.meta.severity).toBe('serious');
  });

  it('passes an HTTPS site whose http:// address redirects to https://', () => {
    expect(check(noHttps, siteOf(startPage(HTTPS_URL), { httpsProbe: probe({}) }))).toEqual({ applicable: true, findings: [] });
  });

  it('reports an HTTPS site whose http:// address still serves the page', () => {
    const site = siteOf(startPage(HTTPS_URL), { httpsProbe: probe({ finalUrl: HTTP_URL, redirectsToHttps: false, firstStatus: 200 }) });
    const [finding] = check(noHttps, site).findings;
    expect(finding!.message.en).toBe('http://www.example.gov.tw/ does not redirect to HTTPS (it ends at http://www.example.gov.tw/, status 200)');
    expect(finding!.data).toMatchObject({ status: 200 });
  });

  it('passes when http:// is closed or answers with an error', () => {
    const closed = siteOf(startPage(HTTPS_URL), { httpsProbe: probe({ finalUrl: null, redirectsToHttps: false, firstStatus: null, error: 'ECONNREFUSED' }) });
    expect(check(noHttps, closed).findings).toEqual([]);
    const forbidden = siteOf(startPage(HTTPS_URL), { httpsProbe: probe({ finalUrl: HTTP_URL, redirectsToHttps: false, firstStatus: 403 }) });
    expect(check(noHttps, forbidden).findings).toEqual([]);
  });

  it('judges the final URL after redirects, not the URL given', () => {
    const page = { ...startPage(HTTPS_URL), url: HTTP_URL };
    expect(check(noHttps, siteOf(page)).findings).toEqual([]);
  });
});
