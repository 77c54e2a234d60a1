// 網站導覽: a page listing the site's structure (and, by convention, the accesskey shortcuts),
// linked from the header. It is how keyboard and screen-reader users get an overview (GN1240500E).
import { msg } from '../lib/result.ts';
import { linkPresenceRule } from './lib/link-rule.ts';

/** Normalised labels: 網站導覽, 網站地圖, 網站導航, 網站架構, Site map … */
export const SITEMAP_LABEL = /網站導覽|網站地圖|網站導航|網站架構|網站索引|^導覽$|sitemap|sitenavigation|sitedirectory|sitenav|siteguide/;
/** A SiteMap.aspx / sitemap.html page, but not the machine-readable sitemap.xml. */
export const SITEMAP_HREF = /site[-_]?map(?![^?#]*\.xml)|sitenav|網站導覽/;

export const sitemapPage = linkPresenceRule({
  meta: {
    id: 'gov/sitemap-page',
    severity: 'serious',
    wcag: ['2.4.5'],
    twCodes: { '115.11': ['GN1240500E'], '110.07': ['GN1240500E'] },
    title: msg('首頁應連結網站導覽', 'The start page links to a site map page'),
    description: msg(
      '檢查首頁（通常在頁首）是否有「網站導覽」或「網站地圖」連結，讓使用者一覽網站架構與快速鍵說明。',
      'Looks on the start page (usually the header) for a 「網站導覽」 / 「網站地圖」 / "Site map" link giving an overview of the site structure and its shortcut keys.',
    ),
    howToFix: msg(
      '製作「網站導覽」頁，列出網站主要架構與快速鍵（accesskey）說明，並在全站頁首放置連結。',
      'Create a 「網站導覽」 page listing the site structure and its accesskey shortcuts, and link it from the site-wide header.',
    ),
    source: '網站無障礙規範 GN1240500E（WCAG 2.4.5）；HyUI5 頁首範本；tw-rules #22',
    tags: ['site-element'],
  },
  link: { label: SITEMAP_LABEL, href: SITEMAP_HREF },
  missing: msg('在首頁找不到「網站導覽」（網站地圖）連結。', 'No link to a site map page (網站導覽) was found on the start page.'),
});
