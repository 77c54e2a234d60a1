// 隱私權政策: every government site publishes how it handles visitors' personal data (個資法).
// A combined 「隱私權及資訊安全政策」 link counts here and for gov/security-policy.
import { msg } from '../lib/result.ts';
import { linkPresenceRule } from './lib/link-rule.ts';
import { wellKnownNames } from './lib/names.ts';

/**
 * Labels are normalised (lower case, no spaces, 臺→台). The family: 隱私(權) with or without 保護/政策/聲明
 * (隱私權政策, 隱私權保護政策, 隱私權聲明, 隱私權及網站安全政策, 隱私權安全資訊, 隱私權暨資訊安全保護政策),
 * 個(人)資(料)保護 / 個資政策, and English "Privacy (& Security) Policy".
 */
export const PRIVACY_LABEL = /隱私權|隱私(政策|聲明|宣告|保護)|個人?資料?保護|個資(政策|聲明|宣告|專區|保護)|privacy/;
/** Well-known names matched with one slip (隱私權證策). */
export const PRIVACY_NAMES = wellKnownNames(['隱私權政策', '隱私權保護政策', '隱私權聲明', '個人資料保護']);
export const PRIVACY_HREF = /privacy|隱私|個資|personal[-_]?(data|info)/;

export const privacyPolicy = linkPresenceRule({
  meta: {
    id: 'gov/privacy-policy',
    severity: 'serious',
    wcag: [],
    title: msg('首頁應連結隱私權政策', 'The start page links to a privacy policy'),
    description: msg(
      '檢查首頁（通常在頁尾）是否有「隱私權政策」、「隱私權及資訊安全政策」或「個資保護」等連結，說明網站如何蒐集與利用民眾個人資料。',
      'Looks on the start page (usually the footer) for a link such as 「隱私權政策」, 「隱私權及資訊安全政策」, 「個資保護」 or "Privacy policy" that explains how the site collects and uses personal data.',
    ),
    howToFix: msg(
      '在全站頁尾加入「隱私權政策」（或「隱私權及資訊安全政策」）連結，連到說明個人資料蒐集、處理及利用方式的頁面。',
      'Add a 「隱私權政策」 (or combined 「隱私權及資訊安全政策」) link to the site-wide footer, pointing to a page that explains how personal data is collected, processed and used.',
    ),
    source: '個人資料保護法；政府數位服務指引 原則七「兼顧資安、隱私及便利性」；tw-rules #19',
    tags: ['site-element'],
  },
  link: { label: PRIVACY_LABEL, href: PRIVACY_HREF, names: PRIVACY_NAMES },
  missing: msg(
    '在首頁找不到隱私權政策（或個資保護）連結。',
    'No link to a privacy policy (隱私權政策 / 個資保護) was found on the start page.',
  ),
});
