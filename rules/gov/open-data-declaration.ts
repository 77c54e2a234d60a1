// 政府網站資料開放宣告: tells re-users that the site's content may be reused under the
// Open Government Data License (政府資料開放授權條款). Hyweb, Taipei and Hsinchu footers all link it.
import { msg } from '../lib/result.ts';
import { linkPresenceRule } from './lib/link-rule.ts';
import { wellKnownNames } from './lib/names.ts';

/**
 * Normalised labels. The family: (政府網站)(資料|數據)開放 + 宣告/聲明/宣言 (政府網站資料開放宣告, 資料開放宣言),
 * 開放資料宣告/聲明, 政府資料開放授權(條款); English "Open Data" on its own (English footers), "Open (Government)
 * Data/Information Declaration|Announcement|Statement|License|Policy".
 */
export const OPEN_DATA_LABEL =
  /(資料|數據)開放(宣告|聲明|宣言)|開放(資料|數據)?(宣告|聲明|宣言)|政府資料開放授權|^(government)?(website)?opendata$|open(government)?(data|information).{0,20}(declaration|announcement|statement|license|licence|policy|terms)|data(openness|opening)(declaration|statement|announcement)/;
/** Well-known names matched with one slip (資料開發宣告). */
export const OPEN_DATA_NAMES = wellKnownNames(['政府網站資料開放宣告', '資料開放宣告', '資料開放宣言', '網站資料開放宣告']);
export const OPEN_DATA_HREF = /data\.gov\.tw\/license|open[-_]?(gov[-_]?)?data[-_]?(declar|statement|announce)|資料開放宣告/;

export const openDataDeclaration = linkPresenceRule({
  meta: {
    id: 'gov/open-data-declaration',
    severity: 'moderate',
    wcag: [],
    title: msg('首頁應連結政府網站資料開放宣告', 'The start page links to the open data declaration'),
    description: msg(
      '檢查首頁是否有「政府網站資料開放宣告」（或「資料開放宣告」）連結，說明網站資料可依政府資料開放授權條款再利用。',
      'Looks on the start page for a 「政府網站資料開放宣告」 / "Open data declaration" link telling re-users that the content is licensed under the Open Government Data License.',
    ),
    howToFix: msg(
      '在全站頁尾加入「政府網站資料開放宣告」連結，頁面說明網站資料採「政府資料開放授權條款」提供再利用。',
      'Add a 「政府網站資料開放宣告」 link to the site-wide footer; the page should state that content may be reused under the Open Government Data License (data.gov.tw/license).',
    ),
    source: '政府資料開放授權條款（OGDL-Taiwan-1.0）；HyUI5 頁尾範本；tw-rules #21',
    tags: ['site-element'],
  },
  link: { label: OPEN_DATA_LABEL, href: OPEN_DATA_HREF, names: OPEN_DATA_NAMES },
  missing: msg(
    '在首頁找不到「政府網站資料開放宣告」連結。',
    'No link to the open data declaration (政府網站資料開放宣告) was found on the start page.',
  ),
});
