// The recorder: the only code that writes check results into SQLite. One site result is written
// in one transaction (site row, pages, findings, metrics, rule outcomes, Lighthouse, lifecycle),
// and the (sweep, site) unique key makes recording idempotent: a second attempt is a no-op.
import { SCREENSHOT_TYPES, type Finding, type SiteResult } from '../../core/types.ts';
import type { Db } from './db.ts';
import { updateIssues, type IssueSighting } from './lifecycle.ts';

export interface RecordInput {
  sweepId: number;
  siteId: number;
  agencyId: string;
  result: SiteResult;
  attempts?: number;
  /** The sweep's reference time (ISO): the date lifecycle events are stamped with. */
  nowAt: string;
  recordedAt?: Date;
}

export interface RecordOutcome {
  siteResultId: number;
  /** The site already had a result in this sweep; nothing was written. */
  duplicate: boolean;
  newFindings: number;
  regressed: number;
  fixed: number;
}

const SEVERITY_COLUMNS = ['critical', 'serious', 'moderate', 'minor'] as const;

export function recordSiteResult(db: Db, input: RecordInput): RecordOutcome {
  return db.transaction((): RecordOutcome => {
    const existing = db.prepare<[number, number], { id: number }>('SELECT id FROM site_results WHERE sweep_id = ? AND site_id = ?').get(input.sweepId, input.siteId);
    if (existing) return { siteResultId: existing.id, duplicate: true, newFindings: 0, regressed: 0, fixed: 0 };
    return writeResult(db, input);
  }).immediate();
}

function writeResult(db: Db, input: RecordInput): RecordOutcome {
  const { result: r, sweepId, siteId } = input;
  const ok = r.status === 'ok';
  const allFindings = r.pages.flatMap((p) => p.findings);
  const bySeverity = Object.fromEntries(SEVERITY_COLUMNS.map((s) => [s, allFindings.filter((f) => f.severity === s).length]));
  // Not-ok sites carry no scores at all (CONTRACT: never scored 0), whatever the engine sent.
  const score = (v: number | null | undefined) => (ok && typeof v === 'number' ? Math.round(v) : null);
  const info = db
    .prepare(
      `INSERT INTO site_results (sweep_id, site_id, agency_id, url, final_url, status, error, failure_kind,
         overall, accessibility, performance, freshness, governance, security,
         last_updated, freshness_source, freshness_raw, freshness_age_days, categories, pages_checked,
         findings_count, critical, serious, moderate, minor,
         engine_govcheck, engine_axe, engine_lighthouse, engine_chromium, ruleset, skipped_pages,
         started_at, finished_at, duration_ms, attempts, recorded_at, tw_edition, tw_level, conformance_meets, conformance)
       VALUES (@sweepId, @siteId, @agencyId, @url, @finalUrl, @status, @error, @failureKind,
         @overall, @accessibility, @performance, @freshness, @governance, @security,
         @lastUpdated, @freshnessSource, @freshnessRaw, @freshnessAge, @categories, @pagesChecked,
         @findingsCount, @critical, @serious, @moderate, @minor,
         @engGovcheck, @engAxe, @engLighthouse, @engChromium, @ruleset, @skipped,
         @startedAt, @finishedAt, @durationMs, @attempts, @recordedAt, @twEdition, @twLevel, @meets, @conformance)`,
    )
    .run({
      sweepId,
      siteId,
      agencyId: input.agencyId,
      url: r.url,
      finalUrl: r.finalUrl,
      status: r.status,
      error: ok ? null : (r.error ?? 'unknown failure'),
      failureKind: r.failureKind,
      overall: score(r.scores.overall),
      accessibility: score(r.scores.accessibility),
      performance: score(r.scores.performance),
      freshness: score(r.scores.freshness),
      governance: score(r.scores.governance),
      security: score(r.scores.security),
      lastUpdated: r.freshness?.lastUpdated ?? null,
      freshnessSource: r.freshness?.source ?? null,
      freshnessRaw: r.freshness?.raw ?? null,
      freshnessAge: r.freshness?.ageDays ?? null,
      categories: r.categories.join(','),
      pagesChecked: r.pages.filter((p) => !p.error).length,
      findingsCount: allFindings.length,
      ...bySeverity,
      engGovcheck: r.engines?.govcheck ?? null,
      engAxe: r.engines?.['axe-core'] ?? null,
      engLighthouse: r.engines?.lighthouse ?? null,
      engChromium: r.engines?.chromium ?? null,
      ruleset: r.engines?.ruleset ?? null,
      skipped: r.skippedPages?.length ? JSON.stringify(r.skippedPages) : null,
      startedAt: r.startedAt ?? null,
      finishedAt: r.finishedAt ?? null,
      durationMs: Number.isFinite(r.durationMs) ? Math.round(r.durationMs) : null,
      attempts: input.attempts ?? 1,
      recordedAt: (input.recordedAt ?? new Date()).toISOString(),
      twEdition: r.twEdition ?? null,
      twLevel: r.level ?? null,
      meets: ok ? (r.conformance?.meets ?? null) : null,
      conformance: ok && r.conformance ? JSON.stringify(r.conformance) : null,
    });
  const siteResultId = Number(info.lastInsertRowid);
  if (ok && r.conformance) {
    const insertCode = db.prepare(
      `INSERT INTO site_codes (site_result_id, sweep_id, site_id, agency_id, edition, code, level, status, pages, findings)
       VALUES (@siteResultId, @sweepId, @siteId, @agencyId, @edition, @code, @level, @status, @pages, @findings)`,
    );
    for (const c of r.conformance.codes) {
      insertCode.run({ siteResultId, sweepId, siteId, agencyId: input.agencyId, edition: r.conformance.edition, code: c.code, level: c.level, status: c.status, pages: c.pages, findings: c.findings });
    }
  }

  const insertPage = db.prepare(
    `INSERT INTO page_results (site_result_id, sweep_id, url, final_url, http_status, sampled_because, title, accessibility_score, error,
       lcp_ms, cls, fcp_ms, ttfb_ms, load_ms, transfer_bytes, request_count, total_ms, findings_count, needs_review)
     VALUES (@siteResultId, @sweepId, @url, @finalUrl, @httpStatus, @sampledBecause, @title, @a11y, @error,
       @lcp, @cls, @fcp, @ttfb, @load, @bytes, @requests, @totalMs, @findingsCount, @needsReview)`,
  );
  const insertFinding = db.prepare(
    `INSERT INTO findings (site_result_id, page_result_id, sweep_id, site_id, rule, category, severity, wcag, tw_codes,
       selector, snippet, message, help, fingerprint, lifecycle, data)
     VALUES (@siteResultId, @pageResultId, @sweepId, @siteId, @rule, @category, @severity, @wcag, @twCodes,
       @selector, @snippet, @message, @help, @fingerprint, @lifecycle, @data)`,
  );

  const insertShot = db.prepare('INSERT INTO finding_screenshots (finding_id, sweep_id, type, width, height, image) VALUES (?, ?, ?, ?, ?, ?)');

  // Lifecycle first, so each finding row carries its state for this sweep.
  const sightings: IssueSighting[] = [];
  for (const p of r.pages) {
    for (const f of p.findings) {
      sightings.push({ fingerprint: f.fingerprint, rule: f.rule, category: f.category, severity: f.severity, selector: f.selector, pageUrl: p.url, message: f.message });
    }
  }
  const life = updateIssues(db, siteId, sweepId, input.nowAt, r, sightings);

  let newFindings = 0;
  let regressed = 0;
  for (const p of r.pages) {
    const v = p.vitals ?? ({} as Partial<typeof p.vitals>);
    const page = insertPage.run({
      siteResultId,
      sweepId,
      url: p.url,
      finalUrl: p.finalUrl ?? null,
      httpStatus: p.httpStatus ?? null,
      sampledBecause: p.sampledBecause ?? null,
      title: p.title ?? null,
      a11y: typeof p.accessibilityScore === 'number' ? Math.round(p.accessibilityScore) : null,
      error: p.error ?? null,
      lcp: v.lcpMs ?? null,
      cls: v.cls ?? null,
      fcp: v.fcpMs ?? null,
      ttfb: v.ttfbMs ?? null,
      load: v.loadMs ?? null,
      bytes: v.transferBytes ?? null,
      requests: v.requestCount ?? null,
      totalMs: p.timings ? Math.round(p.timings.totalMs) : null,
      findingsCount: p.findings.length,
      needsReview: p.needsReview?.length ? JSON.stringify(p.needsReview) : null,
    });
    const pageResultId = Number(page.lastInsertRowid);
    for (const f of p.findings) {
      const lifecycle = life.states.get(f.fingerprint) ?? 'new';
      const finding = insertFinding.run({
        siteResultId,
        pageResultId,
        sweepId,
        siteId,
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        wcag: f.wcag?.length ? f.wcag.join(',') : null,
        twCodes: f.twCodes?.length ? f.twCodes.join(',') : null,
        selector: f.selector,
        snippet: f.snippet,
        message: f.message,
        help: f.help,
        fingerprint: f.fingerprint,
        lifecycle,
        data: f.data && Object.keys(f.data).length ? JSON.stringify(f.data) : null,
      });
      const shot = screenshotOf(f);
      if (shot) insertShot.run(Number(finding.lastInsertRowid), sweepId, shot.type, shot.width, shot.height, shot.image);
    }
  }
  // Counted per distinct issue, not per row: one fingerprint on two pages of a template is one issue.
  for (const state of life.states.values()) {
    if (state === 'new') newFindings++;
    else if (state === 'regressed') regressed++;
  }

  const insertMetric = db.prepare('INSERT OR REPLACE INTO metrics (site_result_id, name, value) VALUES (?, ?, ?)');
  for (const [name, value] of Object.entries(r.metrics ?? {})) {
    if (typeof value === 'number' && Number.isFinite(value)) insertMetric.run(siteResultId, name, value);
  }
  const insertOutcome = db.prepare(
    'INSERT OR REPLACE INTO rule_outcomes (site_result_id, rule, category, severity, outcome, failed_pages, applicable_pages) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const o of r.outcomes ?? []) insertOutcome.run(siteResultId, o.rule, o.category, o.severity, o.outcome, o.failedPages, o.applicablePages);
  const insertLighthouse = db.prepare('INSERT INTO lighthouse_runs (site_result_id, url, performance, slim) VALUES (?, ?, ?, ?)');
  for (const lh of r.lighthouse ?? []) insertLighthouse.run(siteResultId, lh.url, lh.scores?.performance ?? null, JSON.stringify(lh));

  return { siteResultId, duplicate: false, newFindings, regressed, fixed: life.fixed };
}

/** The largest screenshot stored: the worker's own cap is far below; a result from elsewhere may not be. */
const MAX_STORED_SHOT_BYTES = 1_000_000;

/** A finding's screenshot as stored, or null when it has none or it is not a well-formed image of a known type. */
function screenshotOf(f: Finding): { type: string; width: number; height: number; image: Buffer } | null {
  const s = f.screenshot;
  if (!s || !(SCREENSHOT_TYPES as readonly string[]).includes(s.type) || typeof s.base64 !== 'string') return null;
  if (!Number.isInteger(s.width) || !Number.isInteger(s.height) || s.width < 1 || s.height < 1) return null;
  const image = Buffer.from(s.base64, 'base64');
  if (image.length === 0 || image.length > MAX_STORED_SHOT_BYTES) return null;
  return { type: s.type, width: s.width, height: s.height, image };
}
