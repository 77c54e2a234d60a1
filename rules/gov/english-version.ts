// 英文版網站: foreign residents and businesses need an English version (Taipei 作業原則 外語版網站;
// HyUI5's language menu). Found by link text, hreflang, an /en/ path or a start page whose text is English
// (never by the page's own lang attribute).
import type { PageArtifacts } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { msg } from '../lib/result.ts';
import { linkPresenceRule } from './lib/link-rule.ts';
import { clickablesOf } from './lib/clickables.ts';

/** Normalised labels: English, EN, ENG, 英文版, 英文網站; also a generic language menu (多國語言, Language). */
export const ENGLISH_LABEL = /english|^en$|^eng$|英文|外語|多國語|多語|^languages?$|語言(選擇|切換|版本)/;
/** /en/, /eng/, /english/, index_en.html, ?lang=en, en.example.gov.tw … */
export const ENGLISH_HREF =
  /\/(en|eng|english|en-us|en_us|en-gb)(\/|$|\.|\?|#|_)|[?&](lang|language|locale|culture|lng|hl|l)=en|^https?:\/\/(en|eng|english)\.|[-_]en\.(s?html?|aspx?|php|jsp)(\?|#|$)/;

/** English words needed before the page's own text can count as an English version. */
const MIN_ENGLISH_WORDS = 20;

/**
 * The page's own text is English: many English words and few Chinese characters. The lang attribute is
 * no evidence: Chinese pages often carry lang="en" by template mistake.
 */
export function textIsEnglish(text: string): boolean {
  const words = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
  const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  return words >= MIN_ENGLISH_WORDS && cjk < words / 2;
}

/** The start page is itself in English, declares an English alternate, or offers a translation widget. */
function englishOnPage(page: PageArtifacts): boolean {
  if (textIsEnglish(page.text)) return true;
  const doc = documentOf(page);
  if (doc.querySelector('link[hreflang^="en" i]')) return true;
  if (clickablesOf(page).some((c) => /^en/i.test(c.hreflang ?? ''))) return true;
  return /translate\.google|google_translate_element|gtranslate/i.test(page.html);
}

export const englishVersion = linkPresenceRule({
  meta: {
    id: 'gov/english-version',
    severity: 'moderate',
    wcag: [],
    title: msg('網站應提供英文版', 'The site offers an English version'),
    description: msg(
      '檢查首頁是否有英文版連結（English、EN、英文版）、hreflang="en" 或 /en/ 路徑。',
      'Looks on the start page for a link to an English version: "English" / "EN" / 英文版 text, hreflang="en", or an /en/ path.',
    ),
    howToFix: msg(
      '提供英文版網站（至少機關簡介、業務與聯絡資訊），並在全站頁首放置「English」連結，加上 hreflang="en"。',
      'Provide an English version (at least the agency profile, services and contact details) and link it as "English" from the site-wide header, with hreflang="en".',
    ),
    source: '臺北市各機關網站服務作業原則 外語版網站；HyUI5 語系選單；tw-rules #25',
    tags: ['site-element'],
  },
  link: { label: ENGLISH_LABEL, href: ENGLISH_HREF },
  alsoFound: englishOnPage,
  missing: msg('在首頁找不到英文版連結。', 'No link to an English version was found on the start page.'),
});
