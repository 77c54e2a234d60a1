// 聯絡資訊: the footer of a government site gives the agency's address and phone number
// (HyUI5 footer; basic e-government criteria). Both are looked for in the readable text, image alts
// and tel: links. A 聯絡我們 / 首長信箱 link alone is not contact information, but it softens the finding.
import type { PageArtifacts, PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { findClickable } from './lib/clickables.ts';
import { readableTextOf } from './lib/page-text.ts';
import { judgeable, pagesToSearch, searchPages } from './lib/scope.ts';

const HAN = '\\u4e00-\\u9fff';
/** A Taiwanese street address: …路/街/巷/村… then a house number 號 (台北市中正區忠孝東路1段1號). */
export const ZH_ADDRESS = new RegExp(
  `[${HAN}](路|街|大道|巷|弄|村|里|鄰)[${HAN}\\d段巷弄之\\- ]{0,16}?[\\d一二三四五六七八九十百]+ ?號`,
);
/** An address label followed by something: 地址：…, Address: … */
export const ADDRESS_LABEL = /(地 ?址|住址|通訊處|(?<!mail ?)address|addr)\s*[:：]\s*\S.{3,}/i;
/** English form: No. 1, Sec. 1, Zhongxiao E. Rd., Zhongzheng Dist., Taipei City 100, Taiwan. */
export const EN_ADDRESS =
  /\bNo\.?\s*\d+[^\n]{0,120}?\b(Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Ln|Lane|Aly|Alley|Sec|Section|Dist|District|Hwy|Highway)\b|\b\d+[^\n]{0,40}\b(Rd|Road|Street|Ave|Avenue|Blvd)\b\.?,[^\n]{0,100}\b(City|County|Taiwan|Township)\b/i;

/** (02)2311-2345, 02-2311-2345, 049-2394300, 0800-080-090, +886-2-2311-2345. */
export const PHONE =
  /\(0\d{1,3}\) ?-?\d{3,4}[ -]?\d{3,4}(?!\d)|(?<![\d-])0\d{1,3}[ -]?\d{3,4}[ -]?\d{3,4}(?!\d)|(?<!\d)0800[ -]?\d{3}[ -]?\d{3}(?!\d)|\+ ?886[ -]?\(?0?\d{1,2}\)?[ -]?\d{3,4}[ -]?\d{3,4}(?!\d)/;
/** A phone label followed by digits: 電話：…, 總機 …, 服務專線 1999, Tel: … */
export const PHONE_LABEL = /(電話|總機|專線|熱線|客服|服務台|tel|phone|telephone)\s*[:：.]?\s*[+(]?\d[\d ()\-#]{3,}/i;

/** A way to reach the agency other than address and phone. */
const CONTACT_LINK = /聯絡我們|聯絡資訊|聯絡方式|聯繫我們|首長信箱|民意信箱|意見信箱|服務信箱|陳情|contact/;

export function hasAddress(text: string): boolean {
  return ZH_ADDRESS.test(text) || ADDRESS_LABEL.test(text) || EN_ADDRESS.test(text);
}

export function hasPhone(text: string): boolean {
  return PHONE.test(text) || PHONE_LABEL.test(text);
}

const addressOn = (p: PageArtifacts) => (hasAddress(readableTextOf(p)) ? true : null);
const phoneOn = (p: PageArtifacts) =>
  hasPhone(readableTextOf(p)) || findClickable(p, { href: /^tel:/ }) ? true : null;

export const contactInfo: PageRule = {
  meta: {
    id: 'gov/contact-info',
    requires: ['html', 'links', 'text', 'httpStatus'],
    category: 'governance',
    severity: 'serious',
    scope: 'page',
    pages: 'start',
    wcag: [],
    title: msg('首頁應列出機關地址與電話', 'The start page gives the address and phone number'),
    description: msg(
      '檢查首頁（通常在頁尾）是否列出機關地址與聯絡電話（含圖片替代文字與 tel: 連結）。',
      "Looks on the start page (usually the footer) for the agency's postal address and phone number, including image alt text and tel: links.",
    ),
    howToFix: msg(
      '在全站頁尾以文字列出機關地址、總機電話（並可加上服務時間與首長信箱連結）；勿只放在圖片中而無替代文字。',
      "Put the agency's address and main phone number as text in the site-wide footer (office hours and a mailbox link help too); never only inside an image without alt text.",
    ),
    source: 'HyUI5 頁尾範本；電子化政府網站基本要素（聯絡資訊）；tw-rules #23',
    tags: ['site-element'],
  },
  check(page, ctx) {
    if (!judgeable(page, ctx)) return notApplicable();
    const address = searchPages(page, ctx, addressOn) !== null;
    const phone = searchPages(page, ctx, phoneOn) !== null;
    if (address && phone) return pass();
    const contactLink = pagesToSearch(page, ctx).some(
      (p) => findClickable(p, { label: CONTACT_LINK, href: /^mailto:|contact/ }) !== null,
    );
    const zh = !address && !phone ? '地址與電話' : !address ? '地址' : '電話';
    const en = !address && !phone ? 'address and phone number' : !address ? 'address' : 'phone number';
    return fail({
      message: contactLink
        ? msg(
            `首頁找不到機關${zh}（僅有聯絡我們或信箱連結）。`,
            `The agency's ${en} could not be found on the start page (only a contact or mailbox link).`,
          )
        : msg(`首頁找不到機關${zh}。`, `The agency's ${en} could not be found on the start page.`),
      severity: contactLink ? 'moderate' : undefined,
      data: { address, phone, contactLink },
    });
  },
};
