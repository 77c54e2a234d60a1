import { describe, expect, it } from 'vitest';
import { mixedContent } from '../../../rules/security/mixed-content.ts';
import { makePage, makeSite, pageContext } from '../../helpers/artifacts.ts';
import { HTTP_URL, HTTPS_URL } from './helpers.ts';

function run(html: string, url = HTTPS_URL, requestIssues: { url: string; resourceType: string; kind: string; detail: string | null }[] = []) {
  const page = makePage(html, { url, finalUrl: url, requestIssues });
  return mixedContent.check(page, pageContext(makeSite([page]), page));
}

const PAGE = `<html><head>
  <link rel="stylesheet" href="http://www.example.gov.tw/css/site.css">
  <link rel="canonical" href="http://www.example.gov.tw/">
  <script src="http://cdn.example.com/jquery.js"></script>
  <script src="//cdn.example.com/ok.js"></script>
</head><body>
  <img src="http://www.example.gov.tw/images/banner.jpg" alt="橫幅">
  <picture><source srcset="/a.webp 1x, http://img.example.gov.tw/b.webp 2x"><img src="/a.jpg" alt=""></picture>
  <iframe src="http://maps.example.com/embed" title="地圖"></iframe>
  <a href="http://www.other.gov.tw/">外部連結</a>
</body></html>`;

describe('security/mixed-content', () => {
  it('reports http: subresources on an https page, active first', () => {
    const { findings } = run(PAGE);
    expect(findings.map((f) => [f.data?.kind, f.severity])).toEqual([
      ['script', 'serious'],
      ['iframe', 'serious'],
      ['stylesheet', 'serious'],
      ['image', 'moderate'],
      ['image', 'moderate'],
    ]);
    expect(findings[0]!.message).toEqual({
      'zh-TW': 'HTTPS 頁面載入 HTTP script 資源：http://cdn.example.com/jquery.js',
      en: 'The HTTPS page loads an HTTP script resource: http://cdn.example.com/jquery.js',
    });
  });

  it("adds the browser's mixed-content reports without duplicating what the markup shows", () => {
    const { findings } = run(PAGE, HTTPS_URL, [
      { url: 'http://cdn.example.com/jquery.js', resourceType: 'script', kind: 'mixed-content', detail: null },
      { url: 'http://www.example.gov.tw/api/news', resourceType: 'xhr', kind: 'mixed-content', detail: null },
      { url: 'https://www.example.gov.tw/x.png', resourceType: 'image', kind: 'failed', detail: 'net::ERR_FAILED' },
    ]);
    expect(findings).toHaveLength(6);
    expect(findings.filter((f) => f.data?.url === 'http://cdn.example.com/jquery.js')).toHaveLength(1);
    expect(findings.some((f) => f.data?.url === 'http://www.example.gov.tw/api/news' && f.severity === 'serious')).toBe(true);
  });

  it('passes a clean https page', () => {
    expect(run('<html><body><img src="/a.png" alt="a"><script src="https://cdn.example.com/a.js"></script></body></html>')).toEqual({ applicable: true, findings: [] });
  });

  it('is not applicable to plain-http pages (security/no-https covers them)', () => {
    expect(run(PAGE, HTTP_URL).applicable).toBe(false);
  });
});
