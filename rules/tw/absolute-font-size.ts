// tw/absolute-font-size (CS2140401C): font sizes in absolute units (px, pt, pc, cm, mm, in) in style
// attributes, <style> blocks and the site's own stylesheets. Stricter than WCAG 1.4.4 (browsers zoom px
// text), but Freego fails it, so agencies need to know. One finding per page with the count and examples:
// a stylesheet with 300 px declarations is one problem to fix, not 300.
import type { PageArtifacts, PageRule } from '../../core/types.ts';
import { documentOf, selectorOf } from '../lib/dom.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { absoluteFontSizesInStyleAttribute, absoluteFontSizesInStylesheet, type CssHit } from './lib/css.ts';

const MAX_EXAMPLES = 5;

interface Sourced extends CssHit {
  source: string;
}

function sameOrigin(url: string, page: PageArtifacts): boolean {
  try {
    return new URL(url).origin === new URL(page.finalUrl || page.url).origin;
  } catch {
    return false;
  }
}

/**
 * Inline <style> blocks and same-origin stylesheets, each text once (the browser's list may repeat the
 * <style> blocks we also read from the DOM). Third-party CSS (CDN libraries, web fonts) is not the
 * agency's to edit and is left out.
 */
function stylesheetsOf(page: PageArtifacts): { source: string; text: string }[] {
  const seen = new Set<string>();
  const out: { source: string; text: string }[] = [];
  const add = (source: string, text: string) => {
    const key = text.trim();
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ source, text });
  };
  for (const style of Array.from(documentOf(page).querySelectorAll('style'))) {
    if (style.closest('svg,template')) continue;
    add('<style>', style.textContent ?? '');
  }
  for (const sheet of page.stylesheets) {
    if (sheet.url === null) add('<style>', sheet.text);
    else if (sameOrigin(sheet.url, page)) add(sheet.url, sheet.text);
  }
  return out;
}

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
    const hits: Sourced[] = [];
    let firstInlineSelector: string | null = null;
    for (const el of Array.from(documentOf(page).querySelectorAll('[style]'))) {
      if (el.closest('svg,template')) continue;
      const found = absoluteFontSizesInStyleAttribute(el.getAttribute('style') ?? '');
      if (found.length && !firstInlineSelector) firstInlineSelector = selectorOf(el);
      for (const h of found) hits.push({ ...h, selector: selectorOf(el), source: 'style attribute' });
    }
    for (const sheet of stylesheetsOf(page)) {
      for (const h of absoluteFontSizesInStylesheet(sheet.text)) hits.push({ ...h, source: sheet.source });
    }
    if (hits.length === 0) return pass();
    const examples = hits.slice(0, MAX_EXAMPLES).map((h) => ({ source: h.source, selector: h.selector, declaration: h.declaration }));
    const shown = examples.map((e) => `${e.selector} { ${e.declaration} }`).join('；');
    const bySource: Record<string, number> = {};
    for (const h of hits) bySource[h.source] = (bySource[h.source] ?? 0) + 1;
    return fail({
      selector: firstInlineSelector,
      message: msg(
        `共 ${hits.length} 處以絕對單位設定字級，例如：${shown}`,
        `${hits.length} font-size declaration(s) use absolute units, e.g. ${shown.replace(/；/g, '; ')}`,
      ),
      data: { count: hits.length, examples, bySource },
    });
  },
};
