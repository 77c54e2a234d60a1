// The report of one sweep, read from the store: ranked agencies with coverage, their sites,
// nationally failing rules, change since each site's previous check, and the trend over sweeps.
// csv/json/html render this model; none of them touches SQLite.
import { SCORE_KEYS, scoreAgencies, type AgencyScores, type ScoreKey } from '../../core/agency-scoring.ts';
import type { Lang } from '../../core/types.ts';
import type { Db } from '../store/db.ts';
import { changesByAgency, NATIONAL, readStats, sweepSiteCodes, sweepSites, toScoredSites, type ChangeCounts, type SiteCodeRow, type SweepSiteRow } from '../store/stats.ts';
import { levelRank, TW_CODES } from '../../core/tw-a11y.ts';
import type { A11yLevel, Localized, TwEdition } from '../../core/types.ts';
import { A11Y_LEVELS } from '../../core/types.ts';
import { codeTitle } from '../conformance.ts';
import { listSweeps, previousSweep, type SweepRow } from '../store/sweeps.ts';

export interface SiteReport {
  siteId: number;
  url: string;
  name: string | null;
  status: SweepSiteRow['status'];
  error: string | null;
  failureKind: string | null;
  scores: Record<ScoreKey, number | null>;
  lastUpdated: string | null;
  findings: number;
  bySeverity: { critical: number; serious: number; moderate: number; minor: number };
  pages: number;
  /** 規範檢核: edition and level judged, level met (null: none met, or recorded before codes). */
  conformance: { edition: string | null; level: string | null; meets: string | null };
  /** Per-code verdict of this site (site_codes), catalogue order. */
  codes: SiteCodeRow[];
}

/** One code over the sweep: how many sites fail, pass, do not apply, were not checked. */
export interface CodeSummary {
  edition: string;
  code: string;
  level: string;
  title: Localized;
  sitesFailing: number;
  pagesFailing: number;
  findings: number;
  sitesPassing: number;
  sitesNotApplicable: number;
  sitesNotChecked: number;
}

/** An agency's conformance: the level every one of its checked sites meets (Freego's rule applied per site). */
export interface AgencyConformance {
  /** Lowest level met over its checked sites; null when a site meets none or nothing was judged. */
  meets: A11yLevel | null;
  sitesJudged: number;
  sitesMeeting: Record<A11yLevel, number>;
}

export interface RuleCount {
  rule: string;
  category: string;
  severity: string;
  sites: number;
  findings: number;
}

export interface IssueChange {
  siteUrl: string;
  rule: string;
  severity: string;
  selector: string | null;
  pageUrl: string | null;
  message: string | null;
  /** Fixed issues: days from first seen to fixed. */
  daysToFix?: number | null;
  regressed?: boolean;
}

export interface AgencyReport {
  id: string;
  name: string;
  parentId: string | null;
  rank: number | null;
  previousRank: number | null;
  scores: AgencyScores;
  previousOverall: number | null;
  sitesRegistered: number;
  sitesOk: number;
  sitesFailed: number;
  sitesPending: number;
  coverage: number;
  fullCoverage: boolean;
  changes: ChangeCounts;
  sites: SiteReport[];
  rules: RuleCount[];
  newIssues: IssueChange[];
  fixedIssues: IssueChange[];
  /** Overall score per sweep of the trend (same order as model.trend), null where absent. */
  trend: (number | null)[];
  conformance: AgencyConformance;
}

export interface TrendPoint {
  sweepId: number;
  nowAt: string;
  /** Mean overall of checked sites. */
  overall: number | null;
  coverage: number | null;
}

export interface SweepReportModel {
  lang: Lang;
  generatedAt: string;
  sweep: {
    id: number;
    lane: string;
    registry: string | null;
    nowAt: string;
    startedAt: string;
    finishedAt: string | null;
    prunedAt: string | null;
    sites: number;
    ok: number;
    failed: number;
    pending: number;
    coverage: number;
    pages: number;
    categories: string[];
    maxPages: number;
    engines: Record<string, string | null>;
  };
  national: { scores: AgencyScores; changes: ChangeCounts };
  previous: { id: number; nowAt: string } | null;
  agencies: AgencyReport[];
  topRules: RuleCount[];
  /** 規範檢核 over the sweep, one entry per (edition, code), catalogue order. */
  codes: CodeSummary[];
  trend: TrendPoint[];
  /** Set when --agency filtered the report. */
  agencyFilter: string | null;
}

export interface ModelOptions {
  agency?: string | null;
  lang?: Lang;
  /** Issues listed per agency and direction (new / fixed) in detail. */
  issueLimit?: number;
  /** Sweeps shown in the trend, newest last. */
  trendLength?: number;
  now?: Date;
}

const emptyChanges = (): ChangeCounts => ({ newFindings: 0, regressed: 0, fixed: 0, medianDaysToFix: null });

export function buildSweepReport(db: Db, sweep: SweepRow, opts: ModelOptions = {}): SweepReportModel {
  const rows = sweepSites(db, sweep.id);
  const scored = scoreAgencies(toScoredSites(rows));
  const agencyInfo = new Map(
    db.prepare<[], { id: string; name: string; parent_id: string | null }>('SELECT id, name, parent_id FROM agencies').all().map((a) => [a.id, a]),
  );
  const changes = changesByAgency(db, sweep.id);
  const prev = previousSweep(db, sweep);
  const prevStats = prev ? readStats(db, prev.id) : null;
  const trendSweeps = trendOf(db, sweep, opts.trendLength ?? 12);
  const trendStats = new Map(trendSweeps.map((s) => [s.id, readStats(db, s.id)]));
  const rulesByAgency = agencyRuleCounts(db, sweep.id);
  const siteCodes = sweepSiteCodes(db, sweep.id, opts.agency ?? null);
  const codesBySite = new Map<number, SiteCodeRow[]>();
  for (const c of siteCodes) codesBySite.set(c.siteId, [...(codesBySite.get(c.siteId) ?? []), c]);
  const limit = opts.issueLimit ?? 25;
  const newByAgency = newIssuesByAgency(db, sweep.id, limit);
  const fixedByAgency = fixedIssuesByAgency(db, sweep.id, limit);

  const agencies: AgencyReport[] = scored.map((a) => {
    const info = agencyInfo.get(a.agencyId);
    const mine = rows.filter((r) => r.agencyId === a.agencyId);
    return {
      id: a.agencyId,
      name: info?.name ?? a.agencyId,
      parentId: info?.parent_id ?? null,
      rank: a.rank,
      previousRank: prevStats?.(a.agencyId, '*', 'rank') ?? null,
      scores: a.scores,
      previousOverall: prevStats?.(a.agencyId, 'overall', 'score') ?? null,
      sitesRegistered: a.sitesRegistered,
      sitesOk: a.sitesOk,
      sitesFailed: a.sitesFailed,
      sitesPending: a.sitesPending,
      coverage: a.coverage,
      fullCoverage: a.fullCoverage,
      changes: changes.get(a.agencyId) ?? emptyChanges(),
      sites: mine.map((r) => siteReport(r, codesBySite.get(r.siteId) ?? [])),
      rules: rulesByAgency.get(a.agencyId) ?? [],
      newIssues: newByAgency.get(a.agencyId) ?? [],
      fixedIssues: fixedByAgency.get(a.agencyId) ?? [],
      trend: trendSweeps.map((s) => (s.id === sweep.id ? a.scores.overall : (trendStats.get(s.id)?.(a.agencyId, 'overall', 'score') ?? null))),
      conformance: agencyConformance(mine),
    };
  });

  const ok = rows.filter((r) => r.status === 'ok');
  const national = { scores: nationalScores(ok), changes: sumChanges([...changes.values()]) };
  const trend: TrendPoint[] = trendSweeps.map((s) => {
    if (s.id === sweep.id) return { sweepId: s.id, nowAt: s.nowAt, overall: national.scores.overall, coverage: rows.length ? ok.length / rows.length : null };
    const st = trendStats.get(s.id)!;
    return { sweepId: s.id, nowAt: s.nowAt, overall: st(NATIONAL, 'overall', 'score') ?? null, coverage: st(NATIONAL, '*', 'coverage') ?? null };
  });

  const engines = db
    .prepare<[number], Record<string, string | null>>(
      `SELECT engine_govcheck AS govcheck, engine_axe AS "axe-core", engine_lighthouse AS lighthouse, engine_chromium AS chromium, ruleset
         FROM site_results WHERE sweep_id = ? AND status = 'ok' ORDER BY id DESC LIMIT 1`,
    )
    .get(sweep.id) ?? { govcheck: null, 'axe-core': null, lighthouse: null, chromium: null, ruleset: null };

  const filtered = opts.agency ? agencies.filter((a) => a.id === opts.agency) : agencies;
  return {
    lang: opts.lang ?? sweep.options.lang ?? 'zh-TW',
    generatedAt: (opts.now ?? new Date()).toISOString(),
    sweep: {
      id: sweep.id,
      lane: sweep.lane,
      registry: sweep.registry,
      nowAt: sweep.nowAt,
      startedAt: sweep.startedAt,
      finishedAt: sweep.finishedAt,
      prunedAt: sweep.prunedAt,
      sites: rows.length,
      ok: ok.length,
      failed: rows.filter((r) => r.status !== 'ok' && r.status !== 'pending').length,
      pending: rows.filter((r) => r.status === 'pending').length,
      coverage: rows.length ? ok.length / rows.length : 0,
      pages: rows.reduce((n, r) => n + r.pagesChecked, 0),
      categories: sweep.options.categories,
      maxPages: sweep.options.maxPages,
      engines,
    },
    national,
    previous: prev ? { id: prev.id, nowAt: prev.nowAt } : null,
    agencies: filtered,
    topRules: topRules(db, sweep.id, opts.agency ? filtered[0]?.sites.map((s) => s.siteId) ?? [] : null),
    codes: codeSummaries(siteCodes),
    trend,
    agencyFilter: opts.agency ?? null,
  };
}

function catalogueIndex(edition: string, code: string): number {
  const i = (TW_CODES[edition as TwEdition] ?? []).findIndex((c) => c.code === code);
  return i < 0 ? 999 : i;
}

function codeSummaries(rows: SiteCodeRow[]): CodeSummary[] {
  const by = new Map<string, CodeSummary>();
  for (const r of rows) {
    const key = `${r.edition}|${r.code}`;
    const c = by.get(key) ?? { edition: r.edition, code: r.code, level: r.level, title: codeTitle(r.edition as TwEdition, r.code), sitesFailing: 0, pagesFailing: 0, findings: 0, sitesPassing: 0, sitesNotApplicable: 0, sitesNotChecked: 0 };
    if (r.status === 'fail') c.sitesFailing++;
    else if (r.status === 'pass') c.sitesPassing++;
    else if (r.status === 'not-applicable') c.sitesNotApplicable++;
    else c.sitesNotChecked++;
    c.pagesFailing += r.pages;
    c.findings += r.findings;
    by.set(key, c);
  }
  return [...by.values()].sort((a, b) => a.edition.localeCompare(b.edition) || catalogueIndex(a.edition, a.code) - catalogueIndex(b.edition, b.code));
}

export function agencyConformance(sites: SweepSiteRow[]): AgencyConformance {
  const judged = sites.filter((s) => s.status === 'ok' && s.twLevel);
  const sitesMeeting = { A: 0, AA: 0, AAA: 0 } as Record<A11yLevel, number>;
  for (const s of judged) for (const l of A11Y_LEVELS) if (s.meets && levelRank(s.meets as A11yLevel) >= levelRank(l)) sitesMeeting[l]++;
  let meets: A11yLevel | null = null;
  for (const l of A11Y_LEVELS) if (judged.length && sitesMeeting[l] === judged.length) meets = l;
  return { meets, sitesJudged: judged.length, sitesMeeting };
}

function siteReport(r: SweepSiteRow, codes: SiteCodeRow[]): SiteReport {
  return {
    siteId: r.siteId,
    url: r.url,
    name: r.siteName,
    status: r.status,
    error: r.error,
    failureKind: r.failureKind,
    scores: { overall: r.overall, accessibility: r.accessibility, performance: r.performance, freshness: r.freshness, governance: r.governance, security: r.security },
    lastUpdated: r.lastUpdated,
    findings: r.findings,
    bySeverity: { critical: r.critical, serious: r.serious, moderate: r.moderate, minor: r.minor },
    pages: r.pagesChecked,
    conformance: { edition: r.twEdition, level: r.twLevel, meets: r.meets },
    codes: [...codes].sort((a, b) => catalogueIndex(a.edition, a.code) - catalogueIndex(b.edition, b.code)),
  };
}

function nationalScores(ok: SweepSiteRow[]): AgencyScores {
  const out = {} as AgencyScores;
  for (const key of SCORE_KEYS) {
    const vals = ok.map((r) => r[key]).filter((v): v is number => v !== null);
    out[key] = vals.length ? Math.round((vals.reduce((a, b) => a + b, 0) / vals.length) * 10) / 10 : null;
  }
  return out;
}

function sumChanges(list: ChangeCounts[]): ChangeCounts {
  return list.reduce((a, c) => ({ newFindings: a.newFindings + c.newFindings, regressed: a.regressed + c.regressed, fixed: a.fixed + c.fixed, medianDaysToFix: null }), emptyChanges());
}

/** The sweep and the finished sweeps of its lane before it, oldest first. */
function trendOf(db: Db, sweep: SweepRow, length: number): SweepRow[] {
  const earlier = listSweeps(db, sweep.lane).filter((s) => s.id < sweep.id && s.finishedAt);
  return [...earlier.slice(-(length - 1)), sweep];
}

function topRules(db: Db, sweepId: number, siteIds: number[] | null): RuleCount[] {
  if (siteIds === null) {
    const pre = db
      .prepare<[number], RuleCount>('SELECT rule, category, severity, sites_failing AS sites, findings FROM rule_stats WHERE sweep_id = ? ORDER BY sites_failing DESC, findings DESC, rule LIMIT 15')
      .all(sweepId);
    if (pre.length) return pre;
  }
  return ruleCountsFor(db, sweepId, siteIds ? new Set(siteIds) : null).slice(0, 15);
}

/** Rule counts over the sweep's findings, optionally of some sites only (unfinished sweeps, one agency). */
function ruleCountsFor(db: Db, sweepId: number, siteIds: Set<number> | null): RuleCount[] {
  const rows = db
    .prepare<[number], RuleCount & { siteId: number }>(
      'SELECT site_id AS siteId, rule, MIN(category) AS category, MIN(severity) AS severity, 1 AS sites, COUNT(*) AS findings FROM findings WHERE sweep_id = ? GROUP BY site_id, rule, severity',
    )
    .all(sweepId)
    .filter((r) => !siteIds || siteIds.has(r.siteId));
  return mergeRuleCounts(rows);
}

function agencyRuleCounts(db: Db, sweepId: number): Map<string, RuleCount[]> {
  const rows = db
    .prepare<[number], RuleCount & { agencyId: string; siteId: number }>(
      `SELECT r.agency_id AS agencyId, f.site_id AS siteId, f.rule AS rule, f.category AS category, f.severity AS severity, 1 AS sites, COUNT(*) AS findings
         FROM findings f JOIN site_results r ON r.id = f.site_result_id
        WHERE f.sweep_id = ? GROUP BY r.agency_id, f.site_id, f.rule, f.severity`,
    )
    .all(sweepId);
  const by = new Map<string, (RuleCount & { agencyId: string; siteId: number })[]>();
  for (const r of rows) by.set(r.agencyId, [...(by.get(r.agencyId) ?? []), r]);
  return new Map([...by].map(([id, list]) => [id, mergeRuleCounts(list)]));
}

const SEVERITY_ORDER = ['critical', 'serious', 'moderate', 'minor'];

/** Rows are per (site, rule, severity): a site counts once per rule, the worst severity wins. */
function mergeRuleCounts(rows: (RuleCount & { siteId: number })[]): RuleCount[] {
  const m = new Map<string, RuleCount & { siteIds: Set<number> }>();
  for (const r of rows) {
    const c = m.get(r.rule);
    if (!c) m.set(r.rule, { rule: r.rule, category: r.category, severity: r.severity, sites: 1, findings: r.findings, siteIds: new Set([r.siteId]) });
    else {
      c.siteIds.add(r.siteId);
      c.sites = c.siteIds.size;
      c.findings += r.findings;
      if (SEVERITY_ORDER.indexOf(r.severity) < SEVERITY_ORDER.indexOf(c.severity)) c.severity = r.severity;
    }
  }
  return [...m.values()].map(({ siteIds: _, ...c }) => c).sort((a, b) => b.sites - a.sites || b.findings - a.findings || a.rule.localeCompare(b.rule));
}

const SEVERITY_RANK = "CASE severity WHEN 'critical' THEN 0 WHEN 'serious' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END";

/** Grouped by agency, at most `limit` each (one query for every agency: per-agency queries scanned the sweep's findings once per agency). */
function byAgency<T extends { agencyId: string }>(rows: T[]): Map<string, Omit<T, 'agencyId'>[]> {
  const out = new Map<string, Omit<T, 'agencyId'>[]>();
  for (const { agencyId, ...rest } of rows) {
    const list = out.get(agencyId);
    if (list) list.push(rest);
    else out.set(agencyId, [rest]);
  }
  return out;
}

function newIssuesByAgency(db: Db, sweepId: number, limit: number): Map<string, IssueChange[]> {
  const rows = db
    .prepare<[number, number], IssueChange & { agencyId: string; regressedFlag: number }>(
      `SELECT agencyId, siteUrl, rule, severity, selector, pageUrl, message, regressedFlag FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY agencyId ORDER BY ${SEVERITY_RANK}, siteUrl, rule) AS n FROM (
           SELECT r.agency_id AS agencyId, r.url AS siteUrl, f.rule AS rule, f.severity AS severity, f.selector AS selector, p.url AS pageUrl,
                  f.message AS message, MAX(f.lifecycle = 'regressed') AS regressedFlag
             FROM findings f JOIN site_results r ON r.id = f.site_result_id LEFT JOIN page_results p ON p.id = f.page_result_id
            WHERE f.sweep_id = ? AND f.lifecycle IN ('new', 'regressed')
            GROUP BY f.site_id, f.fingerprint))
        WHERE n <= ? ORDER BY agencyId, n`,
    )
    .all(sweepId, limit)
    .map(({ regressedFlag, ...i }) => ({ ...i, regressed: regressedFlag === 1 }));
  return byAgency(rows);
}

function fixedIssuesByAgency(db: Db, sweepId: number, limit: number): Map<string, IssueChange[]> {
  const rows = db
    .prepare<[number, number], IssueChange & { agencyId: string }>(
      `SELECT agencyId, siteUrl, rule, severity, selector, pageUrl, message, daysToFix FROM (
         SELECT j.agency_id AS agencyId, s.url AS siteUrl, i.rule AS rule, i.severity AS severity, i.selector AS selector, i.page_url AS pageUrl,
                i.message AS message, ROUND(julianday(i.fixed_at) - julianday(i.first_seen_at), 1) AS daysToFix,
                ROW_NUMBER() OVER (PARTITION BY j.agency_id ORDER BY CASE i.severity WHEN 'critical' THEN 0 WHEN 'serious' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END, s.url, i.rule) AS n
           FROM issues i JOIN jobs j ON j.site_id = i.site_id AND j.sweep_id = i.fixed_sweep_id JOIN sites s ON s.id = i.site_id
          WHERE i.fixed_sweep_id = ?)
        WHERE n <= ? ORDER BY agencyId, n`,
    )
    .all(sweepId, limit);
  return byAgency(rows);
}
