// 資訊安全政策: the site states how it protects itself and its visitors' data.
// 「隱私權及資訊安全政策」 / 「隱私權及網站安全政策」 carry both words, so one combined link satisfies this rule too.
import { msg } from '../lib/result.ts';
import { linkPresenceRule } from './lib/link-rule.ts';

/** Normalised labels: 資訊安全政策, 網站安全政策, 資安政策, 隱私權及安全政策, Security Policy … */
export const SECURITY_LABEL = /資安|資訊安全|網站安全|資通安全|網路安全|安全(政策|聲明|宣告|保護)|security/;
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
  link: { label: SECURITY_LABEL, href: SECURITY_HREF },
  missing: msg(
    '在首頁找不到資訊安全政策連結（亦無「隱私權及資訊安全政策」合併連結）。',
    'No link to a security policy (資訊安全政策, or a combined 「隱私權及資訊安全政策」) was found on the start page.',
  ),
});
