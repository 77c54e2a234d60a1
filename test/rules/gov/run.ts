// Runs a gov rule on saved artifacts the way the engine does: page rules with the page's context,
// site rules over the whole site. Extra pages are the other sampled pages of the same site.
import type { PageArtifacts, PageRule, RuleResult, SiteArtifacts, SiteRule } from '../../../core/types.ts';
import { makePage, makeSite, pageContext, siteContext } from '../../helpers/artifacts.ts';

export function runOnHtml(
  rule: PageRule,
  html: string,
  overrides: Partial<PageArtifacts> = {},
  extraPages: PageArtifacts[] = [],
): RuleResult {
  const page = makePage(html, overrides);
  return runOnPage(rule, page, extraPages);
}

export function runOnPage(rule: PageRule, page: PageArtifacts, extraPages: PageArtifacts[] = []): RuleResult {
  const site = makeSite([page, ...extraPages]);
  return rule.check(page, pageContext(site, page));
}

export function runOnSite(rule: SiteRule, overrides: Partial<SiteArtifacts>): RuleResult {
  const site = makeSite([makePage('<html><body><a href="/">home</a></body></html>')], overrides);
  return rule.check(site, siteContext(site));
}
