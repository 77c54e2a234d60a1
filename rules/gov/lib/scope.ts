// Which pages a site-element rule (privacy link, contact block, search …) looks at, and when it may judge.
// The element belongs on the start page, so that is where we look. Only when the start page is a thin
// splash or frameset page ("進入網站", a few links) do the other sampled pages stand in for it: they are
// the site's real home and content pages, and a finding must mean "we could not find it".
import type { PageArtifacts, PageRuleContext } from '../../../core/types.ts';
import { documentOf } from '../../lib/dom.ts';

/** A start page with fewer links than this is a splash page (or frameset) rather than a home page. */
export const SPLASH_MAX_LINKS = 5;

function linkCount(page: PageArtifacts): number {
  return Math.max(page.links.length, documentOf(page).querySelectorAll('a[href],area[href]').length);
}

/** The start page; after a splash page, also the other sampled pages of the site that loaded. */
export function pagesToSearch(page: PageArtifacts, ctx: PageRuleContext): PageArtifacts[] {
  if (linkCount(page) >= SPLASH_MAX_LINKS) return [page];
  const others = ctx.site.pages.filter((p) => p !== page && (p.httpStatus === null || p.httpStatus < 400));
  return [page, ...others];
}

/**
 * False when the start page gives nothing to judge: a frameset whose frames were not gathered. A rule then
 * reports "not applicable" rather than a finding. A page that rendered empty (a taken-down service, a
 * script-only shell whose script failed) is judged: a visitor finds none of the site's elements there.
 */
export function canJudge(page: PageArtifacts): boolean {
  const doc = documentOf(page);
  const noLinks = page.links.length === 0 && !doc.querySelector('a[href],area[href]');
  return !(noLinks && doc.querySelector('frameset,frame'));
}

/** Whether a site-element rule can judge: the start page has content, or other sampled pages stand in for it. */
export function judgeable(page: PageArtifacts, ctx: PageRuleContext): boolean {
  return canJudge(page) || pagesToSearch(page, ctx).length > 1;
}

/** First result of `find` over the pages to search, with the page it was found on. */
export function searchPages<T>(
  page: PageArtifacts,
  ctx: PageRuleContext,
  find: (p: PageArtifacts) => T | null,
): { found: T; on: PageArtifacts } | null {
  for (const p of pagesToSearch(page, ctx)) {
    const found = find(p);
    if (found !== null) return { found, on: p };
  }
  return null;
}
