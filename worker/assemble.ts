// Artifacts → SiteResult: run the selected rules (pure), apply waivers, fingerprint findings,
// record per-rule outcomes and compute the scores.
import { createHash } from 'node:crypto';
import type { GovcheckConfig, Waiver } from '../core/config.ts';
import { urlMatches, waiverExpired } from '../core/config.ts';
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
  PageScreenshot,
  Rule,
  RuleContext,
  RuleMeta,
  RuleOutcome,
  Severity,
  SiteArtifacts,
  SiteResult,
  TwEdition,
} from '../core/types.ts';
import { defaultEdition } from '../core/tw-a11y.ts';
import { selectRules } from '../rules/index.ts';
import { contextView, pageOf, siteView } from '../rules/artifact-view.ts';
import { markReadiness } from '../rules/tw/lib/mark.ts';
import { computeConformance, type RuleRun } from './conformance.ts';
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
  /** Element screenshots taken while the pages were open; each goes to the finding of its page, rule and selector. */
  screenshots?: PageScreenshot[];
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

/** The severity a config sets for a rule (`rules: { "<id>": { "severity": "minor" } }`), if any. */
function severityOverride(config: GovcheckConfig, rule: string): Severity | undefined {
  return config.ruleOptions.rules[rule]?.severity as Severity | undefined;
}

/** The edition a check judges codes by: the config's (set from --tw-edition), else the one in force at `now`. */
export function editionOf(config: GovcheckConfig, now: Date): TwEdition {
  return config.twEdition ?? defaultEdition(now);
}

/** Every result records the edition and level it was judged by, failed ones too, so sweeps stay comparable. */
export function stampCodes(result: SiteResult, config: GovcheckConfig, now: Date): SiteResult {
  result.twEdition ??= editionOf(config, now);
  result.level ??= config.level;
  if (result.conformance === undefined) result.conformance = null;
  return result;
}

function toFinding(meta: RuleMeta, d: FindingDraft, pageUrl: string, lang: Lang, edition: TwEdition, severity?: Severity): Finding {
  const rule = d.rule ?? meta.id;
  const f: Finding = {
    rule,
    category: meta.category,
    severity: severity ?? d.severity ?? meta.severity,
    wcag: d.wcag ?? meta.wcag,
    selector: d.selector ?? null,
    snippet: d.snippet ?? null,
    message: d.message[lang] || d.message.en,
    help: d.help ?? meta.helpUrl ?? null,
    fingerprint: fingerprintOf(rule, d.selector ?? null, pageUrl, d.snippet ?? null),
  };
  const codes = meta.twCodes?.[edition];
  if (codes?.length) f.twCodes = [...codes];
  if (d.data) f.data = d.data;
  return f;
}

/** A rule's "needs review" items on one page, in the shape axe's incomplete results take. */
function ruleReviewOf(meta: RuleMeta, drafts: FindingDraft[], lang: Lang): NeedsReview {
  return {
    rule: meta.id,
    impact: meta.severity,
    help: meta.title[lang] || meta.title.en,
    helpUrl: meta.helpUrl ?? '',
    nodes: drafts.slice(0, 20).map((d) => ({ selector: d.selector ?? '', snippet: d.snippet ?? '', reason: d.message[lang] || d.message.en })),
  };
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
  const edition = editionOf(config, input.now);
  const level = config.level;
  const selected = selectRules(input.categories, config.disabledRules, level);
  const rules = selected.filter((r) => r.meta.phase !== 'conformance');
  // An expired waiver stops hiding findings (the check command warns about it).
  const waivers = config.waivers.filter((w) => !waiverExpired(w, input.now));
  const ctx: RuleContext = { now: input.now, options: config.ruleOptions, site };
  const runs: RuleRun[] = [];
  const findingsByPage = new Map<string, Finding[]>(site.pages.map((p) => [p.url, []]));
  const reviewByPage = new Map<string, NeedsReview[]>(site.pages.map((p) => [p.url, []]));
  const outcomes: RuleOutcome[] = [];
  const ruleErrors: string[] = [];
  const startUrl = site.pages[0]?.url ?? site.startUrl;
  let waivedCount = 0;

  const place = (meta: RuleMeta, drafts: FindingDraft[], defaultPage: string) => {
    for (const d of drafts) {
      const pageUrl = d.pageUrl && findingsByPage.has(d.pageUrl) ? d.pageUrl : defaultPage;
      const f = toFinding(meta, d, pageUrl, lang, edition, severityOverride(config, d.rule ?? meta.id));
      if (waived(waivers, f, pageUrl)) {
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

  const runSite = (rule: Rule, c: RuleContext) => {
    // Each rule sees only the artifacts it declares (rules/artifact-view.ts).
    const r = run(rule, () => (rule as Extract<Rule, { meta: { scope: 'site' } }>).check(siteView(site, rule.meta.requires), contextView(c, rule.meta.requires)));
    if (!r) return;
    place(rule.meta, r.findings, startUrl);
    if (r.ran === false) return;
    for (const p of site.pages) runs.push({ rule: rule.meta.id, page: p.url, applicable: r.applicable });
    outcomes.push({ rule: rule.meta.id, category: rule.meta.category, severity: severityOverride(config, rule.meta.id) ?? rule.meta.severity, outcome: !r.applicable ? 'inapplicable' : r.findings.length ? 'fail' : 'pass', failedPages: r.findings.length ? 1 : 0, applicablePages: r.applicable ? 1 : 0 });
  };
  for (const rule of rules) {
    if (rule.meta.scope === 'site') {
      runSite(rule, ctx);
      continue;
    }
    const view = siteView(site, rule.meta.requires);
    const ruleCtx = contextView(ctx, rule.meta.requires);
    let applicable = 0;
    let failed = 0;
    let ran = 0;
    const pages = rule.meta.pages === 'start' ? site.pages.slice(0, 1) : site.pages;
    for (const page of pages) {
      const r = run(rule, () => (rule as Extract<Rule, { meta: { scope: 'page' } }>).check(pageOf(view, page), { ...ruleCtx, isStartPage: page === site.pages[0] }));
      if (!r) continue;
      if (r.applicable) applicable++;
      if (r.findings.length) failed++;
      place(rule.meta, r.findings, page.url);
      if (r.needsReview?.length) reviewByPage.get(page.url)?.push(ruleReviewOf(rule.meta, r.needsReview, lang));
      if (r.ran === false || lacksArtifacts(rule.meta, page)) continue;
      ran++;
      runs.push({ rule: rule.meta.id, page: page.url, applicable: r.applicable });
    }
    // A rule that ran on no page (axe did not run it at this level) has no outcome rather than "inapplicable".
    if (ran === 0 && pages.length > 0) continue;
    outcomes.push({ rule: rule.meta.id, category: rule.meta.category, severity: severityOverride(config, rule.meta.id) ?? rule.meta.severity, outcome: applicable === 0 ? 'inapplicable' : failed ? 'fail' : 'pass', failedPages: failed, applicablePages: applicable });
  }

  // 規範檢核: the code verdict, then the rules that read it (tw/mark-at-risk).
  let conformance: SiteResult['conformance'] = null;
  let pageConformance = new Map<string, NonNullable<PageResult['conformance']>>();
  if (input.categories.includes('accessibility')) {
    const ruleCodes = new Map(selected.filter((r) => r.meta.twCodes?.[edition]?.length).map((r) => [r.meta.id, r.meta.twCodes![edition]!] as [string, string[]]));
    const verdict = computeConformance({
      edition,
      level,
      ruleCodes,
      runs,
      pages: site.pages.map((p) => ({ url: p.url, findings: findingsByPage.get(p.url) ?? [] })),
      offCodes: config.offCodes,
      pagesNotChecked: input.skippedPages.filter((s) => !/^(Lighthouse|rule error):/.test(s.reason)),
    });
    conformance = verdict.site;
    pageConformance = verdict.pages;
    const home = site.pages[0];
    conformance.mark = home ? markReadiness(home, input.now, config.ruleOptions.accessibilityMark.maxAgeYears, conformance) : null;
    for (const rule of selected.filter((r) => r.meta.phase === 'conformance')) {
      if (rule.meta.scope === 'site') runSite(rule, { ...ctx, conformance });
    }
  }

  const pageResults: PageResult[] = site.pages.map((p) => {
    const findings = findingsByPage.get(p.url) ?? [];
    return {
      url: p.url,
      finalUrl: p.finalUrl,
      httpStatus: p.httpStatus,
      sampledBecause: p.sampledBecause,
      title: p.title,
      findings,
      needsReview: [...needsReviewOf(p), ...(reviewByPage.get(p.url) ?? [])],
      vitals: p.vitals,
      timings: p.timings,
      accessibilityScore: input.categories.includes('accessibility') && p.axe ? pageAccessibilityScore(findings) : null,
      error: p.gatherErrors.length ? p.gatherErrors.join('; ') : null,
      ...(pageConformance.has(p.url) ? { conformance: pageConformance.get(p.url)! } : {}),
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
    twEdition: edition,
    level,
    conformance,
  };
  if (input.screenshots?.length) attachScreenshots(pageResults, input.screenshots);
  if (ruleErrors.length) result.skippedPages.push(...ruleErrors.map((e) => ({ url: startUrl, reason: `rule error: ${e}` })));
  if (waivedCount) (result.metrics as Record<string, number>).waivedFindings = waivedCount;
  return result;
}

const shotKey = (page: string, rule: string, selector: string) => `${page}\n${rule}\n${selector}`;

/** Each screenshot to the first finding of its page, rule and selector (a finding without one stays without). */
function attachScreenshots(pages: PageResult[], shots: PageScreenshot[]): void {
  const byKey = new Map(shots.map((s) => [shotKey(s.page, s.rule, s.selector), s]));
  for (const p of pages) {
    for (const f of p.findings) {
      const shot = f.selector ? byKey.get(shotKey(p.url, f.rule, f.selector)) : undefined;
      if (!shot) continue;
      f.screenshot = { type: shot.type, width: shot.width, height: shot.height, base64: shot.base64 };
      byKey.delete(shotKey(p.url, f.rule, f.selector!));
    }
  }
}

/**
 * The findings the page rules give on one page of the site as far as it is known (the pages gathered so
 * far, no probes yet): what the checker screenshots while that page is still open. The site result runs
 * the rules again on the whole site; a screenshot goes to the finding with its rule and selector there.
 */
export function pageRuleFindings(input: Pick<AssembleInput, 'site' | 'categories' | 'config' | 'now' | 'lang'>, page: PageArtifacts): Finding[] {
  const { site, config, lang } = input;
  const edition = editionOf(config, input.now);
  const waivers = config.waivers.filter((w) => !waiverExpired(w, input.now));
  const ctx: RuleContext = { now: input.now, options: config.ruleOptions, site };
  const isStartPage = page === site.pages[0];
  const out: Finding[] = [];
  for (const rule of selectRules(input.categories, config.disabledRules, config.level)) {
    if (rule.meta.scope !== 'page' || rule.meta.phase === 'conformance' || (rule.meta.pages === 'start' && !isStartPage)) continue;
    let drafts: FindingDraft[];
    try {
      const view = siteView(site, rule.meta.requires);
      drafts = (rule as Extract<Rule, { meta: { scope: 'page' } }>).check(pageOf(view, page), { ...contextView(ctx, rule.meta.requires), isStartPage }).findings;
    } catch {
      continue; // the site result reports the rule's error
    }
    for (const d of drafts) {
      if (d.pageUrl && d.pageUrl !== page.url) continue;
      const f = toFinding(rule.meta, d, page.url, lang, edition, severityOverride(config, d.rule ?? rule.meta.id));
      if (!waived(waivers, f, page.url)) out.push(f);
    }
  }
  return out;
}

/** A page rule whose required page artifacts are missing on this page (e.g. axe failed) did not really run. */
function lacksArtifacts(meta: RuleMeta, page: PageArtifacts): boolean {
  return (meta.requires ?? []).some((a) => a in page && (page as unknown as Record<string, unknown>)[a] == null);
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
