import { describe, expect, it } from 'vitest';
import type { LinkArtifact } from '../../core/types.ts';
import { samplePages, templateKey } from '../../worker/sampler.ts';

const link = (href: string, name: string, region: LinkArtifact['region'] = 'nav'): LinkArtifact => ({
  href, rawHref: href, text: name, name, title: null, ariaLabel: null, accesskey: null, target: null, rel: null, hreflang: null,
  imgAlts: [], region, visible: true, box: null, selector: 'a', snippet: '<a>',
});

describe('page sampler', () => {
  it('groups CMS pages by template', () => {
    expect(templateKey(new URL('https://a.gov.tw/News_Content.aspx?n=12&s=345'))).toBe(templateKey(new URL('https://a.gov.tw/News_Content.aspx?n=99&s=1')));
    expect(templateKey(new URL('https://a.gov.tw/cp.aspx?n=12'))).not.toBe(templateKey(new URL('https://a.gov.tw/News.aspx?n=12')));
    expect(templateKey(new URL('https://a.gov.tw/news/2026/a.html'))).toBe(templateKey(new URL('https://a.gov.tw/news/2025/b.html')));
  });

  it('prefers core pages, then distinct templates, and stays on the origin', () => {
    const o = 'https://www.example.gov.tw';
    const pages = samplePages({
      startUrl: `${o}/`,
      origin: o,
      maxPages: 5,
      sitemapUrls: [`${o}/laws/1.html`, 'https://other.gov.tw/x.html'],
      links: [
        link(`${o}/about/a.html`, '機關簡介'),
        link(`${o}/about/b.html`, '組織架構'),
        link(`https://www.facebook.com/agency`, 'Facebook'),
        link(`${o}/files/report.pdf`, '年報'),
        link(`${o}/bulletin/list.html`, '更多最新消息 »'),
        link(`${o}/SiteMap.aspx`, '網站導覽', 'header'),
        link(`${o}/privacy.html`, '隱私權及資訊安全政策', 'footer'),
      ],
    });
    expect(pages.map((p) => p.reason)).toEqual(['news-list', 'sitemap-page', 'privacy-policy', expect.stringMatching(/^template:/)]);
    expect(pages.every((p) => p.url.startsWith(o))).toBe(true);
    expect(pages.some((p) => p.url.endsWith('.pdf'))).toBe(false);
    expect(samplePages({ startUrl: `${o}/`, origin: o, maxPages: 1, sitemapUrls: [], links: [link(`${o}/a`, 'a')] })).toEqual([]);
  });
});
