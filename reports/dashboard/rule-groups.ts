// Findings of an agency's current checks grouped by rule: how many elements and pages, on how many
// sites, and the lifecycle of the distinct issues (new / still open / regressed / fixed). Findings
// under an approved waiver leave the open list and are counted apart.
import type { Lang, Localized } from '../../core/types.ts';
import { ruleHelpUrl, ruleHowToFix, ruleTitleLocalized } from '../rule-text.ts';
import type { FindingRow, FixedIssue } from './queries.ts';
import { waiverKey, type WaiverRow } from './waivers.ts';

export interface RuleGroup {
  rule: string;
  category: string;
  /** Worst severity among the open findings. */
  severity: string;
  title: Localized | null;
  howToFix: { 'zh-TW': string | null; en: string | null };
  helpUrl: string | null;
  /** Failing elements (finding rows). */
  elements: number;
  pages: number;
  sites: number;
  lifecycle: { new: number; open: number; regressed: number; fixed: number };
  /** Findings of this rule hidden by approved waivers. */
  waived: number;
  /** A few open findings, for evidence. */
  examples: FindingRow[];
}

const SEVERITY_ORDER = ['critical', 'serious', 'moderate', 'minor'];

export function groupByRule(findings: FindingRow[], fixed: FixedIssue[], waivers: Map<string, WaiverRow>, exampleCount = 5): RuleGroup[] {
  const groups = new Map<string, RuleGroup & { pageIds: Set<string>; siteIds: Set<number>; issues: Set<string> }>();
  const group = (rule: string, category: string, severity: string) => {
    let g = groups.get(rule);
    if (!g) {
      g = {
        rule,
        category,
        severity,
        title: ruleTitleLocalized(rule),
        howToFix: { 'zh-TW': ruleHowToFix(rule, 'zh-TW'), en: ruleHowToFix(rule, 'en') },
        helpUrl: ruleHelpUrl(rule),
        elements: 0,
        pages: 0,
        sites: 0,
        lifecycle: { new: 0, open: 0, regressed: 0, fixed: 0 },
        waived: 0,
        examples: [],
        pageIds: new Set(),
        siteIds: new Set(),
        issues: new Set(),
      };
      groups.set(rule, g);
    }
    return g;
  };
  for (const f of findings) {
    const g = group(f.rule, f.category, f.severity);
    if (waivers.get(waiverKey(f.siteId, f.fingerprint))?.state === 'approved') {
      g.waived++;
      continue;
    }
    g.elements++;
    g.pageIds.add(`${f.siteId} ${f.pageId ?? f.pageUrl ?? ''}`);
    g.siteIds.add(f.siteId);
    if (g.elements === 1 || SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(g.severity)) g.severity = f.severity;
    const issue = waiverKey(f.siteId, f.fingerprint);
    if (!g.issues.has(issue)) {
      g.issues.add(issue);
      g.lifecycle[f.lifecycle]++;
    }
    if (g.examples.length < exampleCount) g.examples.push(f);
  }
  for (const i of fixed) group(i.rule, i.category, i.severity).lifecycle.fixed++;
  return [...groups.values()]
    .map(({ pageIds, siteIds, issues: _, ...g }) => ({ ...g, pages: pageIds.size, sites: siteIds.size }))
    .sort(
      (a, b) =>
        Number(b.elements > 0) - Number(a.elements > 0) ||
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
        b.sites - a.sites ||
        b.elements - a.elements ||
        a.rule.localeCompare(b.rule),
    );
}

export function titleIn(g: { title: Localized | null; rule: string }, lang: Lang): string {
  return g.title ? g.title[lang] || g.title.en : g.rule;
}
