// 個人資料: a national ID number in public page text is a personal-data leak (個資法; Taipei 作業原則
// 「個人隱私資料…不宜公布於網站」) — typically a list of applicants, winners or fines published as-is.
// The number is masked in every message and snippet so the report does not leak it a second time.
import type { PageRule } from '../../core/types.ts';
import { documentOf, selectorOf } from '../lib/dom.ts';
import { msg, resultOf } from '../lib/result.ts';
import { findNationalIds } from './lib/national-id.ts';

/** Findings per page; more hits are counted on the last one. */
const MAX_FINDINGS = 20;

/** The element whose own text holds the number, for a selector (one pass over the text nodes). */
function elementHolding(doc: Document, id: string): Element | null {
  for (const el of Array.from(doc.querySelectorAll('body *'))) {
    if (/^(script|style|template)$/i.test(el.tagName)) continue;
    let own = '';
    for (const node of Array.from(el.childNodes)) if (node.nodeType === 3) own += node.textContent ?? '';
    if (own.normalize('NFKC').includes(id)) return el;
  }
  return null;
}

export const nationalIdExposed: PageRule = {
  meta: {
    id: 'gov/national-id-exposed',
    requires: ['html', 'text', 'title'],
    category: 'governance',
    severity: 'critical',
    scope: 'page',
    pages: 'all',
    wcag: [],
    title: msg('網頁不得公開身分證字號', 'No national ID numbers in page text'),
    description: msg(
      '檢查網頁文字中是否出現檢查碼正確的身分證統一編號或新式統一證號（如公告名單未遮蔽）。檢查碼不符的相似字串不列入。',
      'Looks for national ID numbers (and new-style resident certificate numbers) with a valid check digit in the page text, e.g. an unmasked list of applicants. Look-alikes with a wrong check digit are ignored.',
    ),
    howToFix: msg(
      '立即下架或遮蔽頁面中的身分證字號（例如 A12****789），並檢查附件與其他公告名單；依個資法評估是否需通報。',
      'Remove or mask the ID numbers on the page at once (e.g. A12****789), check attachments and other published lists, and assess whether the leak must be reported under the Personal Data Protection Act.',
    ),
    source: '個人資料保護法；臺北市各機關網站服務作業原則 參、二、(二)；tw-rules #33',
    tags: ['privacy', 'pii'],
  },
  check(page) {
    const hits = findNationalIds(`${page.title}\n${page.text}`.normalize('NFKC'));
    if (hits.length === 0) return resultOf([]);
    const doc = documentOf(page);
    const shown = hits.slice(0, MAX_FINDINGS);
    return resultOf(
      shown.map((hit, i) => {
        const el = elementHolding(doc, hit.id);
        return {
          message: msg(
            `頁面文字出現身分證統一編號 ${hit.masked}（檢查碼正確）。`,
            `The page text shows a national ID number, ${hit.masked} (valid check digit).`,
          ),
          selector: el ? selectorOf(el) : null,
          snippet: hit.context,
          data: {
            masked: hit.masked,
            ...(i === shown.length - 1 && hits.length > shown.length ? { moreNumbers: hits.length - shown.length } : {}),
          },
        };
      }),
    );
  },
};
