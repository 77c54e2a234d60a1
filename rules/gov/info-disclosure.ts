// 政府資訊公開: 政府資訊公開法 §7–8 requires agencies to publish certain information proactively
// (主動公開), and sites conventionally link a 政府資訊公開 section — Taiwan's FOIA analogue.
import { msg } from '../lib/result.ts';
import { linkPresenceRule } from './lib/link-rule.ts';

/** Normalised labels: 政府資訊公開, 主動公開資訊, 資訊公開, Government Information Disclosure, FOIA … */
export const INFO_DISCLOSURE_LABEL =
  /資訊公開|主動公開|公開資訊|informationdisclosure|disclosureofinformation|governmentinformation(disclosure|open|public)|informationopento|proactive(ly)?disclos|opengovernmentinformation|publicinformation|freedomof(government)?information|foia/;
export const INFO_DISCLOSURE_HREF = /info[-_]?disclos|gov[-_]?info(?!graph)|foia|資訊公開|主動公開/;

export const infoDisclosure = linkPresenceRule({
  meta: {
    id: 'gov/info-disclosure',
    severity: 'moderate',
    wcag: [],
    title: msg('首頁應連結政府資訊公開專區', 'The start page links to government information disclosure'),
    description: msg(
      '檢查首頁是否有「政府資訊公開」或「主動公開資訊」連結，依政府資訊公開法主動公開機關資訊。',
      'Looks on the start page for a 「政府資訊公開」 / 「主動公開資訊」 / "Government information disclosure" link, the section the Freedom of Government Information Law asks agencies to publish.',
    ),
    howToFix: msg(
      '建立「政府資訊公開」專區（組織職掌、預決算、施政計畫等政府資訊公開法第7條所列資訊），並自首頁連結。',
      'Create a 「政府資訊公開」 section (organisation, budgets, plans and the other items of the law\'s article 7) and link it from the start page.',
    ),
    source: '政府資訊公開法 第7、8條；tw-rules #38',
    tags: ['site-element'],
  },
  link: { label: INFO_DISCLOSURE_LABEL, href: INFO_DISCLOSURE_HREF },
  missing: msg(
    '在首頁找不到「政府資訊公開」（主動公開資訊）連結。',
    'No link to government information disclosure (政府資訊公開 / 主動公開) was found on the start page.',
  ),
});
