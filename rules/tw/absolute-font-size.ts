// tw/absolute-font-size (CS2140401C): font sizes in absolute units (px, pt, pc, cm, mm, in) in style
// attributes, <style> blocks and the site's own stylesheets. Stricter than WCAG 1.4.4 (browsers zoom px
// text), but Freego fails it, so agencies need to know. One finding per page with the count and examples:
// a stylesheet with 300 px declarations is one problem to fix, not 300.
import type { PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { absoluteFontSizeTest } from './lib/css.ts';
import { authoredCssHits, unitFinding } from './lib/page-css.ts';

export const absoluteFontSize: PageRule = {
  meta: {
    id: 'tw/absolute-font-size',
    requires: ['html', 'stylesheets'],
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['1.4.4'],
    twCodes: { '115.11': ['CS2140401C'], '110.07': ['CS2140401C'] },
    level: 'AA',
    title: msg('字級應使用相對單位', 'Font sizes should use relative units'),
    description: msg(
      '以 px、pt 等絕對單位設定字級時，部分瀏覽器無法依使用者設定放大文字；網站無障礙規範 CS2140401C 要求 font-size 使用 em、rem 或 % 等相對單位（含 style 屬性、<style> 與外部樣式表）。',
      'Font sizes in absolute units (px, pt …) do not follow the user\'s text-size setting in every browser; Taiwan accessibility spec CS2140401C requires relative units (em, rem, %) in style attributes, <style> blocks and stylesheets.',
    ),
    howToFix: msg(
      '將 font-size 改為 rem、em 或 %（例如 16px → 1rem），列印樣式（@media print）可保留 pt。',
      'Change font-size to rem, em or % (e.g. 16px → 1rem); print styles (@media print) may keep pt.',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG21/Techniques/css/C14',
    source: '網站無障礙規範 110.07 CS2140401C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const hits = authoredCssHits(page, absoluteFontSizeTest);
    return hits.length ? fail(unitFinding(hits, msg('字級', 'font-size'))) : pass();
  },
};
