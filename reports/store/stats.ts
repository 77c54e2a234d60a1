// Precomputed statistics per sweep × agency × category (Lighthouse-CI's "statistics" idea), so the
// dashboard and trend charts read a few rows instead of scanning findings. Written when a sweep
// finishes; recomputable at any time before the sweep's raw rows are pruned.
import { scoreAgencies, SCORE_KEYS, roundScore, mean, type AgencyScore, type ScoredSite } from '../../core/agency-scoring.ts';
import type { SiteStatus } from '../../core/types.ts';
import type { Db } from './db.ts';

/** agency_id of national rows. */
export const NATIONAL = '';

export interface SweepSiteRow {
  siteId: number;
  agencyId: string;
  url: string;
  siteName: string | null;
  status: SiteStatus | 'pending';
  error: string | null;
  failureKind: string | null;
  overall: number | null;
  accessibility: number | null;
  performance: number | null;
  freshness: number | null;
  governance: number | null;
  security: number | null;
  lastUpdated: string | null;
  findings: number;
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  pagesChecked: number;
  durationMs: number | null;
  siteResultId: number | null;
  /** 網站無障礙規範 edition and level the site was judged by, and the level it meets (null: none or not recorded). */
  twEdition: string | null;
  twLevel: string | null;
  meets: string | null;
}

/** Every site planned in the sweep, with its result when recorded ('pending' otherwise). */
export function sweepSites(db: Db, sweepId: number): SweepSiteRow[] {
  return db
    .prepare<[number], SweepSiteRow>(
      `SELECT j.site_id AS siteId, j.agency_id AS agencyId, j.url AS url, s.name AS siteName,
              COALESCE(r.status, 'pending') AS status, r.error AS error, r.failure_kind AS failureKind,
              r.overall, r.accessibility, r.performance, r.freshness, r.governance, r.security,
              r.last_updated AS lastUpdated, COALESCE(r.findings_count, 0) AS findings,
              COALESCE(r.critical, 0) AS critical, COALESCE(r.serious, 0) AS serious,
              COALESCE(r.moderate, 0) AS moderate, COALESCE(r.minor, 0) AS minor,
              COALESCE(r.pages_checked, 0) AS pagesChecked, r.duration_ms AS durationMs, r.id AS siteResultId,
              r.tw_edition AS twEdition, r.tw_level AS twLevel, r.conformance_meets AS meets
         FROM jobs j
         JOIN sites s ON s.id = j.site_id
         LEFT JOIN site_results r ON r.sweep_id = j.sweep_id AND r.site_id = j.site_id
        WHERE j.sweep_id = ?
        ORDER BY j.agency_id, j.url`,
    )
    .all(sweepId);
}

export function toScoredSites(rows: SweepSiteRow[]): ScoredSite[] {
  return rows.map((r) => ({
    agencyId: r.agencyId,
    status: r.status,
    scores: { overall: r.overall, accessibility: r.accessibility, performance: r.performance, freshness: r.freshness, governance: r.governance, security: r.security },
  }));
}

export function agencyScoresOf(db: Db, sweepId: number): AgencyScore[] {
  return scoreAgencies(toScoredSites(sweepSites(db, sweepId)));
}

export interface ChangeCounts {
  newFindings: number;
  regressed: number;
  fixed: number;
  /** Median days from first seen to fixed, over issues fixed in this sweep; null when none. */
  medianDaysToFix: number | null;
}

/** New / regressed issues (distinct fingerprints) and fixed issues of a sweep, per agency. */
export function changesByAgency(db: Db, sweepId: number): Map<string, ChangeCounts> {
  const out = new Map<string, ChangeCounts>();
  const get = (agencyId: string) => {
    let c = out.get(agencyId);
    if (!c) out.set(agencyId, (c = { newFindings: 0, regressed: 0, fixed: 0, medianDaysToFix: null }));
    return c;
  };
  const appeared = db
    .prepare<[number], { agencyId: string; lifecycle: string; n: number }>(
      `SELECT r.agency_id AS agencyId, f.lifecycle AS lifecycle, COUNT(DISTINCT f.site_id || ' ' || f.fingerprint) AS n
         FROM findings f JOIN site_results r ON r.id = f.site_result_id
        WHERE f.sweep_id = ? AND f.lifecycle IN ('new', 'regressed')
        GROUP BY r.agency_id, f.lifecycle`,
    )
    .all(sweepId);
  for (const a of appeared) {
    if (a.lifecycle === 'new') get(a.agencyId).newFindings = a.n;
    else get(a.agencyId).regressed = a.n;
  }
  const fixed = db
    .prepare<[number], { agencyId: string; days: number }>(
      `SELECT j.agency_id AS agencyId, julianday(i.fixed_at) - julianday(i.first_seen_at) AS days
         FROM issues i JOIN jobs j ON j.site_id = i.site_id AND j.sweep_id = i.fixed_sweep_id
        WHERE i.fixed_sweep_id = ?`,
    )
    .all(sweepId);
  const days = new Map<string, number[]>();
  for (const f of fixed) {
    get(f.agencyId).fixed++;
    days.set(f.agencyId, [...(days.get(f.agencyId) ?? []), f.days]);
  }
  for (const [agencyId, list] of days) get(agencyId).medianDaysToFix = median(list);
  return out;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return roundScore(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2);
}

/** Recomputes and replaces the sweep's stats and rule_stats rows. No-op on a pruned sweep. */
export function computeSweepStats(db: Db, sweepId: number): void {
  const sweep = db.prepare<[number], { pruned_at: string | null }>('SELECT pruned_at FROM sweeps WHERE id = ?').get(sweepId);
  if (!sweep || sweep.pruned_at) return;
  const rows = sweepSites(db, sweepId);
  const agencies = scoreAgencies(toScoredSites(rows));
  const changes = changesByAgency(db, sweepId);
  const put = db.prepare('INSERT INTO stats (sweep_id, agency_id, category, name, value) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM stats WHERE sweep_id = ?').run(sweepId);
    db.prepare('DELETE FROM rule_stats WHERE sweep_id = ?').run(sweepId);
    const national = { findings: 0, critical: 0, newFindings: 0, regressed: 0, fixed: 0 };
    for (const a of agencies) {
      const mine = rows.filter((r) => r.agencyId === a.agencyId);
      for (const key of SCORE_KEYS) {
        put.run(sweepId, a.agencyId, key, 'score', a.scores[key]);
        put.run(sweepId, a.agencyId, key, 'sites_scored', mine.filter((r) => r.status === 'ok' && r[key] !== null).length);
      }
      const c = changes.get(a.agencyId) ?? { newFindings: 0, regressed: 0, fixed: 0, medianDaysToFix: null };
      const findings = mine.reduce((n, r) => n + r.findings, 0);
      const critical = mine.reduce((n, r) => n + r.critical, 0);
      const figures: Record<string, number | null> = {
        sites_registered: a.sitesRegistered,
        sites_ok: a.sitesOk,
        sites_failed: a.sitesFailed,
        sites_pending: a.sitesPending,
        coverage: a.coverage,
        full_coverage: a.fullCoverage ? 1 : 0,
        rank: a.rank,
        findings,
        critical,
        new_findings: c.newFindings,
        regressed: c.regressed,
        fixed: c.fixed,
        median_days_to_fix: c.medianDaysToFix,
      };
      for (const [name, value] of Object.entries(figures)) put.run(sweepId, a.agencyId, '*', name, value);
      national.findings += findings;
      national.critical += critical;
      national.newFindings += c.newFindings;
      national.regressed += c.regressed;
      national.fixed += c.fixed;
    }
    const ok = rows.filter((r) => r.status === 'ok');
    for (const key of SCORE_KEYS) {
      const siteMean = mean(ok.map((r) => r[key]).filter((v): v is number => v !== null));
      const agencyMean = mean(agencies.map((a) => a.scores[key]).filter((v): v is number => v !== null));
      put.run(sweepId, NATIONAL, key, 'score', siteMean === null ? null : roundScore(siteMean));
      put.run(sweepId, NATIONAL, key, 'agency_mean', agencyMean === null ? null : roundScore(agencyMean));
    }
    const allFixDays = db
      .prepare<[number], { d: number }>('SELECT julianday(fixed_at) - julianday(first_seen_at) AS d FROM issues WHERE fixed_sweep_id = ?')
      .pluck()
      .all(sweepId) as unknown as number[];
    const nationalFigures: Record<string, number | null> = {
      sites_registered: rows.length,
      sites_ok: ok.length,
      sites_failed: rows.filter((r) => r.status !== 'ok' && r.status !== 'pending').length,
      sites_pending: rows.filter((r) => r.status === 'pending').length,
      coverage: rows.length ? ok.length / rows.length : 0,
      agencies: agencies.length,
      agencies_ranked: agencies.filter((a) => a.rank !== null).length,
      agencies_full_coverage: agencies.filter((a) => a.fullCoverage).length,
      findings: national.findings,
      critical: national.critical,
      new_findings: national.newFindings,
      regressed: national.regressed,
      fixed: national.fixed,
      median_days_to_fix: median(allFixDays),
      pages: rows.reduce((n, r) => n + r.pagesChecked, 0),
    };
    for (const [name, value] of Object.entries(nationalFigures)) put.run(sweepId, NATIONAL, '*', name, value);
    db.prepare(
      `INSERT INTO rule_stats (sweep_id, rule, category, severity, sites_failing, findings)
       SELECT ?, rule, MIN(category),
              CASE MIN(CASE severity WHEN 'critical' THEN 0 WHEN 'serious' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END)
                WHEN 0 THEN 'critical' WHEN 1 THEN 'serious' WHEN 2 THEN 'moderate' ELSE 'minor' END,
              COUNT(DISTINCT site_id), COUNT(*)
         FROM findings WHERE sweep_id = ? GROUP BY rule`,
    ).run(sweepId, sweepId);
  }).immediate();
}

/** Stats rows of a sweep as a lookup: get(agencyId, category, name). */
export function readStats(db: Db, sweepId: number): (agencyId: string, category: string, name: string) => number | null | undefined {
  const rows = db.prepare<[number], { agency_id: string; category: string; name: string; value: number | null }>('SELECT agency_id, category, name, value FROM stats WHERE sweep_id = ?').all(sweepId);
  const map = new Map(rows.map((r) => [`${r.agency_id}\u0000${r.category}\u0000${r.name}`, r.value]));
  return (agencyId, category, name) => map.get(`${agencyId}\u0000${category}\u0000${name}`);
}

/** One site's verdict on one code (site_codes). */
export interface SiteCodeRow {
  siteId: number;
  agencyId: string;
  edition: string;
  code: string;
  level: string;
  status: 'pass' | 'fail' | 'not-applicable' | 'not-checked';
  pages: number;
  findings: number;
}

/** Per-code verdicts of every site recorded in a sweep (optionally one agency's). */
export function sweepSiteCodes(db: Db, sweepId: number, agencyId: string | null = null): SiteCodeRow[] {
  return db
    .prepare<[number, string | null, string | null], SiteCodeRow>(
      `SELECT site_id AS siteId, agency_id AS agencyId, edition, code, level, status, pages, findings
         FROM site_codes WHERE sweep_id = ? AND (? IS NULL OR agency_id = ?) ORDER BY site_id, code`,
    )
    .all(sweepId, agencyId, agencyId);
}
