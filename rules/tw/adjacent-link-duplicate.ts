// tw/adjacent-link-duplicate (HM1240400C): an image link and a text link next to each other that go to the
// same place, with the image's alt repeating the text, make screen readers announce the link twice. axe's
// image-redundant-alt covers an image inside the text link (same code); this covers two separate links.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf, normalizeText } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, isShown, linkEvidence, visibleTextOf } from './lib/markup.ts';

function target(a: Element, base: string): string | null {
  try {
    const u = new URL((a.getAttribute('href') ?? '').trim(), base);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** alt of an image-only link (no text of its own), else null. */
function imageOnlyAlt(a: Element): string | null {
  if (normalizeText(visibleTextOf(a))) return null;
  const alts = Array.from(a.querySelectorAll('img')).map((i) => normalizeText(i.getAttribute('alt') ?? '')).filter(Boolean);
  return alts.length ? alts.join(' ') : null;
}

const same = (a: string, b: string) => a.toLowerCase().replace(/\s+/g, '') === b.toLowerCase().replace(/\s+/g, '');

export const adjacentLinkDuplicate: PageRule = {
  meta: {
    id: 'tw/adjacent-link-duplicate',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['2.4.4'],
    twCodes: { '115.11': ['HM1240400C'], '110.07': ['HM1240400C'] },
    level: 'A',
    requires: ['html', 'links'],
    title: msg('相鄰的圖片與文字鏈結應合併', 'Adjacent image and text links to the same page should be combined'),
    description: msg(
      '相鄰的圖片鏈結與文字鏈結指向同一網址、且圖片 alt 與鏈結文字相同時，螢幕報讀軟體會重複朗讀（網站無障礙規範 HM1240400C）。',
      'An image link next to a text link to the same URL, with the image alt repeating the link text, is announced twice by screen readers (Taiwan accessibility spec HM1240400C).',
    ),
    howToFix: msg(
      '把圖片與文字放進同一個 <a>，圖片改用 alt=""。',
      'Put the image and the text in one <a> and give the image alt="".',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H2',
    source: '網站無障礙規範 115.11 HM1240400C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const base = page.finalUrl || page.url;
    const links = Array.from(documentOf(page).querySelectorAll('a[href]')).filter((a) => isShown(page, a));
    const findings: FindingDraft[] = [];
    let applicable = false;
    for (let i = 0; i + 1 < links.length; i++) {
      const [a, b] = [links[i]!, links[i + 1]!];
      const href = target(a, base);
      if (!href || href !== target(b, base)) continue;
      const [img, text] = imageOnlyAlt(a) !== null ? [a, b] : imageOnlyAlt(b) !== null ? [b, a] : [null, null];
      if (!img || !text) continue;
      applicable = true;
      const alt = imageOnlyAlt(img)!;
      const words = normalizeText(visibleTextOf(text));
      if (!words || !same(alt, words)) continue;
      findings.push({
        ...linkEvidence(page, img),
        message: msg(`圖片鏈結的 alt「${alt}」與相鄰的同址文字鏈結重複`, `The image link's alt "${alt}" repeats the adjacent text link to the same URL`),
        data: { href, text: words },
      });
    }
    return applicable ? resultOf(capFindings(findings)) : notApplicable();
  },
};
