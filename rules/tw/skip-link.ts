// tw/skip-link: the first Tab stop skips to the main content (WCAG 2.4.1; 網站無障礙規範 GN1240100E
// 「主要內容導盲磚」). Focus order is gathered in the browser by pressing Tab; the target is checked in
// the DOM. Runs on every sampled page: 2.4.1 is judged per page, and inner templates (cp.aspx, News_Content)
// often lose the link the home page has; scores are normalised per page, so repeating it costs nothing.
import type { FocusStop, PageArtifacts, PageRule } from '../../core/types.ts';
import { documentOf, elementOf, normalizeText } from '../lib/dom.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { fragmentTargetOf, visibleTextOf } from './lib/markup.ts';
import { isGuideBrickText, isSkipLinkText } from './lib/patterns.ts';

/** The names a focus stop carries (text, accessible name, title, aria-label), each judged on its own. */
function stopTexts(stop: FocusStop, page: PageArtifacts): string[] {
  const parts = [stop.text, stop.name];
  // The focus record carries text and accessible name; title/aria-label live on the element itself.
  const el = elementOf(page, stop);
  if (el) parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '');
  return parts.filter(Boolean).map((p) => normalizeText(p));
}

/** A `:::` brick with accesskey C (or titled as the main region) is the Taiwanese form of a skip link. */
function isMainBrick(stop: FocusStop, texts: string[]): boolean {
  if (!isGuideBrickText(stop.text)) return false;
  const keys = (stop.accesskey ?? '').toUpperCase().split(/\s+/);
  return keys.includes('C') || texts.some((t) => /中央|主要?內容|主要?内容|main|content/i.test(t));
}

function describe(stop: FocusStop): string {
  const label = normalizeText(stop.name || stop.text || stop.rawHref || stop.tag);
  return `<${stop.tag}> ${label.length > 40 ? `${label.slice(0, 40)}…` : label}`;
}

/** Is there a skip link anywhere in the DOM (for a more helpful message when it is not first)? */
function skipLinkElsewhere(page: PageArtifacts): boolean {
  for (const a of Array.from(documentOf(page).querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href.includes('#')) continue;
    // A ::: guide brick is the landing anchor of its region (titled 中央內容區塊), not a link that skips to it.
    if (isGuideBrickText(visibleTextOf(a))) continue;
    const names = [visibleTextOf(a), a.getAttribute('title') ?? '', a.getAttribute('aria-label') ?? ''];
    if (names.some((t) => isSkipLinkText(normalizeText(t)))) return true;
  }
  return false;
}

export const skipLink: PageRule = {
  meta: {
    id: 'tw/skip-link',
    requires: ['focusOrder', 'html'],
    category: 'governance',
    severity: 'serious',
    scope: 'page',
    pages: 'all',
    wcag: ['2.4.1'],
    twCodes: { '115.11': ['GN1240100E'], '110.07': ['GN1240100E'] },
    title: msg('第一個可聚焦元素應為「跳到主要內容」連結', 'The first focusable element should be a skip-to-content link'),
    description: msg(
      '按 Tab 鍵時第一個取得焦點的元素應是跳到主要內容的連結（如「跳到主要內容」「按Enter到主內容區」或 accesskey C 的 ::: 導盲磚），且其目標錨點存在於頁面中。',
      'The first element reached with Tab should be a link that skips to the main content (e.g. "Skip to main content", 「按Enter到主內容區」 or the ::: guide brick with accesskey C), and its target must exist on the page.',
    ),
    howToFix: msg(
      '在 <body> 開頭加入 <a href="#main" class="skip-link">跳到主要內容</a>（聚焦時可見），並讓 id="main" 的元素包住主要內容；不要在它之前放置其他可聚焦元素或正數 tabindex。',
      'Put <a href="#main" class="skip-link">Skip to main content</a> first in <body> (visible on focus) and give the main content id="main"; nothing focusable (and no positive tabindex) may come before it.',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG21/Techniques/general/G1',
    source: '網站無障礙規範 110.07 GN1240100E；WCAG 2.1 G1',
  },
  check(page) {
    const first = page.focusOrder[0];
    if (!first) {
      // No Tab stop recorded: either the focus order was not gathered, or the page has nothing to focus
      // (a blank page, a script-only shell whose script failed): that page has no skip link either.
      if (!page.html || hasFocusable(page)) return notApplicable();
      return fail({
        message: msg('頁面沒有任何可聚焦的元素，也就沒有「跳到主要內容」連結', 'The page has nothing that can take focus, so it has no skip-to-content link'),
      });
    }
    const texts = stopTexts(first, page);
    const isSkip = texts.some(isSkipLinkText) || isMainBrick(first, texts);
    const data = { firstStop: { tag: first.tag, text: first.text, href: first.rawHref, selector: first.selector } };
    if (!isSkip) {
      const elsewhere = skipLinkElsewhere(page);
      return fail({
        selector: first.selector,
        message: elsewhere
          ? msg(
              `頁面有跳到主要內容的連結，但它不是第一個可聚焦元素（第一個是 ${describe(first)}）`,
              `The page has a skip-to-content link, but it is not the first focusable element (the first is ${describe(first)})`,
            )
          : msg(
              `第一個可聚焦元素（${describe(first)}）不是跳到主要內容的連結`,
              `The first focusable element (${describe(first)}) is not a skip-to-content link`,
            ),
        data: { ...data, skipLinkElsewhere: elsewhere },
      });
    }
    // A non-link (e.g. a div with a click handler) or a script-driven href cannot be followed here:
    // give it the benefit of the doubt.
    const target = fragmentTargetOf(page, first.rawHref);
    if (target.kind === 'other-page') {
      return fail({
        selector: first.selector,
        message: msg(
          `跳到主要內容的連結指向其他頁面（${target.href}），而不是本頁的主要內容`,
          `The skip-to-content link points to another page (${target.href}) instead of this page's main content`,
        ),
        data,
      });
    }
    const exists = first.targetExists ?? (target.kind === 'in-page' ? target.exists : null);
    if (target.kind === 'in-page' && exists === false) {
      return fail({
        selector: first.selector,
        message: msg(
          `跳到主要內容的連結目標 #${target.fragment} 不存在於頁面中`,
          `The skip-to-content link's target #${target.fragment} does not exist on the page`,
        ),
        data,
      });
    }
    return pass();
  },
};

const FOCUSABLE = 'a[href],area[href],button,input:not([type="hidden"]),select,textarea,iframe,summary,[tabindex],[contenteditable=""],[contenteditable="true"]';

function hasFocusable(page: PageArtifacts): boolean {
  return documentOf(page).querySelector(FOCUSABLE) !== null;
}
