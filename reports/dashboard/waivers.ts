// Disputes and waivers: an agency disputes a finding with a reason; oversight approves or rejects.
// A waiver is keyed by (site, fingerprint), so an approved one also covers the same finding in
// later checks. Approved waivers hide findings from the open list; stored scores are never changed.
import type { Db } from '../store/db.ts';
import type { FindingRow } from './queries.ts';
import type { Principal } from './types.ts';

export type WaiverState = 'requested' | 'approved' | 'rejected';

export interface WaiverRow {
  id: number;
  siteId: number;
  siteUrl: string;
  siteName: string | null;
  agencyId: string;
  agencyName: string;
  fingerprint: string;
  rule: string;
  selector: string | null;
  pageUrl: string | null;
  findingId: number | null;
  reason: string;
  state: WaiverState;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export class WaiverError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'WaiverError';
  }
}

export const REASON_MAX = 2000;

const SELECT = `SELECT w.id, w.site_id AS siteId, s.url AS siteUrl, s.name AS siteName, w.agency_id AS agencyId, a.name AS agencyName,
  w.fingerprint, w.rule, w.selector, w.page_url AS pageUrl, w.finding_id AS findingId, w.reason, w.state,
  w.requested_at AS requestedAt, w.decided_at AS decidedAt, w.decision_note AS decisionNote
  FROM waivers w JOIN sites s ON s.id = w.site_id JOIN agencies a ON a.id = w.agency_id`;

export function getWaiver(db: Db, id: number): WaiverRow | null {
  return db.prepare<[number], WaiverRow>(`${SELECT} WHERE w.id = ?`).get(id) ?? null;
}

export function listWaivers(db: Db, filter: { agencyId?: string | null; state?: WaiverState | null; siteIds?: number[] } = {}): WaiverRow[] {
  return db
    .prepare<{ agency: string | null; state: string | null; sites: string | null }, WaiverRow>(
      `${SELECT} WHERE (@agency IS NULL OR w.agency_id = @agency) AND (@state IS NULL OR w.state = @state)
         AND (@sites IS NULL OR w.site_id IN (SELECT value FROM json_each(@sites)))
       ORDER BY CASE w.state WHEN 'requested' THEN 0 ELSE 1 END, w.id DESC`,
    )
    .all({ agency: filter.agencyId ?? null, state: filter.state ?? null, sites: filter.siteIds ? JSON.stringify(filter.siteIds) : null });
}

export const waiverKey = (siteId: number, fingerprint: string) => `${siteId}\u0000${fingerprint}`;

/** The deciding waiver per (site, fingerprint): an approved one wins, else the newest. */
export function waiversByKey(db: Db, siteIds: number[]): Map<string, WaiverRow> {
  const out = new Map<string, WaiverRow>();
  for (const w of listWaivers(db, { siteIds }).reverse()) {
    const key = waiverKey(w.siteId, w.fingerprint);
    const old = out.get(key);
    if (!old || old.state !== 'approved') out.set(key, w);
  }
  return out;
}

/** An agency disputes one of its findings. A second dispute of a finding already under review returns the first. */
export function requestWaiver(db: Db, finding: FindingRow, agencyId: string, reason: string, principal: Principal, now: Date = new Date()): { waiver: WaiverRow; already: boolean } {
  const text = reason.trim();
  if (!text) throw new WaiverError('a reason is required', 400);
  if (text.length > REASON_MAX) throw new WaiverError(`the reason is longer than ${REASON_MAX} characters`, 400);
  return db.transaction(() => {
    const open = db
      .prepare<[number, string], { id: number }>("SELECT id FROM waivers WHERE site_id = ? AND fingerprint = ? AND state IN ('requested', 'approved') ORDER BY id DESC LIMIT 1")
      .get(finding.siteId, finding.fingerprint);
    if (open) return { waiver: getWaiver(db, open.id)!, already: true };
    const info = db
      .prepare(
        `INSERT INTO waivers (site_id, agency_id, fingerprint, rule, selector, page_url, finding_id, reason, requested_by, requested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(finding.siteId, agencyId, finding.fingerprint, finding.rule, finding.selector, finding.pageUrl, finding.id, text, principal.tokenId, now.toISOString());
    return { waiver: getWaiver(db, Number(info.lastInsertRowid))!, already: false };
  }).immediate();
}

/** Oversight decides a requested waiver. */
export function decideWaiver(db: Db, id: number, decision: 'approve' | 'reject', note: string, principal: Principal, now: Date = new Date()): WaiverRow {
  if (principal.role !== 'oversight') throw new WaiverError('only oversight may decide disputes', 403);
  if (note.length > REASON_MAX) throw new WaiverError(`the note is longer than ${REASON_MAX} characters`, 400);
  const changed = db
    .prepare("UPDATE waivers SET state = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ? AND state = 'requested'")
    .run(decision === 'approve' ? 'approved' : 'rejected', principal.tokenId, now.toISOString(), note.trim() || null, id).changes;
  const row = getWaiver(db, id);
  if (!row) throw new WaiverError(`no dispute ${id}`, 404);
  if (!changed) throw new WaiverError(`dispute ${id} was already ${row.state}`, 409);
  return row;
}
