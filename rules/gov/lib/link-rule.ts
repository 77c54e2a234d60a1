// Shared shape of the "the start page links to X" rules (privacy, security, open data, 網站導覽, 政府資訊公開).
// Each rule file owns its wording and patterns; this file owns the search and the "not found" finding,
// so every such rule tolerates the same markup variety and judges the same way.
import type { ArtifactName, Localized, PageArtifacts, PageRule, PageRuleContext, RuleMeta } from '../../../core/types.ts';
import { fail, notApplicable, pass } from '../../lib/result.ts';
import { findClickable, type ClickableSpec } from './clickables.ts';
import { judgeable, pagesToSearch, searchPages } from './scope.ts';

export interface LinkRuleSpec {
  /** `requires`: only what alsoFound reads beyond the search's own LINK_RULE_REQUIRES. */
  meta: Omit<RuleMeta, 'scope' | 'pages' | 'category' | 'requires'> & Partial<Pick<RuleMeta, 'category' | 'requires'>>;
  /** What a matching link looks like. */
  link: ClickableSpec;
  /** Extra evidence besides a link (e.g. the page itself is the policy); return true when found. */
  alsoFound?: (page: PageArtifacts) => boolean;
  /** Finding text when nothing was found. */
  missing: Localized;
}

/** What the search reads: the DOM and the browser's links (clickables), text and status (splash-page scope). */
export const LINK_RULE_REQUIRES: ArtifactName[] = ['html', 'links', 'text', 'httpStatus'];

export function linkPresenceRule(spec: LinkRuleSpec): PageRule {
  const requires = [...new Set([...LINK_RULE_REQUIRES, ...(spec.meta.requires ?? [])])];
  return {
    meta: { category: 'governance', ...spec.meta, requires, scope: 'page', pages: 'start' },
    check(page: PageArtifacts, ctx: PageRuleContext) {
      if (!judgeable(page, ctx)) return notApplicable();
      const hit = searchPages(page, ctx, (p) => findClickable(p, spec.link) ?? (spec.alsoFound?.(p) ? true : null));
      if (hit) return pass();
      return fail({ message: spec.missing, data: { searchedPages: pagesToSearch(page, ctx).length } });
    },
  };
}
