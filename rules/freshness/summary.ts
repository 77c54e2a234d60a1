// PLACEHOLDER (lead) until the freshness helper writes the real module: keep signatures.
import type { FreshnessSummary, RuleContext, SiteArtifacts } from '../../core/types.ts';
export function computeFreshness(_site: SiteArtifacts, _ctx: RuleContext): FreshnessSummary {
  return { lastUpdated: null, source: null, raw: null, ageDays: null };
}
