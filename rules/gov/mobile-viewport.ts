// 響應式網頁: the start page adapts to phones. Two checks, as GSA's mobile scan and WCAG 1.4.10 Reflow do:
// a viewport meta that follows the device width, and no horizontal scrolling when the window is 320 CSS px.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { msg, resultOf } from '../lib/result.ts';

/** Reflow is measured at this width (WCAG 1.4.10); one extra pixel absorbs rounding. */
export const NARROW_WIDTH = 320;

function viewportContent(page: Parameters<PageRule['check']>[0]): { content: string; snippet: string } | null {
  const fromMeta = page.meta.find((m) => m.name?.toLowerCase() === 'viewport');
  if (fromMeta) return { content: fromMeta.content, snippet: `<meta name="viewport" content="${fromMeta.content}">` };
  const el = documentOf(page).querySelector('meta[name="viewport" i]');
  return el ? { content: el.getAttribute('content') ?? '', snippet: el.outerHTML } : null;
}

/** width=device-width, or initial-scale=1 without a fixed width (browsers then use the device width too). */
export function followsDeviceWidth(content: string): boolean {
  const c = content.toLowerCase().replace(/\s+/g, '');
  if (/(^|[,;])width=device-width/.test(c)) return true;
  return !/(^|[,;])width=\d/.test(c) && /(^|[,;])initial-scale=1(\.0*)?([,;]|$)/.test(c);
}

export const mobileViewport: PageRule = {
  meta: {
    id: 'gov/mobile-viewport',
    requires: ['html', 'meta', 'layout', 'narrowLayout'],
    category: 'governance',
    severity: 'serious',
    scope: 'page',
    pages: 'start',
    wcag: ['1.4.10'],
    title: msg('網頁應支援行動裝置（響應式）', 'The page adapts to mobile screens'),
    description: msg(
      '檢查首頁是否有 <meta name="viewport" content="width=device-width">，且在 320 CSS 像素寬的視窗中不需水平捲動。',
      'Checks that the start page has <meta name="viewport" content="width=device-width"> and needs no horizontal scrolling in a 320 CSS px wide window.',
    ),
    howToFix: msg(
      '在 <head> 加入 <meta name="viewport" content="width=device-width, initial-scale=1">，並以響應式版面（流動寬度、媒體查詢）讓內容在 320 像素寬時不需水平捲動。',
      'Add <meta name="viewport" content="width=device-width, initial-scale=1"> to <head> and use a responsive layout (fluid widths, media queries) so content reflows at 320 px without horizontal scrolling.',
    ),
    source: 'WCAG 2.1 1.4.10 重新排列（Reflow）；GSA Site Scanning viewport_meta_tag；tw-rules #26',
    tags: ['site-element', 'mobile'],
  },
  check(page) {
    const findings: FindingDraft[] = [];
    const viewport = viewportContent(page);
    if (!viewport) {
      findings.push({
        message: msg('缺少 viewport meta 標籤，行動裝置會以桌面寬度縮小顯示。', 'No viewport meta tag: phones show the page shrunk to desktop width.'),
        selector: 'head',
      });
    } else if (!followsDeviceWidth(viewport.content)) {
      findings.push({
        message: msg(
          `viewport 未設定 width=device-width（目前為「${viewport.content}」）。`,
          `The viewport does not set width=device-width (it is "${viewport.content}").`,
        ),
        selector: 'meta[name="viewport"]',
        snippet: viewport.snippet,
      });
    }
    const narrow = page.layout.narrowScrollWidth;
    if (narrow !== null && narrow > NARROW_WIDTH + 1) {
      // The element that sticks out furthest, measured after the layout settled (when gathered).
      const over = page.layout.narrowOverflow ?? null;
      findings.push({
        message: over
          ? msg(
              `在 ${NARROW_WIDTH} 像素寬的視窗中，頁面寬度為 ${narrow} 像素，需要水平捲動；最突出的元素是 ${over.selector}（寬 ${over.width} 像素，右緣在 ${over.right} 像素）。`,
              `In a ${NARROW_WIDTH} px wide window the page is ${narrow} px wide and needs horizontal scrolling; the element sticking out furthest is ${over.selector} (${over.width} px wide, right edge at ${over.right} px).`,
            )
          : msg(
              `在 ${NARROW_WIDTH} 像素寬的視窗中，頁面寬度為 ${narrow} 像素，需要水平捲動。`,
              `In a ${NARROW_WIDTH} px wide window the page is ${narrow} px wide and needs horizontal scrolling.`,
            ),
        selector: over?.selector ?? 'html',
        snippet: over?.snippet ?? null,
        data: { narrowScrollWidth: narrow, viewportWidth: NARROW_WIDTH, ...(over ? { overflowingElement: over.selector, overflowRight: over.right, overflowWidth: over.width } : {}) },
      });
    }
    return resultOf(findings);
  },
};
