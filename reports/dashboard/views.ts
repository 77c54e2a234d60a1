// View models shared by the HTML pages and the JSON API (the API mirrors the pages).
import type { Lang } from '../../core/types.ts';
import type { Db } from '../store/db.ts';
import { resolveSweep, type SweepRow } from '../store/sweeps.ts';
import { buildSweepReport, type SweepReportModel } from '../sweep-report/model.ts';
import { scoreBins } from './charts.ts';
import {
  agencySites,
  currentResult,
  findingsOfResults,
  fixedAtCurrent,
  getAgency,
  latestSelfChecks,
  pagesOfResult,
  siteHistory,
  type AgencyRow,
  type AgencySite,
  type FindingRow,
  type FixedIssue,
  type PageRow,
  type ResultSummary,
  type SelfCheckJob,
  type SiteRow,
} from './queries.ts';
import { groupByRule, type RuleGroup } from './rule-groups.ts';
import { listWaivers, waiverKey, waiversByKey, type WaiverRow } from './waivers.ts';

type AgencyReport = SweepReportModel['agencies'][number];

/** The national sweep the dashboard ranks on (newest finished), or null on an empty database. */
export function latestNationalSweep(db: Db): SweepRow | null {
  const any = db.prepare("SELECT 1 FROM sweeps WHERE lane = 'sweep' LIMIT 1").get();
  if (!any) return null;
  return resolveSweep(db, 'latest');
}

/**
 * The sweep report model, rebuilt only when something was recorded since (it reads every agency's
 * issues; a page view must not redo that while nothing changed).
 */
export class ReportCache {
  private key = '';
  private model: SweepReportModel | null = null;

  constructor(private readonly db: Db) {}

  get(lang: Lang): SweepReportModel | null {
    const sweep = latestNationalSweep(this.db);
    if (!sweep) return null;
    const last = this.db.prepare('SELECT MAX(id) AS id FROM site_results').get() as { id: number | null };
    const key = `${sweep.id}|${sweep.finishedAt}|${last.id}`;
    if (key !== this.key || !this.model) {
      this.model = buildSweepReport(this.db, sweep, { lang: 'zh-TW' });
      this.key = key;
    }
    return { ...this.model, lang };
  }
}

export interface OverviewView {
  sweep: SweepReportModel['sweep'] | null;
  national: SweepReportModel['national'] | null;
  agencies: AgencyReport[];
  trend: SweepReportModel['trend'];
  /** Agencies per overall-score band (0–9 … 90–100). */
  distribution: number[];
  topRules: SweepReportModel['topRules'];
}

export function overviewView(model: SweepReportModel | null): OverviewView {
  if (!model) return { sweep: null, national: null, agencies: [], trend: [], distribution: scoreBins([]), topRules: [] };
  return {
    sweep: model.sweep,
    national: model.national,
    agencies: model.agencies,
    trend: model.trend,
    distribution: scoreBins(model.agencies.map((a) => a.scores.overall)),
    topRules: model.topRules,
  };
}

export interface AgencyView {
  agency: AgencyRow;
  /** Rank, scores, coverage and trend in the latest national sweep (null when not in it). */
  national: Omit<AgencyReport, 'sites' | 'rules' | 'newIssues' | 'fixedIssues'> | null;
  sweep: { id: number; nowAt: string; finishedAt: string | null } | null;
  trend: SweepReportModel['trend'];
  sites: AgencySite[];
  /** Open findings of the sites' current checks, grouped by rule (approved waivers excluded). */
  rules: RuleGroup[];
  fixed: FixedIssue[];
  waivers: WaiverRow[];
}

export function agencyView(db: Db, model: SweepReportModel | null, agencyId: string): AgencyView | null {
  const agency = getAgency(db, agencyId);
  if (!agency) return null;
  const report = model?.agencies.find((a) => a.id === agencyId) ?? null;
  const sites = agencySites(db, agencyId);
  const current = sites.filter((s) => s.current).map((s) => s.current!);
  const findings = findingsOfResults(db, current.map((c) => c.resultId));
  const fixed = fixedAtCurrent(db, sites.filter((s) => s.current).map((s) => ({ siteId: s.id, sweepId: s.current!.sweepId })));
  const waivers = waiversByKey(db, sites.map((s) => s.id));
  let national: AgencyView['national'] = null;
  if (report) {
    const { sites: _s, rules: _r, newIssues: _n, fixedIssues: _f, ...rest } = report;
    national = rest;
  }
  return {
    agency,
    national,
    sweep: model ? { id: model.sweep.id, nowAt: model.sweep.nowAt, finishedAt: model.sweep.finishedAt } : null,
    trend: model?.trend ?? [],
    sites,
    rules: groupByRule(findings, fixed, waivers),
    fixed,
    waivers: listWaivers(db, { agencyId }),
  };
}

export interface SitePageView extends PageRow {
  /** Open findings (approved waivers excluded), each with its dispute state if any. */
  findings: (FindingRow & { waiver: WaiverRow | null })[];
}

export interface SiteView {
  site: SiteRow;
  current: ResultSummary | null;
  history: ResultSummary[];
  selfCheck: SelfCheckJob | null;
  pages: SitePageView[];
  /** Findings hidden by approved waivers. */
  waived: (FindingRow & { waiver: WaiverRow })[];
  fixed: FixedIssue[];
  waivers: WaiverRow[];
}

export function siteView(db: Db, site: SiteRow): SiteView {
  const current = currentResult(db, site.id);
  const waivers = waiversByKey(db, [site.id]);
  const findings = current ? findingsOfResults(db, [current.resultId]) : [];
  const byPage = new Map<number | null, SitePageView['findings']>();
  const waived: SiteView['waived'] = [];
  for (const f of findings) {
    const w = waivers.get(waiverKey(f.siteId, f.fingerprint)) ?? null;
    if (w?.state === 'approved') {
      waived.push({ ...f, waiver: w });
      continue;
    }
    byPage.set(f.pageId, [...(byPage.get(f.pageId) ?? []), { ...f, waiver: w }]);
  }
  const pages = current ? pagesOfResult(db, current.resultId).map((p) => ({ ...p, findings: byPage.get(p.id) ?? [] })) : [];
  return {
    site,
    current,
    history: siteHistory(db, site.id),
    selfCheck: latestSelfChecks(db, [site.id]).get(site.id) ?? null,
    pages,
    waived,
    fixed: current ? fixedAtCurrent(db, [{ siteId: site.id, sweepId: current.sweepId }]) : [],
    waivers: listWaivers(db, { siteIds: [site.id] }),
  };
}
