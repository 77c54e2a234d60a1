// freshness/no-date: nothing on the site says when its content last changed (tw-rules rule 34): no dated
// news item, no labelled or visible date, no date meta, feed, Last-Modified header or sitemap lastmod.
import type { SiteRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { computeFreshness } from './summary.ts';

export const noDate: SiteRule = {
  meta: {
    id: 'freshness/no-date',
    requires: ['html', 'headers', 'meta', 'httpStatus', 'feeds', 'sitemap'],
    category: 'freshness',
    severity: 'moderate',
    scope: 'site',
    wcag: [],
    title: msg('網站未標示更新日期', 'No content date on the site'),
    description: msg(
      '抽樣頁面中找不到任何內容日期（更新日期、發布日期、最新消息日期、DC.Date 等詮釋資料、HTTP Last-Modified、sitemap lastmod 或 RSS）。系統自動產生、恆為當天的頁尾日期不計。',
      'No content date was found on the sampled pages (update or publication date, dated news items, DC.Date and similar meta, HTTP Last-Modified, sitemap lastmod or a feed). A footer date that is always the current day is auto-generated and does not count.',
    ),
    howToFix: msg(
      '在內容頁標示實際的「更新日期」或「發布日期」（例如「更新日期：115-11-02」），最新消息列出發布日期，並提供 DC.Date 詮釋資料；頁尾日期應為內容實際異動日，而非瀏覽當天。',
      'Show the real update or publication date on content pages (e.g. "Last updated: 2026-11-02"), date every news item and add DC.Date metadata; a footer date must be the day content changed, not the day it is viewed.',
    ),
    source: 'webguide 指引 8.3；行政機關電子資料流通詮釋資料及分類檢索規範（DC.Date）',
    tags: ['freshness'],
  },
  check(site, ctx) {
    if (!site.pages.some((p) => p.html)) return notApplicable();
    if (computeFreshness(site, ctx).lastUpdated) return pass();
    return fail({
      message: msg('抽樣頁面中找不到可辨識的內容更新日期或發布日期。', 'No recognisable content update or publication date was found on the sampled pages.'),
    });
  },
};
