// The CSS a page's authors wrote, as Freego scans it: style attributes, <style> blocks and same-origin
// stylesheets (third-party CSS, e.g. CDN libraries and web fonts, is not the agency's to edit). Shared by
// the unit rules (CS2140401C font-size, CS3140801C max-width, CS3140802C line-height) and CS3140800C.
import type { FindingDraft, Localized, PageArtifacts } from '../../../core/types.ts';
import { documentOf, selectorOf } from '../../lib/dom.ts';
import { msg } from '../../lib/result.ts';
import { declarationHitsInStyleAttribute, declarationHitsInStylesheet, type CssHit, type DeclarationTest } from './css.ts';

const MAX_EXAMPLES = 5;

export interface SourcedHit extends CssHit {
  /** 'style attribute', '<style>' or the stylesheet URL. */
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
 * <style> blocks we also read from the DOM).
 */
export function authoredStylesheets(page: PageArtifacts): { source: string; text: string }[] {
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
  for (const sheet of page.stylesheets ?? []) {
    if (sheet.url === null) add('<style>', sheet.text);
    else if (sameOrigin(sheet.url, page)) add(sheet.url, sheet.text);
  }
  return out;
}

/** Every authored declaration `test` picks, style attributes first (with the element's selector). */
export function authoredCssHits(page: PageArtifacts, test: DeclarationTest): SourcedHit[] {
  const hits: SourcedHit[] = [];
  for (const el of Array.from(documentOf(page).querySelectorAll('[style]'))) {
    if (el.closest('svg,template')) continue;
    for (const h of declarationHitsInStyleAttribute(el.getAttribute('style') ?? '', test)) hits.push({ ...h, selector: selectorOf(el), source: 'style attribute' });
  }
  for (const sheet of authoredStylesheets(page)) {
    for (const h of declarationHitsInStylesheet(sheet.text, test)) hits.push({ ...h, source: sheet.source });
  }
  return hits;
}

/**
 * One finding per page for a unit rule, with the count and the first examples: a stylesheet with 300 px
 * declarations is one problem to fix, not 300. `what` names the property in both languages.
 */
export function unitFinding(hits: SourcedHit[], what: Localized): FindingDraft {
  const examples = hits.slice(0, MAX_EXAMPLES).map((h) => ({ source: h.source, selector: h.selector, declaration: h.declaration }));
  const shown = examples.map((e) => `${e.selector} { ${e.declaration} }`).join('；');
  const bySource: Record<string, number> = {};
  for (const h of hits) bySource[h.source] = (bySource[h.source] ?? 0) + 1;
  const inline = hits.find((h) => h.source === 'style attribute');
  return {
    selector: inline?.selector ?? null,
    message: msg(`共 ${hits.length} 處以絕對單位設定${what['zh-TW']}，例如：${shown}`, `${hits.length} ${what.en} declaration(s) use absolute units, e.g. ${shown.replace(/；/g, '; ')}`),
    data: { count: hits.length, examples, bySource },
  };
}
