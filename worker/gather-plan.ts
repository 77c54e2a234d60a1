// What to gather for a check, derived from the rules selected (categories, --only, config `rules`):
// the union of their `requires`. The site checker asks the plan, never which rule needs what, so turning
// a rule off also stops gathering what only it needed.
import type { ArtifactName, Rule } from '../core/types.ts';

/** In-page artifacts the page script may skip (the rest — links, text, meta… — are always gathered: sampling and probes use them). */
export const OPTIONAL_IN_PAGE = ['stylesheets', 'tables', 'headings', 'landmarks', 'textBackgrounds'] as const;
export type OptionalInPage = (typeof OPTIONAL_IN_PAGE)[number];

/** What to gather on one page. */
export interface PageGatherPlan {
  /** Run axe-core. */
  axe: boolean;
  /** Press Tab to record the first tab stops. */
  focusOrder: boolean;
  /** Re-lay the page out at 320 px to measure horizontal overflow. */
  narrowLayout: boolean;
  /** Optional in-page artifacts to gather. */
  inPage: OptionalInPage[];
}

export interface GatherPlan {
  /** The start page: what every selected rule reads. */
  start: PageGatherPlan;
  /** Other sampled pages: what rules that run on every page (or read every page) read. */
  other: PageGatherPlan;
  /** Site probes and Lighthouse. */
  site: {
    robots: boolean;
    sitemap: boolean;
    feeds: boolean;
    httpsProbe: boolean;
    tls: boolean;
    directoryProbes: boolean;
    soft404: boolean;
    linkChecks: boolean;
    lighthouse: boolean;
  };
  /** Every artifact some selected rule reads. */
  artifacts: ArtifactName[];
}

function pagePlan(names: ReadonlySet<ArtifactName>): PageGatherPlan {
  return {
    axe: names.has('axe'),
    focusOrder: names.has('focusOrder'),
    narrowLayout: names.has('narrowLayout'),
    inPage: OPTIONAL_IN_PAGE.filter((n) => names.has(n)),
  };
}

/**
 * The plan for a check running `rules`. A page rule limited to the start page (`pages: 'start'`) has its
 * artifacts gathered on the start page only; site rules read every page, so theirs are gathered everywhere.
 */
export function gatherPlan(rules: readonly Rule[]): GatherPlan {
  const all = new Set<ArtifactName>();
  const everyPage = new Set<ArtifactName>();
  for (const rule of rules) {
    for (const name of rule.meta.requires) {
      all.add(name);
      if (rule.meta.scope === 'site' || rule.meta.pages !== 'start') everyPage.add(name);
    }
  }
  return {
    start: pagePlan(all),
    other: pagePlan(everyPage),
    site: {
      robots: all.has('robots'),
      sitemap: all.has('sitemap'),
      feeds: all.has('feeds'),
      httpsProbe: all.has('httpsProbe'),
      tls: all.has('tls'),
      directoryProbes: all.has('directoryProbes'),
      soft404: all.has('soft404'),
      linkChecks: all.has('linkChecks'),
      lighthouse: all.has('lighthouse'),
    },
    artifacts: [...all].sort(),
  };
}
