// Retention (LHCI's delete-old-builds lesson: raw results grow without bound). Old sweeps lose
// their page-level detail — pages, findings and their screenshots, rule outcomes, Lighthouse records — but keep site
// scores, statuses, site metrics (a few numbers per site), the precomputed statistics and the
// finding lifecycle (issues), so rankings and trends stay complete.
import type { Db } from './db.ts';
import { computeSweepStats } from './stats.ts';

export interface PruneResult {
  sweepsPruned: number[];
  pages: number;
  findings: number;
  screenshots: number;
  outcomes: number;
  lighthouse: number;
}

/** Keeps the detail of the newest `keep` finished sweeps (all lanes); unfinished sweeps are never pruned. */
export function pruneSweeps(db: Db, keep: number, at: Date = new Date()): PruneResult {
  const result: PruneResult = { sweepsPruned: [], pages: 0, findings: 0, screenshots: 0, outcomes: 0, lighthouse: 0 };
  const finished = db.prepare('SELECT id, pruned_at FROM sweeps WHERE finished_at IS NOT NULL ORDER BY id DESC').all() as { id: number; pruned_at: string | null }[];
  const victims = finished.slice(keep).filter((s) => !s.pruned_at);
  for (const { id } of victims) {
    // Statistics must exist before their inputs go (a sweep finished by an older version may lack them).
    const hasStats = db.prepare('SELECT 1 FROM stats WHERE sweep_id = ? LIMIT 1').get(id);
    if (!hasStats) computeSweepStats(db, id);
    db.transaction(() => {
      const inSweep = 'site_result_id IN (SELECT id FROM site_results WHERE sweep_id = ?)';
      result.screenshots += db.prepare('DELETE FROM finding_screenshots WHERE sweep_id = ?').run(id).changes;
      result.findings += db.prepare('DELETE FROM findings WHERE sweep_id = ?').run(id).changes;
      result.pages += db.prepare('DELETE FROM page_results WHERE sweep_id = ?').run(id).changes;
      result.outcomes += db.prepare(`DELETE FROM rule_outcomes WHERE ${inSweep}`).run(id).changes;
      result.lighthouse += db.prepare(`DELETE FROM lighthouse_runs WHERE ${inSweep}`).run(id).changes;
      db.prepare('UPDATE sweeps SET pruned_at = ? WHERE id = ?').run(at.toISOString(), id);
    }).immediate();
    result.sweepsPruned.push(id);
  }
  return result;
}
