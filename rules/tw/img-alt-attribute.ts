// tw/img-alt-attribute (HM1110100C ★): the annex wants the alt attribute itself on every img (alt="" for
// decoration). axe's image-alt also accepts aria-label, aria-labelledby, title or role="presentation"
// without alt; Freego does not. Images with no name at all are axe's image-alt (same code).
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, shownElements } from './lib/markup.ts';

/** What axe's image-alt accepts in place of alt. */
function axeSubstitute(img: Element): string | null {
  for (const attr of ['aria-label', 'aria-labelledby', 'title']) if (normalizeText(img.getAttribute(attr) ?? '')) return attr;
  const role = (img.getAttribute('role') ?? '').trim().toLowerCase();
  return role === 'presentation' || role === 'none' ? `role="${role}"` : null;
}

export const imgAltAttribute: PageRule = {
  meta: {
    id: 'tw/img-alt-attribute',
    category: 'governance',
    severity: 'serious',
    scope: 'page',
    pages: 'all',
    wcag: ['1.1.1'],
    twCodes: { '115.11': ['HM1110100C'], '110.07': ['HM1110100C'] },
    level: 'A',
    requires: ['html'],
    title: msg('圖片須有 alt 屬性', 'Images need the alt attribute itself'),
    description: msg(
      '每個 <img> 都須有 alt 屬性（裝飾性圖片用 alt=""）；以 aria-label、title 或 role="presentation" 取代 alt，Freego 判定不通過（網站無障礙規範 HM1110100C）。',
      'Every <img> needs an alt attribute (alt="" when decorative); Freego fails images that rely on aria-label, title or role="presentation" instead (Taiwan accessibility spec HM1110100C).',
    ),
    howToFix: msg('加上描述圖片內容的 alt；裝飾性圖片加 alt=""。', 'Add an alt describing the image; alt="" for decorative images.'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H37',
    source: '網站無障礙規範 115.11 HM1110100C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const images = shownElements(page, 'img');
    if (!images.length) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const img of images) {
      if (img.hasAttribute('alt')) continue;
      const instead = axeSubstitute(img);
      if (!instead) continue;
      findings.push({
        selector: selectorOf(img),
        snippet: snippetOf(img),
        message: msg(`圖片沒有 alt 屬性，只有 ${instead}`, `The image has no alt attribute, only ${instead}`),
        data: { src: img.getAttribute('src'), instead },
      });
    }
    return resultOf(capFindings(findings));
  },
};
