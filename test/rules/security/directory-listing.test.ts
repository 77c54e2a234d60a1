import { describe, expect, it } from 'vitest';
import { directoryListing } from '../../../rules/security/directory-listing.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { check, HTTPS_URL, siteOf, startPage } from './helpers.ts';

describe('security/directory-listing', () => {
  it('reports each probed folder that lists its files (zh and en)', () => {
    const site = siteOf(startPage(HTTPS_URL), {
      directoryProbes: [
        { url: 'https://www.example.gov.tw/upload/', status: 200, listing: true },
        { url: 'https://www.example.gov.tw/images/', status: 403, listing: false },
        { url: 'https://www.example.gov.tw/files/', status: 200, listing: true },
      ],
    });
    const { findings } = check(directoryListing, site);
    expect(findings.map((f) => f.data?.url)).toEqual(['https://www.example.gov.tw/upload/', 'https://www.example.gov.tw/files/']);
    expect(findings[0]!.message).toEqual({
      'zh-TW': 'https://www.example.gov.tw/upload/ 開放目錄瀏覽，列出資料夾內的檔案',
      en: 'https://www.example.gov.tw/upload/ lists the files in the folder',
    });
    expect(directoryListing.meta.severity).toBe('serious');
  });

  it('passes when every probe is closed', () => {
    const site = siteOf(startPage(HTTPS_URL), { directoryProbes: [{ url: 'https://www.example.gov.tw/upload/', status: 403, listing: false }] });
    expect(check(directoryListing, site)).toEqual({ applicable: true, findings: [] });
  });

  it('reports a sampled page that is itself an Apache or IIS listing', () => {
    const apache = makePage('<html><head><title>Index of /upload</title></head><body><h1>Index of /upload</h1></body></html>', { url: 'https://www.example.gov.tw/upload/' });
    const iis = makePage('<html><head><title>www.example.gov.tw - /files/</title></head><body><A HREF="/">[To Parent Directory]</A></body></html>', { url: 'https://www.example.gov.tw/files/' });
    const normal = makePage('<html><head><title>首頁 - 公告</title></head><body>公告</body></html>', { url: 'https://www.example.gov.tw/news' });
    const site = siteOf(startPage(HTTPS_URL), { pages: [startPage(HTTPS_URL), apache, iis, normal] });
    expect(check(directoryListing, site).findings.map((f) => f.pageUrl)).toEqual(['https://www.example.gov.tw/upload/', 'https://www.example.gov.tw/files/']);
  });

  it('is not applicable when nothing was probed and no listing was seen', () => {
    expect(check(directoryListing, siteOf(startPage(HTTPS_URL))).applicable).toBe(false);
  });
});
