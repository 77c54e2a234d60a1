// WCAG 1.4.3 for text over background images and gradients, which axe-core's color-contrast leaves
// to human review. The browser works out, per character, the colours actually behind it (gradient
// geometry, image pixels; see worker/in-page/artifacts/text-backgrounds.js) and skips anything it cannot
// know for sure; here (lib/contrast.ts) a character fails when even its best contrast with those colours
// is below the minimum (ACT afw4f7:
// "highest possible contrast"). Failing 1.4.3 also fails the enhanced 1.4.6 (ACT 09o5cg).
import type { PageRule, TextBackgroundArtifact } from '../../core/types.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { textContrastOf } from './lib/contrast.ts';

/** Large text: at least 18 pt, or 14 pt bold (WCAG definition; 1 pt = 4/3 px). */
export function isLargeText(t: Pick<TextBackgroundArtifact, 'fontSizePx' | 'fontWeight'>): boolean {
  return t.fontSizePx >= 24 || (t.fontSizePx >= 18.66 && t.fontWeight >= 700);
}

export function minimumRatio(t: Pick<TextBackgroundArtifact, 'fontSizePx' | 'fontWeight'>): number {
  return isLargeText(t) ? 3 : 4.5;
}

export const contrastOverBackgrounds: PageRule = {
  meta: {
    id: 'a11y/contrast-over-backgrounds',
    requires: ['textBackgrounds'],
    category: 'accessibility',
    severity: 'serious',
    scope: 'page',
    pages: 'all',
    wcag: ['1.4.3'],
    actIds: ['afw4f7', '09o5cg'],
    title: msg('背景圖片或漸層上的文字須有足夠對比', 'Text over background images and gradients has enough contrast'),
    description: msg(
      '計算背景圖片或漸層上每個字元背後的實際顏色；若某字元與其背景的最高對比仍低於 4.5:1（大字 3:1），即不符合。axe-core 對這類文字只標示「需人工檢查」。',
      'Works out the colours actually behind each character of text over a background image or gradient; fails when even the best contrast of a character with them is below 4.5:1 (3:1 for large text). axe-core only marks such text "needs review".',
    ),
    howToFix: msg(
      '加深（或淡化）文字顏色，或在文字後加上不透明或半透明的底色區塊，使每個字元與背景的對比至少 4.5:1（大字 3:1）。',
      'Darken (or lighten) the text, or put a solid or semi-opaque backdrop behind it, so every character reaches 4.5:1 against its background (3:1 for large text).',
    ),
    helpUrl: 'https://www.w3.org/WAI/standards-guidelines/act/rules/afw4f7/',
    source: 'WCAG 2.1 1.4.3; W3C ACT rule afw4f7',
    tags: ['contrast'],
  },
  check(page) {
    const judged = (page.textBackgrounds ?? []).flatMap((t) => {
      const contrast = textContrastOf(t);
      return contrast ? [{ ...t, ...contrast }] : [];
    });
    if (!judged.length) return notApplicable();
    return resultOf(
      judged
        .filter((t) => t.worstRatio < minimumRatio(t))
        .map((t) => ({
          message: msg(
            `文字「${t.text}」在背景上的對比不足：字元「${t.worstChar}」最高僅 ${t.worstRatio}:1（需 ${minimumRatio(t)}:1）。`,
            `Text "${t.text}" lacks contrast with its background: character "${t.worstChar}" reaches at best ${t.worstRatio}:1 (${minimumRatio(t)}:1 needed).`,
          ),
          selector: t.selector,
          snippet: t.snippet,
          data: { worstRatio: t.worstRatio, required: minimumRatio(t), color: t.color, fontSizePx: t.fontSizePx },
        })),
    );
  },
};
