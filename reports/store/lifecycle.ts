// Finding lifecycle across checks of one site, keyed by the finding fingerprint
// (rule + normalised selector + page template, computed by the engine):
//   new        first time this fingerprint is seen on the site
//   open       seen at the site's previous check too ("still open")
//   regressed  was fixed, now back
//   fixed      open before, absent now — only when this check could have seen it again: the site
//              was checked (status ok), the finding's category ran, and its page was sampled.
//              Otherwise the issue stays open: "not seen" is not "fixed".
import type { Category, SiteResult } from '../../core/types.ts';
import type { Db } from './db.ts';

export type Lifecycle = 'new' | 'open' | 'regressed';

export interface IssueSighting {
  fingerprint: string;
  rule: string;
  category: string;
  severity: string;
  selector: string | null;
  pageUrl: string;
  message: string;
}

export interface LifecycleUpdate {
  states: Map<string, Lifecycle>;
  fixed: number;
}

interface IssueRow {
  fingerprint: string;
  state: 'open' | 'fixed';
  category: string;
  page_url: string | null;
}

/** Must run inside the recorder's transaction, in recording order. */
export function updateIssues(db: Db, siteId: number, sweepId: number, nowAt: string, result: SiteResult, sightings: IssueSighting[]): LifecycleUpdate {
  const rows = db.prepare<[number], IssueRow>('SELECT fingerprint, state, category, page_url FROM issues WHERE site_id = ?').all(siteId);
  const known = new Map(rows.map((r) => [r.fingerprint, r]));
  const states = new Map<string, Lifecycle>();
  const insert = db.prepare(
    `INSERT INTO issues (site_id, fingerprint, rule, category, severity, selector, page_url, message, state,
       first_seen_sweep_id, first_seen_at, last_seen_sweep_id, last_seen_at)
     VALUES (@siteId, @fingerprint, @rule, @category, @severity, @selector, @pageUrl, @message, 'open', @sweepId, @nowAt, @sweepId, @nowAt)`,
  );
  const seen = db.prepare(
    `UPDATE issues SET state = 'open', severity = @severity, selector = @selector, page_url = @pageUrl, message = @message,
       last_seen_sweep_id = @sweepId, last_seen_at = @nowAt,
       regressions = regressions + (CASE WHEN state = 'fixed' THEN 1 ELSE 0 END),
       fixed_sweep_id = NULL, fixed_at = NULL
     WHERE site_id = @siteId AND fingerprint = @fingerprint`,
  );
  for (const s of sightings) {
    if (states.has(s.fingerprint)) continue;
    const old = known.get(s.fingerprint);
    const params = { ...s, siteId, sweepId, nowAt };
    if (!old) {
      insert.run(params);
      states.set(s.fingerprint, 'new');
    } else {
      seen.run(params);
      states.set(s.fingerprint, old.state === 'fixed' ? 'regressed' : 'open');
    }
  }
  let fixed = 0;
  if (result.status === 'ok') {
    const ran = new Set<Category>(result.categories);
    const sampled = new Set<string>();
    for (const p of result.pages) {
      if (p.error) continue;
      sampled.add(p.url);
      if (p.finalUrl) sampled.add(p.finalUrl);
    }
    const markFixed = db.prepare(`UPDATE issues SET state = 'fixed', fixed_sweep_id = ?, fixed_at = ? WHERE site_id = ? AND fingerprint = ?`);
    for (const r of rows) {
      if (r.state !== 'open' || states.has(r.fingerprint)) continue;
      if (!ran.has(r.category as Category)) continue;
      if (r.page_url && !sampled.has(r.page_url)) continue;
      markFixed.run(sweepId, nowAt, siteId, r.fingerprint);
      fixed++;
    }
  }
  return { states, fixed };
}
