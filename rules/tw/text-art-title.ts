// tw/text-art-title (HM1110103C, needs review only): emoji, emoticons/kaomoji and ASCII art that carry
// meaning need a text equivalent — the annex: a non-empty title on a suitable element. Whether a symbol
// carries meaning is for a person to judge (Freego suspended its check), so this rule never fails a page:
// it lists the symbols without a title for review.
import type { FindingDraft, PageRule, RuleResult } from '../../core/types.ts';
import { documentOf, normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable } from '../lib/result.ts';
import { capFindings, hiddenByMarkup } from './lib/markup.ts';

/** Pictographic emoji (©, ®, ™ and digits, which Unicode also lists, are ordinary text here). */
const EMOJI = /(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}/u;
/** (^_^) (＾▽＾) (´・ω・`) m(_ _)m orz ^^; :-) ;) :D XD <3 */
const EMOTICON =
  /[(（][^()（）\s]{0,3}[\^＾´`･・°ﾟ≧≦>＞<＜;；TㄒQ][^()（）]{0,5}[)）]|m\(_ ?_\)m|(?<![A-Za-z])(?:orz|OTZ|XD)(?![A-Za-z])|\^\^;?|(?<![\w/])[:;=][-'^]?[)(DPp|\]\[/\\](?![\w])|<3/u;
/** ASCII art: three or more lines, mostly drawing symbols (a code sample or a table of figures is mostly letters and digits). */
function asciiArt(text: string): boolean {
  if (text.split('\n').filter((l) => l.trim()).length < 3) return false;
  const chars = text.replace(/\s/g, '');
  const symbols = (chars.match(/[\\/|_\-=+*#@~^()<>[\]{}.:'`]/g) ?? []).length;
  const words = (chars.match(/[\p{L}\p{N}]/gu) ?? []).length;
  return chars.length >= 12 && symbols >= 0.6 * chars.length && words <= 0.3 * chars.length;
}

function titled(el: Element): boolean {
  for (let n: Element | null = el; n && n.tagName !== 'BODY'; n = n.parentElement) {
    if (normalizeText(n.getAttribute('title') ?? '')) return true;
    if ((n.getAttribute('role') ?? '').trim() === 'img' && normalizeText(n.getAttribute('aria-label') ?? '')) return true;
  }
  return false;
}

export const textArtTitle: PageRule = {
  meta: {
    id: 'tw/text-art-title',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['1.1.1'],
    twCodes: { '115.11': ['HM1110103C'], '110.07': ['HM1110103C'] },
    level: 'A',
    requires: ['html'],
    tags: ['needs-review'],
    title: msg('表情符號與字元圖應有 title 說明（待人工確認）', 'Emoji, emoticons and ASCII art should carry a title (needs review)'),
    description: msg(
      '用來表達意思的表情符號、顏文字或 ASCII 字元圖，須以非空的 title 提供文字說明（網站無障礙規範 HM1110103C）。是否表達意思須人工判斷，本規則只列出待確認項目，不判定不通過。',
      'Emoji, emoticons or ASCII art used for meaning need a text equivalent in a non-empty title (Taiwan accessibility spec HM1110103C). Whether a symbol carries meaning needs a person; this rule lists candidates for review and never fails a page.',
    ),
    howToFix: msg(
      '以 <span title="微笑">😊</span> 或 <abbr title="說明">…</abbr> 提供說明；純裝飾的符號加 aria-hidden="true"。',
      'Use <span title="smile">😊</span> or <abbr title="meaning">…</abbr>; mark purely decorative symbols aria-hidden="true".',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H86',
    source: '網站無障礙規範 115.11 HM1110103C',
  },
  check(page): RuleResult {
    if (!page.html) return notApplicable();
    const body = documentOf(page).querySelector('body');
    if (!body) return notApplicable();
    const review: FindingDraft[] = [];
    const seen = new Set<Element>();
    const walk = (el: Element) => {
      if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'MATH'].includes(el.tagName.toUpperCase()) || hiddenByMarkup(el)) return;
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('\n');
      const kind = EMOJI.test(own) ? 'emoji' : EMOTICON.test(own) ? 'emoticon' : el.tagName === 'PRE' && asciiArt(el.textContent ?? '') ? 'ascii-art' : null;
      if (kind && !seen.has(el) && !titled(el)) {
        seen.add(el);
        const text = normalizeText(own).slice(0, 40);
        review.push({
          selector: selectorOf(el),
          snippet: snippetOf(el, 160),
          message: msg(`「${text}」含${{ emoji: '表情符號', emoticon: '顏文字', 'ascii-art': 'ASCII 字元圖' }[kind]}，沒有 title 說明`, `"${text}" contains ${{ emoji: 'emoji', emoticon: 'an emoticon', 'ascii-art': 'ASCII art' }[kind]} without a title`),
          data: { kind },
        });
      }
      for (const child of Array.from(el.children)) walk(child);
    };
    walk(body);
    // Never applicable as a pass/fail check: a person decides, so the code stays "not checked" by machine.
    return { applicable: false, findings: [], needsReview: capFindings(review) };
  },
};
