// robots.txt and sitemap.xml: search engines (and the gov.tw portal) find a site's pages through them.
// A robots.txt that answers with an HTML page (a catch-all route returning the home page) is as good as missing.
import type { FindingDraft, SiteRule } from '../../core/types.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';

const ok = (status: number | null) => status !== null && status >= 200 && status < 300;

function looksLikeHtml(body: string | null, contentType: string | undefined): boolean {
  return /text\/html/i.test(contentType ?? '') || /^\s*(<!doctype|<html)/i.test(body ?? '');
}

export const robotsSitemap: SiteRule = {
  meta: {
    id: 'gov/robots-sitemap',
    requires: ['robots', 'sitemap'],
    category: 'governance',
    severity: 'minor',
    scope: 'site',
    wcag: [],
    title: msg('網站應提供 robots.txt 與 sitemap.xml', 'The site has robots.txt and sitemap.xml'),
    description: msg(
      '檢查 /robots.txt 是否回應 2xx 的純文字檔，以及 sitemap.xml（或 robots.txt 的 Sitemap: 所指）是否存在。',
      'Checks that /robots.txt answers 2xx with a plain-text file, and that sitemap.xml (or the one named by robots.txt Sitemap:) exists.',
    ),
    howToFix: msg(
      '在網站根目錄提供 robots.txt（含 Sitemap: 一行）與列出所有公開網頁及 lastmod 的 sitemap.xml。',
      'Serve robots.txt at the site root (with a Sitemap: line) and a sitemap.xml listing every public page with lastmod.',
    ),
    source: 'GSA Site Scanning robots/sitemap；sitemaps.org；tw-rules #41',
    tags: ['http', 'seo'],
  },
  check(site) {
    if (!site.robots && !site.sitemap) return notApplicable();
    const findings: FindingDraft[] = [];
    const robots = site.robots;
    if (robots) {
      if (!ok(robots.status)) {
        const why = robots.status !== null ? `HTTP ${robots.status}` : (robots.error ?? 'no response');
        findings.push({
          message: msg(`robots.txt 不存在（${why}）。`, `robots.txt is missing (${why}).`),
          data: { url: robots.url, status: robots.status, error: robots.error },
        });
      } else if (looksLikeHtml(robots.body, robots.headers['content-type'])) {
        findings.push({
          message: msg('robots.txt 回應的是 HTML 網頁，而不是 robots.txt 檔。', 'robots.txt answers with an HTML page, not a robots.txt file.'),
          data: { url: robots.url, status: robots.status },
        });
      }
    }
    const sitemap = site.sitemap;
    if (!sitemap) {
      // The probes ran (robots.txt was fetched) but no sitemap was found at /sitemap.xml or in robots.txt.
      findings.push({ message: msg('找不到 sitemap.xml。', 'No sitemap.xml was found.'), data: { status: null } });
    } else if (!ok(sitemap.status)) {
      const why = sitemap.status !== null ? `HTTP ${sitemap.status}` : (sitemap.error ?? 'no response');
      findings.push({
        message: msg(`sitemap.xml 不存在（${why}）。`, `sitemap.xml is missing (${why}).`),
        data: { url: sitemap.url, status: sitemap.status, error: sitemap.error },
      });
    } else if (sitemap.entries.length === 0 && sitemap.error) {
      findings.push({
        message: msg(`sitemap.xml 無法解析（${sitemap.error}）。`, `sitemap.xml could not be parsed (${sitemap.error}).`),
        data: { url: sitemap.url, status: sitemap.status, error: sitemap.error },
      });
    }
    return resultOf(findings);
  },
};
