// Reads for the dashboard's agency and site views. A site's "current" result is its most recent
// recorded check of any lane (a webmaster's self-check after a fix supersedes the national sweep);
// rankings stay on the national sweep (reports/sweep-report/model.ts).
import type { ScoreKey } from '../../core/agency-scoring.ts';
import type { Conformance, NeedsReview } from '../../core/types.ts';
import type { Db } from '../store/db.ts';
import type { Lane } from '../store/sweeps.ts';

export interface AgencyRow {
  id: string;
  name: string;
  parentId: string | null;
}

export function getAgency(db: Db, id: string): AgencyRow | null {
  return db.prepare<[string], AgencyRow>('SELECT id, name, parent_id AS parentId FROM agencies WHERE id = ?').get(id) ?? null;
}

export interface SiteRow {
  id: number;
  agencyId: string;
  agencyName: string;
  url: string;
  name: string | null;
  active: boolean;
}

export function getSite(db: Db, id: number): SiteRow | null {
  const r = db
    .prepare<[number], Omit<SiteRow, 'active'> & { active: number }>(
      'SELECT s.id, s.agency_id AS agencyId, a.name AS agencyName, s.url, s.name, s.active FROM sites s JOIN agencies a ON a.id = s.agency_id WHERE s.id = ?',
    )
    .get(id);
  return r ? { ...r, active: r.active === 1 } : null;
}

export interface ResultSummary {
  resultId: number;
  sweepId: number;
  lane: Lane;
  nowAt: string;
  recordedAt: string;
  status: string;
  error: string | null;
  scores: Record<ScoreKey, number | null>;
  lastUpdated: string | null;
  findings: number;
  pages: number;
  /** The sweep's page-level detail was removed by prune: scores only. */
  pruned: boolean;
  engines: { govcheck: string | null; axe: string | null; lighthouse: string | null; chromium: string | null; ruleset: string | null };
  skippedPages: { url: string; reason: string }[];
  /** 規範檢核 recorded with the result (null: accessibility not checked, or recorded before codes). */
  conformance: Conformance | null;
}

interface RawResult {
  resultId: number;
  sweepId: number;
  lane: Lane;
  nowAt: string;
  recordedAt: string;
  status: string;
  error: string | null;
  overall: number | null;
  accessibility: number | null;
  performance: number | null;
  freshness: number | null;
  governance: number | null;
  security: number | null;
  lastUpdated: string | null;
  findings: number;
  pages: number;
  prunedAt: string | null;
  engGovcheck: string | null;
  engAxe: string | null;
  engLighthouse: string | null;
  engChromium: string | null;
  ruleset: string | null;
  skipped: string | null;
  conformance: string | null;
}

const RESULT_COLUMNS = `r.id AS resultId, r.sweep_id AS sweepId, w.lane AS lane, w.now_at AS nowAt, r.recorded_at AS recordedAt,
  r.status, r.error, r.overall, r.accessibility, r.performance, r.freshness, r.governance, r.security,
  r.last_updated AS lastUpdated, r.findings_count AS findings, r.pages_checked AS pages, w.pruned_at AS prunedAt,
  r.engine_govcheck AS engGovcheck, r.engine_axe AS engAxe, r.engine_lighthouse AS engLighthouse, r.engine_chromium AS engChromium,
  r.ruleset AS ruleset, r.skipped_pages AS skipped, r.conformance AS conformance`;

function toSummary(r: RawResult): ResultSummary {
  return {
    resultId: r.resultId,
    sweepId: r.sweepId,
    lane: r.lane,
    nowAt: r.nowAt,
    recordedAt: r.recordedAt,
    status: r.status,
    error: r.error,
    scores: { overall: r.overall, accessibility: r.accessibility, performance: r.performance, freshness: r.freshness, governance: r.governance, security: r.security },
    lastUpdated: r.lastUpdated,
    findings: r.findings,
    pages: r.pages,
    pruned: r.prunedAt !== null,
    engines: { govcheck: r.engGovcheck, axe: r.engAxe, lighthouse: r.engLighthouse, chromium: r.engChromium, ruleset: r.ruleset },
    skippedPages: r.skipped ? (JSON.parse(r.skipped) as { url: string; reason: string }[]) : [],
    conformance: r.conformance ? (JSON.parse(r.conformance) as Conformance) : null,
  };
}

/** The site's checks, newest first. */
export function siteHistory(db: Db, siteId: number, limit = 12): ResultSummary[] {
  return db
    .prepare<[number, number], RawResult>(`SELECT ${RESULT_COLUMNS} FROM site_results r JOIN sweeps w ON w.id = r.sweep_id WHERE r.site_id = ? ORDER BY r.id DESC LIMIT ?`)
    .all(siteId, limit)
    .map(toSummary);
}

export function currentResult(db: Db, siteId: number): ResultSummary | null {
  return siteHistory(db, siteId, 1)[0] ?? null;
}

export interface SelfCheckJob {
  sweepId: number;
  jobId: number;
  state: 'queued' | 'running' | 'done';
  attempts: number;
  lastError: string | null;
  startedAt: string;
  recorded: boolean;
}

/** The newest self-check of each site (queued, running or done). */
export function latestSelfChecks(db: Db, siteIds: number[]): Map<number, SelfCheckJob> {
  const rows = db
    .prepare<[string], SelfCheckJob & { siteId: number; recordedFlag: number }>(
      `SELECT j.site_id AS siteId, j.sweep_id AS sweepId, j.id AS jobId, j.state, j.attempts, j.last_error AS lastError, w.started_at AS startedAt,
              EXISTS (SELECT 1 FROM site_results r WHERE r.sweep_id = j.sweep_id AND r.site_id = j.site_id) AS recordedFlag
         FROM jobs j JOIN sweeps w ON w.id = j.sweep_id
        WHERE j.lane = 'self-check' AND j.id IN (SELECT MAX(id) FROM jobs WHERE lane = 'self-check' AND site_id IN (SELECT value FROM json_each(?)) GROUP BY site_id)`,
    )
    .all(JSON.stringify(siteIds));
  return new Map(rows.map(({ siteId, recordedFlag, ...j }) => [siteId, { ...j, recorded: recordedFlag === 1 }]));
}

export interface AgencySite extends SiteRow {
  current: ResultSummary | null;
  selfCheck: SelfCheckJob | null;
}

/** The agency's registered (active) sites with their current result. */
export function agencySites(db: Db, agencyId: string): AgencySite[] {
  const sites = db
    .prepare<[string], Omit<SiteRow, 'active'> & { active: number }>(
      'SELECT s.id, s.agency_id AS agencyId, a.name AS agencyName, s.url, s.name, s.active FROM sites s JOIN agencies a ON a.id = s.agency_id WHERE s.agency_id = ? AND s.active = 1 ORDER BY s.url',
    )
    .all(agencyId);
  const checks = latestSelfChecks(db, sites.map((s) => s.id));
  return sites.map((s) => ({ ...s, active: true, current: currentResult(db, s.id), selfCheck: checks.get(s.id) ?? null }));
}

export interface FindingRow {
  id: number;
  siteId: number;
  resultId: number;
  pageId: number | null;
  pageUrl: string | null;
  rule: string;
  category: string;
  severity: string;
  wcag: string | null;
  selector: string | null;
  snippet: string | null;
  message: string;
  help: string | null;
  fingerprint: string;
  lifecycle: 'new' | 'open' | 'regressed';
  /** Taiwan codes the finding evidences, comma-separated (edition: the result's). */
  twCodes: string | null;
  /** Size of the finding's element screenshot (served at /findings/<id>/screenshot), null when it has none. */
  shotWidth: number | null;
  shotHeight: number | null;
}

const SEVERITY_SQL = "CASE f.severity WHEN 'critical' THEN 0 WHEN 'serious' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END";

export function findingsOfResults(db: Db, resultIds: number[]): FindingRow[] {
  if (!resultIds.length) return [];
  return db
    .prepare<[string], FindingRow>(
      `SELECT f.id, f.site_id AS siteId, f.site_result_id AS resultId, f.page_result_id AS pageId, p.url AS pageUrl, f.rule, f.category, f.severity,
              f.wcag, f.selector, f.snippet, f.message, f.help, f.fingerprint, f.lifecycle, f.tw_codes AS twCodes,
              s.width AS shotWidth, s.height AS shotHeight
         FROM findings f LEFT JOIN page_results p ON p.id = f.page_result_id LEFT JOIN finding_screenshots s ON s.finding_id = f.id
        WHERE f.site_result_id IN (SELECT value FROM json_each(?))
        ORDER BY ${SEVERITY_SQL}, f.rule, p.id, f.id`,
    )
    .all(JSON.stringify(resultIds));
}

export function getFinding(db: Db, id: number): FindingRow | null {
  return (
    db
      .prepare<[number], FindingRow>(
        `SELECT f.id, f.site_id AS siteId, f.site_result_id AS resultId, f.page_result_id AS pageId, p.url AS pageUrl, f.rule, f.category, f.severity,
                f.wcag, f.selector, f.snippet, f.message, f.help, f.fingerprint, f.lifecycle, f.tw_codes AS twCodes,
                s.width AS shotWidth, s.height AS shotHeight
           FROM findings f LEFT JOIN page_results p ON p.id = f.page_result_id LEFT JOIN finding_screenshots s ON s.finding_id = f.id WHERE f.id = ?`,
      )
      .get(id) ?? null
  );
}

/** A finding's element screenshot as stored, or null. */
export function findingScreenshot(db: Db, findingId: number): { type: string; image: Buffer } | null {
  return db.prepare<[number], { type: string; image: Buffer }>('SELECT type, image FROM finding_screenshots WHERE finding_id = ?').get(findingId) ?? null;
}

export interface FixedIssue {
  siteId: number;
  fingerprint: string;
  rule: string;
  category: string;
  severity: string;
  selector: string | null;
  pageUrl: string | null;
  message: string | null;
  firstSeenAt: string;
  fixedAt: string;
}

/** Issues that the site's current check found fixed. */
export function fixedAtCurrent(db: Db, current: { siteId: number; sweepId: number }[]): FixedIssue[] {
  const get = db.prepare<[number, number], FixedIssue>(
    `SELECT site_id AS siteId, fingerprint, rule, category, severity, selector, page_url AS pageUrl, message, first_seen_at AS firstSeenAt, fixed_at AS fixedAt
       FROM issues WHERE state = 'fixed' AND site_id = ? AND fixed_sweep_id = ? ORDER BY rule`,
  );
  return current.flatMap((c) => get.all(c.siteId, c.sweepId));
}

export interface PageRow {
  id: number;
  url: string;
  finalUrl: string | null;
  httpStatus: number | null;
  sampledBecause: string | null;
  title: string | null;
  accessibilityScore: number | null;
  error: string | null;
  findingsCount: number;
  needsReview: NeedsReview[];
}

export function pagesOfResult(db: Db, resultId: number): PageRow[] {
  return db
    .prepare<[number], Omit<PageRow, 'needsReview'> & { needsReview: string | null }>(
      `SELECT id, url, final_url AS finalUrl, http_status AS httpStatus, sampled_because AS sampledBecause, title,
              accessibility_score AS accessibilityScore, error, findings_count AS findingsCount, needs_review AS needsReview
         FROM page_results WHERE site_result_id = ? ORDER BY id`,
    )
    .all(resultId)
    .map((p) => ({ ...p, needsReview: p.needsReview ? (JSON.parse(p.needsReview) as NeedsReview[]) : [] }));
}

/** The newest self-check job of the site that is still waiting or running, if any. */
export function pendingSelfCheck(db: Db, siteId: number): { sweepId: number; jobId: number } | null {
  return (
    db
      .prepare<[number], { sweepId: number; jobId: number }>(
        "SELECT sweep_id AS sweepId, id AS jobId FROM jobs WHERE lane = 'self-check' AND site_id = ? AND state IN ('queued', 'running') ORDER BY id DESC LIMIT 1",
      )
      .get(siteId) ?? null
  );
}
