// 資訊安全政策: the site states how it protects itself and its visitors' data.
// 「隱私權及資訊安全政策」 / 「隱私權及網站安全政策」 carry both words, so one combined link satisfies this rule too.
import { msg } from '../lib/result.ts';
import { linkPresenceRule } from './lib/link-rule.ts';
import { wellKnownNames } from './lib/names.ts';

/**
 * Normalised labels. The family: (資訊|資通|網站|網路)安全 (政策/聲明), 資安(政策), 安全政策/聲明; a privacy
 * name joined to 安全 (隱私權及安全政策, 隱私權安全資訊, 隱私權暨資訊安全保護政策, 個資與資安); English
 * "Security Policy", "Privacy & Security Policy".
 */
export const SECURITY_LABEL =
  /資安|(資訊|資通|網站|網路|系統)安全|安全(政策|聲明|宣告|保護)|(隱私權?|個資|個人資料保護)(及|與|暨|和|、|&|\+|\/)?(資訊|資通|網站|網路)?安全|security/;
/** Well-known names matched with one slip. */
export const SECURITY_NAMES = wellKnownNames(['資訊安全政策', '網站安全政策', '資通安全政策', '網站安全聲明']);
export const SECURITY_HREF = /security|資安|資訊安全|infosec/;

export const securityPolicy = linkPresenceRule({
  meta: {
    id: 'gov/security-policy',
    severity: 'serious',
    wcag: [],
    title: msg('首頁應連結資訊安全政策', 'The start page links to a security policy'),
    description: msg(
      '檢查首頁是否有「資訊安全政策」、「網站安全政策」連結；合併的「隱私權及資訊安全政策」或「隱私權及網站安全政策」連結亦符合。',
      'Looks on the start page for a 「資訊安全政策」 / 「網站安全政策」 / "Security policy" link; a combined 「隱私權及資訊安全政策」 or 「隱私權及網站安全政策」 link also counts.',
    ),
    howToFix: msg(
      '在全站頁尾加入「資訊安全政策」連結，或將隱私權政策頁改為「隱私權及資訊安全政策」並說明網站的資安防護措施。',
      'Add a 「資訊安全政策」 link to the site-wide footer, or turn the privacy page into a combined 「隱私權及資訊安全政策」 page that also describes how the site is secured.',
    ),
    source: '資通安全管理法；政府數位服務指引 原則七；tw-rules #20',
    tags: ['site-element'],
  },
  link: { label: SECURITY_LABEL, href: SECURITY_HREF, names: SECURITY_NAMES },
  missing: msg(
    '在首頁找不到資訊安全政策連結（亦無「隱私權及資訊安全政策」合併連結）。',
    'No link to a security policy (資訊安全政策, or a combined 「隱私權及資訊安全政策」) was found on the start page.',
  ),
});
