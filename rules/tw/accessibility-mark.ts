// tw/accessibility-mark: the home page shows the 無障礙標章 linked to its certificate page
// (身心障礙者權益保障法 §52-2; 各級機關機構學校網站無障礙檢測及認證標章核發辦法 §6). Start page only:
// the 辦法 puts the mark at the bottom of the home page.
import type { PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { findMark, type MarkInfo } from './lib/mark.ts';

function markData(mark: MarkInfo | null): Record<string, unknown> {
  if (!mark) return { level: null, markNumber: null };
  return {
    level: mark.level,
    levelSource: mark.levelSource,
    markNumber: mark.markNumber,
    category: mark.category,
    href: mark.href,
    alt: mark.alt,
    region: mark.region,
  };
}

export const accessibilityMark: PageRule = {
  meta: {
    id: 'tw/accessibility-mark',
    requires: ['html', 'links'],
    category: 'governance',
    severity: 'serious',
    scope: 'page',
    pages: 'start',
    wcag: [],
    title: msg('首頁應有連結至認證頁面的無障礙標章', 'The home page should show the accessibility mark linked to its certificate'),
    description: msg(
      '政府網站須通過無障礙檢測並取得標章（身心障礙者權益保障法第52條之2）。標章圖片應置於首頁下方，並連結至數位發展部指定的認證頁面（accessibility.moda.gov.tw/Applications/Detail?category=標章編號）。',
      "Government sites must pass the accessibility test and display the mark (People with Disabilities Rights Protection Act §52-2). The mark image belongs at the bottom of the home page, linked to the certificate page MODA designates (accessibility.moda.gov.tw/Applications/Detail?category=<mark number>).",
    ),
    howToFix: msg(
      '於首頁頁尾放置 88×31 的標章圖片，alt 註明等級（如「通過AA檢測等級無障礙網頁檢測」），並以 <a href="https://accessibility.moda.gov.tw/Applications/Detail?category=標章編號"> 包住圖片。',
      'Place the 88×31 mark image in the home page footer with an alt naming the level (e.g. 「通過AA檢測等級無障礙網頁檢測」), wrapped in <a href="https://accessibility.moda.gov.tw/Applications/Detail?category=<mark number>">.',
    ),
    helpUrl: 'https://accessibility.moda.gov.tw/Home/Apply',
    source: '身心障礙者權益保障法 §52-2；無障礙檢測及認證標章核發辦法 §5–6',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const mark = findMark(page);
    if (!mark) {
      return fail({
        message: msg('首頁沒有無障礙標章', 'The home page shows no accessibility mark'),
        data: markData(null),
      });
    }
    const base = { selector: mark.selector, snippet: mark.snippet, data: markData(mark) };
    if (mark.status === 'unlinked') {
      return fail({
        ...base,
        message: msg(
          '無障礙標章圖片沒有連結至數位發展部的認證頁面（Applications/Detail?category=標章編號）',
          "The accessibility mark image is not linked to MODA's certificate page (Applications/Detail?category=<mark number>)",
        ),
      });
    }
    if (mark.status === 'wrong-link') {
      return fail({
        ...base,
        severity: 'moderate',
        message: msg(
          `無障礙標章連結至 ${mark.href}，而不是該標章的認證頁面（Applications/Detail?category=標章編號）`,
          `The accessibility mark links to ${mark.href} instead of its certificate page (Applications/Detail?category=<mark number>)`,
        ),
      });
    }
    return pass();
  },
};
