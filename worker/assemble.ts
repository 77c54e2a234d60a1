// Artifacts → SiteResult: run the selected rules (pure), apply waivers, fingerprint findings,
// record per-rule outcomes and compute the scores.
import { createHash } from 'node:crypto';
import type { GovcheckConfig, Waiver } from '../core/config.ts';
import { urlMatches } from '../core/config.ts';
import { siteMetrics, performanceScore } from '../core/metrics.ts';
import { checksScore, emptyScores, freshnessScoreFromAge, overallScore, pageAccessibilityScore, siteAccessibilityScore } from '../core/scoring.ts';
import type {
  Category,
  EngineVersions,
  Finding,
  FindingDraft,
  Lang,
  NeedsReview,
  PageArtifacts,
  PageResult,
  Rule,
  RuleContext,
  RuleMeta,
  RuleOutcome,
  SiteArtifacts,
  SiteResult,
} from '../core/types.ts';
import { selectRules } from '../rules/index.ts';
import { contextView, pageOf, siteView } from '../rules/artifact-view.ts';
import { computeFreshness } from '../rules/freshness/summary.ts';
import { templateKey } from './sampler.ts';
import { AXE_VERSION, RULESET_VERSION, VERSION } from '../core/version.ts';

export interface AssembleInput {
  site: SiteArtifacts;
  categories: Category[];
  config: GovcheckConfig;
  now: Date;
  lang: Lang;
  engines: EngineVersions;
  startedAt: Date;
  skippedPages: { url: string; reason: string }[];
}

/** Selector with volatile parts (nth-child indexes, generated ids/classes) removed, so a finding keeps its identity. */
export function normaliseSelector(selector: string | null): string {
  if (!selector) return '';
  return selector
    .replace(/:nth-(of-type|child)\(\d+\)/g, '')
    .replace(/#[\w-]*\d{3,}[\w-]*/g, '#*')
    .replace(/\.[\w-]*\d{3,}[\w-]*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function fingerprintOf(rule: string, selector: string | null, pageUrl: string, snippet: string | null): string {
  let template = pageUrl;
  try {
    template = templateKey(new URL(pageUrl));
  } catch {
    /* keep the raw URL */
  }
  // Site-level findings without a selector are told apart by their evidence (e.g. the broken URL).
  const evidence = selector ? '' : (snippet ?? '').slice(0, 200);
  return createHash('sha1').update(`${rule}\n${normaliseSelector(selector)}\n${template}\n${evidence}`).digest('hex').slice(0, 16);
}

function waived(waivers: Waiver[], f: Finding, pageUrl: string): boolean {
  return waivers.some((w) => (w.rule === f.rule || (w.rule.endsWith('/*') && f.rule.startsWith(w.rule.slice(0, -1)))) && urlMatches(w.url, pageUrl) && (!w.selector || w.selector === f.selector));
}

function toFinding(meta: RuleMeta, d: FindingDraft, pageUrl: string, lang: Lang): Finding {
  const rule = d.rule ?? meta.id;
  const f: Finding = {
    rule,
    category: meta.category,
    severity: d.severity ?? meta.severity,
    wcag: d.wcag ?? meta.wcag,
    selector: d.selector ?? null,
    snippet: d.snippet ?? null,
    message: d.message[lang] || d.message.en,
    help: d.help ?? meta.helpUrl ?? null,
    fingerprint: fingerprintOf(rule, d.selector ?? null, pageUrl, d.snippet ?? null),
  };
  const codes = meta.twCodes?.['115.11'];
  if (codes?.length) f.twCodes = codes;
  if (d.data) f.data = d.data;
  return f;
}

function needsReviewOf(page: PageArtifacts): NeedsReview[] {
  return (page.axe?.incomplete ?? []).map((r) => ({
    rule: `axe/${r.id}`,
    impact: r.impact,
    help: r.help,
    helpUrl: r.helpUrl,
    nodes: r.nodes.slice(0, 20).map((n) => ({ selector: n.target.join(' '), snippet: n.html, reason: n.failureSummary })),
  }));
}

export function assembleSiteResult(input: AssembleInput): SiteResult {
  const { site, config, lang } = input;
  const rules = selectRules(input.categories, config.disabledRules);
  const ctx: RuleContext = { now: input.now, options: config.ruleOptions, site };
  const findingsByPage = new Map<string, Finding[]>(site.pages.map((p) => [p.url, []]));
  const outcomes: RuleOutcome[] = [];
  const ruleErrors: string[] = [];
  const startUrl = site.pages[0]?.url ?? site.startUrl;
  let waivedCount = 0;

  const place = (meta: RuleMeta, drafts: FindingDraft[], defaultPage: string) => {
    for (const d of drafts) {
      const pageUrl = d.pageUrl && findingsByPage.has(d.pageUrl) ? d.pageUrl : defaultPage;
      const f = toFinding(meta, d, pageUrl, lang);
      if (waived(config.waivers, f, pageUrl)) {
        waivedCount++;
        continue;
      }
      findingsByPage.get(pageUrl)!.push(f);
    }
  };

  const run = (rule: Rule, fn: () => ReturnType<Rule['check']>) => {
    try {
      return fn();
    } catch (e) {
      ruleErrors.push(`${rule.meta.id}: ${(e as Error).message}`);
      return null;
    }
  };

  for (const rule of rules) {
    // Each rule sees only the artifacts it declares (rules/artifact-view.ts).
    const view = siteView(site, rule.meta.requires);
    const ruleCtx = contextView(ctx, rule.meta.requires);
    if (rule.meta.scope === 'site') {
      const r = run(rule, () => (rule as Extract<Rule, { meta: { scope: 'site' } }>).check(view, ruleCtx));
      if (!r) continue;
      place(rule.meta, r.findings, startUrl);
      if (rule.meta.id !== 'axe') {
        outcomes.push({ rule: rule.meta.id, category: rule.meta.category, severity: rule.meta.severity, outcome: !r.applicable ? 'inapplicable' : r.findings.length ? 'fail' : 'pass', failedPages: r.findings.length ? 1 : 0, applicablePages: r.applicable ? 1 : 0 });
      }
      continue;
    }
    let applicable = 0;
    let failed = 0;
    const pages = rule.meta.pages === 'start' ? site.pages.slice(0, 1) : site.pages;
    for (const page of pages) {
      const r = run(rule, () => (rule as Extract<Rule, { meta: { scope: 'page' } }>).check(pageOf(view, page), { ...ruleCtx, isStartPage: page === site.pages[0] }));
      if (!r) continue;
      if (r.applicable) applicable++;
      if (r.findings.length) failed++;
      place(rule.meta, r.findings, page.url);
    }
    if (rule.meta.id !== 'axe') {
      outcomes.push({ rule: rule.meta.id, category: rule.meta.category, severity: rule.meta.severity, outcome: applicable === 0 ? 'inapplicable' : failed ? 'fail' : 'pass', failedPages: failed, applicablePages: applicable });
    }
  }
  outcomes.push(...axeOutcomes(site.pages));

  const pageResults: PageResult[] = site.pages.map((p) => {
    const findings = findingsByPage.get(p.url) ?? [];
    return {
      url: p.url,
      finalUrl: p.finalUrl,
      httpStatus: p.httpStatus,
      sampledBecause: p.sampledBecause,
      title: p.title,
      findings,
      needsReview: needsReviewOf(p),
      vitals: p.vitals,
      timings: p.timings,
      accessibilityScore: input.categories.includes('accessibility') && p.axe ? pageAccessibilityScore(findings) : null,
      error: p.gatherErrors.length ? p.gatherErrors.join('; ') : null,
    };
  });

  const scores = emptyScores();
  const has = (c: Category) => input.categories.includes(c);
  if (has('accessibility')) scores.accessibility = siteAccessibilityScore(pageResults.map((p) => p.accessibilityScore));
  if (has('governance')) scores.governance = checksScore(outcomes, 'governance');
  if (has('security')) scores.security = checksScore(outcomes, 'security');
  const freshness = has('freshness') ? computeFreshness(site, ctx) : null;
  if (freshness) scores.freshness = freshnessScoreFromAge(freshness.ageDays, config.ruleOptions.freshness.fullMarksDays, config.ruleOptions.freshness.zeroDays);
  if (has('performance')) scores.performance = performanceScore(site.lighthouse);
  scores.overall = overallScore(scores, config.weights);

  const finished = new Date();
  const metrics = siteMetrics(site.pages, site.lighthouse);
  const result: SiteResult = {
    url: site.startUrl,
    status: 'ok',
    error: null,
    failureKind: null,
    finalUrl: site.pages[0]?.finalUrl ?? null,
    scores,
    freshness,
    metrics,
    pages: pageResults,
    outcomes,
    budgets: [],
    lighthouse: site.lighthouse,
    engines: input.engines,
    categories: input.categories,
    startedAt: input.startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - input.startedAt.getTime(),
    skippedPages: input.skippedPages,
  };
  if (ruleErrors.length) result.skippedPages.push(...ruleErrors.map((e) => ({ url: startUrl, reason: `rule error: ${e}` })));
  if (waivedCount) (result.metrics as Record<string, number>).waivedFindings = waivedCount;
  return result;
}

/** One outcome per axe rule: fail when any page has a violation, pass when it passed somewhere. */
function axeOutcomes(pages: PageArtifacts[]): RuleOutcome[] {
  const stats = new Map<string, RuleOutcome>();
  for (const p of pages) {
    if (!p.axe) continue;
    const failedHere = new Set<string>();
    for (const v of p.axe.violations) {
      const o = stats.get(v.id) ?? { rule: `axe/${v.id}`, category: 'accessibility', severity: v.impact ?? 'moderate', outcome: 'fail', failedPages: 0, applicablePages: 0 };
      o.outcome = 'fail';
      o.failedPages++;
      o.applicablePages++;
      failedHere.add(v.id);
      stats.set(v.id, o);
    }
    for (const id of p.axe.passes) {
      if (failedHere.has(id)) continue;
      const o = stats.get(id) ?? { rule: `axe/${id}`, category: 'accessibility', severity: 'moderate', outcome: 'pass', failedPages: 0, applicablePages: 0 };
      o.applicablePages++;
      stats.set(id, o);
    }
  }
  return [...stats.values()];
}

export function failedSiteResult(
  url: string,
  failure: { status: SiteResult['status']; kind: SiteResult['failureKind']; reason: string },
  engines: EngineVersions,
  categories: Category[],
  startedAt: Date,
  finalUrl: string | null = null,
): SiteResult {
  const finished = new Date();
  return {
    url,
    status: failure.status,
    error: failure.reason,
    failureKind: failure.kind,
    finalUrl,
    scores: emptyScores(),
    freshness: null,
    metrics: { lcpMs: null, cls: null, tbtMs: null, fcpMs: null, transferBytes: null, performanceScore: null },
    pages: [],
    outcomes: [],
    budgets: [],
    lighthouse: [],
    engines,
    categories,
    startedAt: startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - startedAt.getTime(),
    skippedPages: [],
  };
}

/** The result recorded when the engine itself threw (browser launch, crash) on every attempt. */
export function engineFailureResult(url: string, categories: Category[], error: unknown, startedAt: Date): SiteResult {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 500);
  const engines: EngineVersions = { govcheck: VERSION, 'axe-core': AXE_VERSION, lighthouse: null, chromium: null, ruleset: RULESET_VERSION };
  return failedSiteResult(url, { status: 'error', kind: 'browser', reason: `check failed: ${reason}` }, engines, categories, startedAt);
}
