// Which pages a site-element rule (privacy link, contact block, search …) looks at, and when it may judge.
// The element belongs on the start page; the other sampled pages are searched too, because every sampled
// page was reached from the start page: finding the element there means our matcher missed it on the
// start page (a splash page, a menu built by script), and a finding must mean "we could not find it".
import type { PageArtifacts, PageRuleContext } from '../../../core/types.ts';
import { documentOf } from '../../lib/dom.ts';

/** The start page first, then the other sampled pages of the site that loaded. */
export function pagesToSearch(page: PageArtifacts, ctx: PageRuleContext): PageArtifacts[] {
  const others = ctx.site.pages.filter((p) => p !== page && (p.httpStatus === null || p.httpStatus < 400));
  return [page, ...others];
}

/**
 * False when the start page gives nothing to judge: a frameset whose frames were not gathered, or a page
 * that rendered empty (no links, no text). A rule then reports "not applicable" rather than a finding.
 */
export function canJudge(page: PageArtifacts): boolean {
  const doc = documentOf(page);
  const noLinks = page.links.length === 0 && !doc.querySelector('a[href],area[href]');
  if (noLinks && doc.querySelector('frameset,frame')) return false;
  if (noLinks && !page.text.trim() && !(doc.body?.textContent ?? '').trim()) return false;
  return true;
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
