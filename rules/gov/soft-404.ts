// Soft 404: a page that does not exist must answer 404 (or 410), not 200 with an error message or
// the home page; otherwise search engines index junk and link checkers cannot see broken links.
// The worker requests a random path that cannot exist and records the answer in site.soft404.
import type { SiteRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';

export const soft404: SiteRule = {
  meta: {
    id: 'gov/soft-404',
    requires: ['soft404'],
    category: 'governance',
    severity: 'minor',
    scope: 'site',
    wcag: [],
    title: msg('不存在的網頁應回應 404', 'Missing pages answer 404'),
    description: msg(
      '向網站請求一個隨機且不存在的路徑，回應應為 404 或 410，而不是 200（軟性 404）。',
      'Requests a random path that cannot exist; the answer should be 404 or 410, not a 2xx "soft 404".',
    ),
    howToFix: msg(
      '設定網站伺服器或 CMS，讓不存在的網址回應 HTTP 404（可顯示友善的錯誤頁），不要轉回首頁或回應 200。',
      'Configure the server or CMS so unknown URLs answer HTTP 404 (with a friendly error page), instead of 200 or a redirect to the home page.',
    ),
    source: 'GSA Site Scanning 404_test；tw-rules #30',
    tags: ['http'],
  },
  check(site) {
    const probe = site.soft404;
    if (!probe || probe.status === null) return notApplicable();
    if (probe.status < 200 || probe.status >= 300) return pass();
    return fail({
      message: msg(
        `不存在的網址 ${probe.url} 回應 HTTP ${probe.status}，而非 404。`,
        `The non-existent URL ${probe.url} answered HTTP ${probe.status} instead of 404.`,
      ),
      data: { url: probe.url, status: probe.status },
    });
  },
};
