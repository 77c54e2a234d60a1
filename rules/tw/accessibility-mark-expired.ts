// tw/accessibility-mark-expired: a mark is valid for 3 years (標章核發辦法 §5). Its number
// (category=YYYYMMDDhhmmss) records when it was issued, so a number older than maxAgeYears before
// --now means the mark has probably lapsed. "Probably": the certificate page is the authority, and
// renewals get a new number, so the finding asks the webmaster to renew or update the link.
import type { PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { taipeiDateOf } from '../../core/taipei.ts';
import { findMark, markExpiry, markIssuedAt } from './lib/mark.ts';

export const accessibilityMarkExpired: PageRule = {
  meta: {
    id: 'tw/accessibility-mark-expired',
    requires: ['html', 'links'],
    category: 'governance',
    severity: 'moderate',
    scope: 'page',
    pages: 'start',
    wcag: [],
    title: msg('無障礙標章可能已逾有效期限', 'The accessibility mark has probably expired'),
    description: msg(
      '無障礙標章有效期限為 3 年（標章核發辦法第5條）。標章編號（category=）前 8 碼為核發日期 YYYYMMDD；距今超過有效年限即視為可能過期。',
      'An accessibility mark is valid for 3 years (mark rules §5). The first 8 digits of its number (category=) are the issue date YYYYMMDD; a number older than the validity period means the mark has probably lapsed.',
    ),
    howToFix: msg(
      '重新自評並向數位發展部申請新標章，更新首頁標章圖片與認證頁面連結（新的 category 編號）。',
      'Re-test the site, apply to MODA for a new mark, and update the home page mark and its certificate link (the new category number).',
    ),
    helpUrl: 'https://accessibility.moda.gov.tw/Home/Apply',
    source: '無障礙檢測及認證標章核發辦法 §5',
  },
  check(page, ctx) {
    const mark = findMark(page);
    if (!mark?.markNumber) return notApplicable();
    const issued = markIssuedAt(mark.markNumber);
    // A number that is no date, or a date after --now, tells us nothing about age.
    if (!issued || issued.getTime() > ctx.now.getTime() + 86_400_000) return notApplicable();
    const years = ctx.options.accessibilityMark.maxAgeYears;
    const expires = markExpiry(issued, years);
    const data = {
      markNumber: mark.markNumber,
      level: mark.level,
      issued: taipeiDateOf(issued),
      expires: taipeiDateOf(expires),
      maxAgeYears: years,
      ageDays: Math.floor((ctx.now.getTime() - issued.getTime()) / 86_400_000),
    };
    if (ctx.now.getTime() <= expires.getTime()) return pass();
    return fail({
      selector: mark.selector,
      snippet: mark.snippet,
      message: msg(
        `無障礙標章（編號 ${mark.markNumber}）的編號日期為 ${data.issued}，距今已超過 ${years} 年有效期限（約於 ${data.expires} 到期），請確認是否已換發`,
        `The accessibility mark (number ${mark.markNumber}) dates from ${data.issued}, more than its ${years}-year validity ago (it lapsed around ${data.expires}); check that it was renewed`,
      ),
      data,
    });
  },
};
