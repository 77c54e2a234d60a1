// Category and overall scores of one site, 0–100. The formulas are documented in the README
// ("How scores are computed"); keep the two in step.
import type { Category, CategoryScores, Finding, RuleOutcome, Severity } from './types.ts';
import { CATEGORIES } from './types.ts';

/** Accessibility: points a failing rule costs a page, by impact. */
export const A11Y_PENALTY: Record<Severity, number> = { critical: 15, serious: 8, moderate: 4, minor: 1 };
/** A rule failing on more than this many elements of one page costs 1.5× its points. */
export const A11Y_WIDESPREAD_ELEMENTS = 10;

/** Governance/security: weight of a check in the weighted share of checks passed. */
export const CHECK_WEIGHT: Record<Severity, number> = { critical: 4, serious: 3, moderate: 2, minor: 1 };

const SEVERITY_ORDER: Severity[] = ['critical', 'serious', 'moderate', 'minor'];

export function worstSeverity(list: Severity[]): Severity {
  return SEVERITY_ORDER.find((s) => list.includes(s)) ?? 'minor';
}

/**
 * One page: 100 minus, for each accessibility rule failing on it (axe/* and tw/* alike), the penalty
 * of its worst impact (×1.5 when more than 10 elements fail), floored at 0.
 */
export function pageAccessibilityScore(findings: Finding[]): number {
  const byRule = new Map<string, { severities: Severity[]; elements: number }>();
  for (const f of findings) {
    if (f.category !== 'accessibility') continue;
    const entry = byRule.get(f.rule) ?? { severities: [], elements: 0 };
    entry.severities.push(f.severity);
    entry.elements += 1 + (typeof f.data?.moreElements === 'number' ? f.data.moreElements : 0);
    byRule.set(f.rule, entry);
  }
  let penalty = 0;
  for (const { severities, elements } of byRule.values()) {
    const base = A11Y_PENALTY[worstSeverity(severities)];
    penalty += elements > A11Y_WIDESPREAD_ELEMENTS ? base * 1.5 : base;
  }
  return Math.max(0, Math.round(100 - penalty));
}

/** Site accessibility: the mean of its checked pages' scores, so a rule failing on every page weighs on every page. */
export function siteAccessibilityScore(pageScores: (number | null)[]): number | null {
  const scored = pageScores.filter((s): s is number => s !== null);
  if (scored.length === 0) return null;
  return Math.round(scored.reduce((a, b) => a + b, 0) / scored.length);
}

/** Governance/security: weighted share of applicable checks that passed on every page. */
export function checksScore(outcomes: RuleOutcome[], category: Category): number | null {
  let total = 0;
  let passed = 0;
  for (const o of outcomes) {
    if (o.category !== category || o.outcome === 'inapplicable') continue;
    const w = CHECK_WEIGHT[o.severity];
    total += w;
    if (o.outcome === 'pass') passed += w;
  }
  return total === 0 ? null : Math.round((100 * passed) / total);
}

/** Freshness: 100 up to fullMarksDays, 0 from zeroDays, linear between; no content date at all scores 0. */
export function freshnessScoreFromAge(ageDays: number | null, fullMarksDays: number, zeroDays: number): number {
  if (ageDays === null) return 0;
  if (ageDays <= fullMarksDays) return 100;
  if (ageDays >= zeroDays) return 0;
  return Math.round((100 * (zeroDays - ageDays)) / (zeroDays - fullMarksDays));
}

/** Overall: weighted mean of the category scores that exist, weights renormalised over them. */
export function overallScore(scores: Partial<Record<Category, number | null>>, weights: Record<Category, number>): number | null {
  let sum = 0;
  let weight = 0;
  for (const c of CATEGORIES) {
    const s = scores[c];
    if (s === null || s === undefined) continue;
    sum += s * weights[c];
    weight += weights[c];
  }
  return weight === 0 ? null : Math.round(sum / weight);
}

export function emptyScores(): CategoryScores {
  return { accessibility: null, performance: null, freshness: null, governance: null, security: null, overall: null };
}
