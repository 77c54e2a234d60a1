// The W3C ACT test-case corpus (../shared/corpus/act) and its scoring rules (that folder's README):
// per case, only the rules mapped to the case's ACT rule count — axe rules from the manifest plus
// govcheck's own rules whose `actIds` name it. Shared by `npm run eval:act` and the ACT vitest test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../core/config.ts';
import { levelRank, twCode } from '../../core/tw-a11y.ts';
import type { A11yLevel, Rule, SiteResult, TwEdition } from '../../core/types.ts';
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
  /** WCAG SCs the ACT rule maps to for conformance. */
  successCriteria: string[];
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
  /** The 網站無障礙規範 code layer, when a code bears on the case's rule (see bearingCodes). */
  codes?: CodeOutcome;
}

// ---------------------------------------------------------------- the 網站無障礙規範 code layer

/** Edition and level the code layer is scored at (the default level; AAA codes such as HM3240900C demand a
 * title on every link, which ACT does not). */
export const CODE_EDITION: TwEdition = '115.11';
export const CODE_LEVEL: A11yLevel = 'AA';

export interface CodeOutcome {
  /** Codes that bear on the case's rule. */
  bearing: string[];
  /** Of those, the codes findings on the page carry. */
  reported: string[];
  agree: boolean;
}

/** Whether the ACT rule maps to a success criterion that has a machine-check code of the edition. */
export function concernsCodedSc(c: ActCase, edition: TwEdition = CODE_EDITION): boolean {
  return (c.successCriteria ?? []).some((sc) => CODED_SCS(edition).has(sc));
}

const codedScs = new Map<TwEdition, Set<string>>();
function CODED_SCS(edition: TwEdition): Set<string> {
  let set = codedScs.get(edition);
  if (!set) {
    set = new Set(ALL_RULES.flatMap((r) => (r.meta.twCodes?.[edition] ?? []).map((code) => twCode(edition, code)?.sc).filter((sc): sc is string => !!sc)));
    codedScs.set(edition, set);
  }
  return set;
}

/**
 * Codes bearing on a case's ACT rule: the codes its mapped rules (axe rules of the manifest, own rules
 * claiming the ACT id) carry in the edition, at or below the level. An ACT rule none of whose mapped rules
 * carries a code is not scored on codes.
 */
export function bearingCodes(c: ActCase, rules: readonly Rule[] = ALL_RULES, edition: TwEdition = CODE_EDITION, level: A11yLevel = CODE_LEVEL): string[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const out = new Set<string>();
  for (const id of mappedRuleIds(c, rules)) {
    for (const code of byId.get(id)?.meta.twCodes?.[edition] ?? []) {
      const entry = twCode(edition, code);
      if (entry && levelRank(entry.level) <= levelRank(level)) out.add(code);
    }
  }
  return [...out].sort();
}

/** The code layer of one case: agrees when a bearing code is reported exactly on failed cases. */
export function scoreCodes(c: ActCase, result: SiteResult | null, error: string | null, rules: readonly Rule[] = ALL_RULES): CodeOutcome | undefined {
  const bearing = bearingCodes(c, rules);
  if (!bearing.length) return undefined;
  const page = result?.pages[0];
  const reported = [...new Set((page?.findings ?? []).flatMap((f) => f.twCodes ?? []).filter((code) => bearing.includes(code)))].sort();
  const agree = !error && (c.expected === 'failed' ? reported.length > 0 : reported.length === 0);
  return { bearing, reported, agree };
}

export interface CodeTally {
  code: string;
  /** Failed cases the code bears on, and those where it was reported. */
  failed: number;
  caught: number;
  /** Passed and inapplicable cases the code bears on, and those where it was reported anyway. */
  clean: number;
  falseReports: number;
}

/** Per-code counts over scored outcomes, in code order. */
export function codeTallies(outcomes: CaseOutcome[]): CodeTally[] {
  const by = new Map<string, CodeTally>();
  for (const o of outcomes) {
    if (!o.codes) continue;
    for (const code of o.codes.bearing) {
      const t = by.get(code) ?? { code, failed: 0, caught: 0, clean: 0, falseReports: 0 };
      const hit = o.codes.reported.includes(code);
      if (o.expected === 'failed') {
        t.failed++;
        if (hit && !o.error) t.caught++;
      } else {
        t.clean++;
        if (hit) t.falseReports++;
      }
      by.set(code, t);
    }
  }
  return [...by.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The closing line of the code layer. */
export function codesLine(outcomes: CaseOutcome[]): string {
  const scored = outcomes.filter((o) => o.codes);
  const agree = scored.filter((o) => o.codes!.agree).length;
  const over = codeTallies(outcomes).filter((t) => t.falseReports > t.caught).map((t) => t.code);
  return `codes: ${CODE_EDITION} ${CODE_LEVEL} agree ${agree}/${scored.length} ${pct({ agree, total: scored.length })}; codes reported on more passed/inapplicable than caught failed: ${over.length ? over.join(', ') : 'none'}`;
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
  const config = defaultConfig();
  // The code layer: 115.11 codes at the default level; the tw/* code rules are governance rules.
  config.twEdition = CODE_EDITION;
  config.level = CODE_LEVEL;
  return {
    categories: ['accessibility', 'governance'],
    maxPages: 1,
    now: new Date(),
    allowPrivate: true,
    config,
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
  const codes = scoreCodes(c, result, error, rules);
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
    ...(codes ? { codes } : {}),
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
