// The W3C ACT test-case corpus (../shared/corpus/act) and its scoring rules (that folder's README):
// per case, only the rules mapped to the case's ACT rule count — axe rules from the manifest plus
// govcheck's own rules whose `actIds` name it. Shared by `npm run eval:act` and the ACT vitest test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../core/config.ts';
import type { Rule, SiteResult } from '../../core/types.ts';
import { ALL_RULES } from '../../rules/index.ts';
import type { CheckOptions } from '../../worker/site-checker.ts';

/** The W3C ACT corpus: $GOVCHECK_ACT_CORPUS, else ../shared/corpus/act beside the repository. */
export const CORPUS_ROOT = process.env.GOVCHECK_ACT_CORPUS || fileURLToPath(new URL('../../../shared/corpus/act/', import.meta.url));

export type Expected = 'passed' | 'failed' | 'inapplicable';
export const OUTCOMES: Expected[] = ['failed', 'passed', 'inapplicable'];

export interface ActCase {
  ruleId: string;
  ruleName: string;
  caseId: string;
  title: string;
  expected: Expected;
  path: string;
  axeRules: string[];
  axeReportConsistency: 'complete' | 'partial' | 'inconsistent' | 'not-implemented';
  inLatestVersion: boolean;
  missingAssets: string[];
  externalResources: string[];
}

export interface CaseOutcome {
  ruleId: string;
  caseId: string;
  title: string;
  expected: Expected;
  path: string;
  consistency: ActCase['axeReportConsistency'];
  agree: boolean;
  /** Mapped rules with at least one violation finding, with their finding counts. */
  violations: Record<string, number>;
  /** Mapped axe rules that returned only "needs review" (incomplete) results. */
  needsReview: string[];
  /** Page load or check error (counts as disagreement). */
  error: string | null;
  /** Partial-gather notes that did not stop the check (e.g. load event late). */
  notes: string[];
  /** Case loads assets the corpus does not hold, or outside resources (blocked offline). */
  offlineCaveat: boolean;
  ms: number;
  /** Set when the first run ended in a load/check error and this outcome is from the one retry. */
  retriedAfter?: string;
}

export function loadManifest(root = CORPUS_ROOT): ActCase[] {
  return JSON.parse(readFileSync(`${root}/manifest.json`, 'utf8')) as ActCase[];
}

/** The 789 cases the README scores: those whose ACT rule has at least one axe implementation. */
export function mappedCases(cases: ActCase[]): ActCase[] {
  return cases.filter((c) => c.axeRules.length > 0);
}

/** Every axe rule mapped anywhere in the corpus, so each one runs (five are off by axe's defaults). */
export function axeRuleUnion(cases: ActCase[]): string[] {
  return [...new Set(cases.flatMap((c) => c.axeRules))].sort();
}

/** govcheck's own rules (not the axe wrapper) that claim an ACT rule through meta.actIds. */
export function ownRulesFor(actRuleId: string, rules: readonly Rule[] = ALL_RULES): string[] {
  // axe rules are registry rules too (with axe's own actIds); the corpus maps them itself (c.axeRules).
  return rules.filter((r) => !r.meta.id.startsWith('axe/') && r.meta.actIds?.includes(actRuleId)).map((r) => r.meta.id);
}

/** Rule ids (as they appear in findings) that count for this case. */
export function mappedRuleIds(c: ActCase, rules: readonly Rule[] = ALL_RULES): Set<string> {
  return new Set([...c.axeRules.map((r) => `axe/${r}`), ...ownRulesFor(c.ruleId, rules)]);
}

export function checkOptionsFor(axeRules: string[]): CheckOptions {
  return {
    categories: ['accessibility'],
    maxPages: 1,
    now: new Date(),
    allowPrivate: true,
    config: defaultConfig(),
    lang: 'en',
    axeRules,
    loopbackOnly: true,
    skipProbes: true,
  };
}

/** Score one case from the engine's result, per the corpus README. */
export function scoreCase(c: ActCase, result: SiteResult | null, ms: number, failure: string | null = null, rules: readonly Rule[] = ALL_RULES): CaseOutcome {
  const mapped = mappedRuleIds(c, rules);
  const violations: Record<string, number> = {};
  const needsReview: string[] = [];
  const notes: string[] = [];
  let error = failure;
  const page = result?.pages[0];
  if (!error && result && result.status !== 'ok') error = `${result.status}: ${result.error ?? 'no reason'}`;
  if (!error && result && !page) error = 'no page result';
  if (page) {
    for (const f of page.findings) if (mapped.has(f.rule)) violations[f.rule] = (violations[f.rule] ?? 0) + 1;
    for (const n of page.needsReview) if (mapped.has(n.rule) && !violations[n.rule]) needsReview.push(n.rule);
    // An axe failure means the mapped rules never ran: that is a check error, not a clean page.
    if (!error && page.error && /axe-core/.test(page.error)) error = page.error;
    else if (page.error) notes.push(page.error);
    const ruleErrors = result!.skippedPages.filter((s) => /^rule error: /.test(s.reason) && [...mapped].some((id) => s.reason.startsWith(`rule error: ${id}:`)));
    if (!error && ruleErrors.length) error = ruleErrors.map((s) => s.reason).join('; ');
  }
  const violated = Object.keys(violations).length > 0;
  const agree = !error && (c.expected === 'failed' ? violated : !violated);
  return {
    ruleId: c.ruleId,
    caseId: c.caseId,
    title: c.title,
    expected: c.expected,
    path: c.path,
    consistency: c.axeReportConsistency,
    agree,
    violations,
    needsReview,
    error,
    notes,
    offlineCaveat: c.missingAssets.length > 0 || c.externalResources.length > 0,
    ms,
  };
}

export interface Tally {
  agree: number;
  total: number;
}

export const pct = (t: Tally): string => (t.total ? `${((100 * t.agree) / t.total).toFixed(1)}%` : '—');

export function tally(outcomes: CaseOutcome[], pick: (o: CaseOutcome) => boolean = () => true): Tally {
  const chosen = outcomes.filter(pick);
  return { agree: chosen.filter((o) => o.agree).length, total: chosen.length };
}

/** The closing line the issue asks for. */
export function actLine(outcomes: CaseOutcome[]): string {
  const t = (e: Expected) => tally(outcomes, (o) => o.expected === e);
  const f = t('failed');
  const p = t('passed');
  const i = t('inapplicable');
  return `act: failed-caught ${f.agree}/${f.total}, passed-clean ${p.agree}/${p.total}, inapplicable-clean ${i.agree}/${i.total}`;
}
