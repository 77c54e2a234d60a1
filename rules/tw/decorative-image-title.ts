// tw/decorative-image-title (HM1110106C): an image marked decorative with alt="" must not carry a title —
// the title is announced or shown as a tooltip, so the image is not decorative after all. A Freego check
// stricter than WCAG; Freego skips hidden nodes, and so do we.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf, normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, hiddenByMarkup } from './lib/markup.ts';

export const decorativeImageTitle: PageRule = {
  meta: {
    id: 'tw/decorative-image-title',
    requires: ['html'],
    category: 'governance',
    severity: 'moderate',
    scope: 'page',
    pages: 'all',
    wcag: ['1.1.1'],
    twCodes: { '115.11': ['HM1110106C'], '110.07': ['HM1110106C'] },
    title: msg('裝飾性圖片（alt=""）不應有 title', 'Decorative images (alt="") should not have a title'),
    description: msg(
      'alt 為空字串表示圖片僅供裝飾、輔助科技應忽略；若同時設定 title，會產生矛盾的替代文字（網站無障礙規範 HM1110106C）。',
      'An empty alt marks an image as decorative for assistive technology to ignore; a title on the same image contradicts that (Taiwan accessibility spec HM1110106C).',
    ),
    howToFix: msg(
      '裝飾性圖片移除 title；若圖片傳達資訊，改用描述內容的 alt 並移除 title。',
      'Remove the title from decorative images; if the image carries information, give it a descriptive alt instead.',
    ),
    helpUrl: 'https://accessibility.moda.gov.tw/Accessible/Guide/68',
    source: '網站無障礙規範 110.07 HM1110106C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const findings: FindingDraft[] = [];
    let decorative = 0;
    for (const img of Array.from(documentOf(page).querySelectorAll('img[alt]'))) {
      if ((img.getAttribute('alt') ?? '').trim() !== '' || hiddenByMarkup(img)) continue;
      decorative++;
      const title = normalizeText(img.getAttribute('title') ?? '');
      if (!title) continue;
      findings.push({
        selector: selectorOf(img),
        snippet: snippetOf(img),
        message: msg(`裝飾性圖片（alt=""）設有 title「${title}」`, `Decorative image (alt="") has the title "${title}"`),
        data: { src: img.getAttribute('src'), title },
      });
    }
    if (decorative === 0) return notApplicable();
    return resultOf(capFindings(findings));
  },
};
