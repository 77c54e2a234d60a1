// tw/fixed-colours (CS3140800C, AAA): users must be able to choose text and background colours (WCAG 1.4.8,
// techniques C23/G148). The annex fails a page whose only style sheet sets both the text colour and the
// background colour of the main content (html, body, main or the usual content containers) and offers no
// alternative: no alternate style sheet, no prefers-color-scheme / prefers-contrast / forced-colors styles,
// no colour or contrast switch on the page. Freego has no checker for it.
import type { PageRule } from '../../core/types.ts';
import { documentOf, normalizeText, selectorOf } from '../lib/dom.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { declarationHitsInStyleAttribute, declarationHitsInStylesheet, type CssHit, type DeclarationTest } from './lib/css.ts';
import { authoredStylesheets } from './lib/page-css.ts';
import { shownElements, visibleTextOf } from './lib/markup.ts';

const MAIN_SELECTORS = new Set(['html', 'body', 'main', '[role=main]', '#main', '#content', '#center', '#container', '#wrapper', '.main', '.content', '.wrapper', '.container']);
const NO_COLOUR = /^(?:transparent|inherit|initial|unset|revert|currentcolor|none)$/i;
const USER_PREFERENCE_MEDIA = /@media[^{]*(?:prefers-color-scheme|prefers-contrast|forced-colors|-ms-high-contrast)/i;
const SWITCH_WORDS = /高對比|深色|暗色|淺色|夜間模式|配色|色彩(?:切換|設定|模式|選擇)|佈景|主題色|版面顏色|contrast|dark\s*mode|light\s*mode|night\s*mode|colou?r\s*(?:scheme|mode|theme|settings?)|\btheme\b/i;

/** color / background-color / background with a colour, on a main-content selector. */
const colourTest: DeclarationTest = (selector, prop, value) => {
  const v = value.replace(/!important/i, '').trim();
  const kind = prop === 'color' ? 'text' : prop === 'background-color' ? 'background' : prop === 'background' && !/^(?:none|transparent)$/i.test(v) && !/^url\([^)]*\)\s*(?:no-repeat|repeat|center|top|left|\s)*$/i.test(v) ? 'background' : null;
  if (!kind || NO_COLOUR.test(v)) return null;
  const mains = selector.split(',').map((s) => s.trim().toLowerCase().replace(/\s+/g, ' ')).filter((s) => MAIN_SELECTORS.has(s));
  return mains.length ? { selector: mains.join(', '), declaration: `${prop}: ${value}`.slice(0, 120), value: kind } : null;
};

function alternativeOffered(page: Parameters<PageRule['check']>[0]): string | null {
  const doc = documentOf(page);
  if (doc.querySelector('link[rel~="alternate"][rel~="stylesheet"], link[rel~="Alternate"][rel~="stylesheet"]')) return 'alternate style sheet';
  if (authoredStylesheets(page).some((s) => USER_PREFERENCE_MEDIA.test(s.text))) return 'user-preference media query';
  if (doc.querySelector('link[media*="prefers-color-scheme"], link[media*="prefers-contrast"]')) return 'user-preference media query';
  const controls = shownElements(page, 'button, a, [role=button], [role=switch], select, label, input[type=button]');
  const control = controls.find((c) => SWITCH_WORDS.test(normalizeText(`${visibleTextOf(c)} ${c.getAttribute('title') ?? ''} ${c.getAttribute('aria-label') ?? ''} ${c.getAttribute('value') ?? ''}`)));
  return control ? `switch: ${selectorOf(control)}` : null;
}

export const fixedColours: PageRule = {
  meta: {
    id: 'tw/fixed-colours',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['1.4.8'],
    twCodes: { '115.11': ['CS3140800C'], '110.07': ['CS3140800C'] },
    level: 'AAA',
    requires: ['html', 'stylesheets'],
    title: msg('應讓使用者選擇文字與背景顏色', 'Users should be able to choose text and background colours'),
    description: msg(
      'AAA 等級：樣式表同時設定主要內容的文字顏色與背景顏色、又沒有替代樣式（替代樣式表、高對比或深色模式切換、依使用者偏好的 prefers-color-scheme 樣式）時，使用者無法選擇自己的配色（網站無障礙規範 CS3140800C）。',
      'Level AAA: when the style sheet sets both the text and the background colour of the main content and offers no alternative (alternate style sheet, high-contrast or dark-mode switch, prefers-color-scheme styles), users cannot choose their colours (Taiwan accessibility spec CS3140800C).',
    ),
    howToFix: msg(
      '提供高對比／深色模式切換或替代樣式表，或以 @media (prefers-color-scheme: dark) 等依使用者偏好調整配色。',
      'Offer a high-contrast / dark-mode switch or an alternate style sheet, or follow the user\'s preference with @media (prefers-color-scheme: dark).',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/css/C23',
    source: '網站無障礙規範 115.11 CS3140800C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const hits: CssHit[] = [];
    for (const sheet of authoredStylesheets(page)) hits.push(...declarationHitsInStylesheet(sheet.text, colourTest));
    // Inline styles and the legacy presentational attributes (<body bgcolor text>) of the page's root elements.
    for (const el of shownElements(page, 'html, body, main')) {
      const tag = el.tagName.toLowerCase();
      hits.push(...declarationHitsInStyleAttribute(el.getAttribute('style') ?? '', (_s, prop, value) => colourTest(tag, prop, value)));
      if (el.getAttribute('bgcolor')) hits.push({ selector: tag, declaration: `bgcolor="${el.getAttribute('bgcolor')}"`, value: 'background' });
      if (el.getAttribute('text')) hits.push({ selector: tag, declaration: `text="${el.getAttribute('text')}"`, value: 'text' });
    }
    // The page's colours: both set on one main-content selector, or text on one and background on another.
    const kinds = new Set(hits.map((h) => h.value));
    if (!kinds.has('text') || !kinds.has('background')) return pass();
    const alternative = alternativeOffered(page);
    if (alternative) return pass();
    const examples = hits.slice(0, 4).map((h) => `${h.selector} { ${h.declaration} }`);
    return fail({
      message: msg(
        `主要內容的文字與背景顏色都由樣式表固定（${examples.join('；')}），且沒有替代配色`,
        `The style sheet fixes both the text and the background colour of the main content (${examples.join('; ')}) with no alternative`,
      ),
      data: { examples, selectors: [...new Set(hits.map((h) => h.selector))] },
    });
  },
};
