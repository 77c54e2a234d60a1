// Agency scores, coverage and ranking from the site results of one sweep (pure; used by the
// recorder's statistics, the reports and the dashboard). Formulas: reports/SCORING-agency.md.
import { CATEGORIES, type Category, type SiteStatus } from './types.ts';

export type ScoreKey = Category | 'overall';
export const SCORE_KEYS: readonly ScoreKey[] = ['overall', ...CATEGORIES];

export type AgencyScores = Record<ScoreKey, number | null>;

export interface ScoredSite {
  agencyId: string;
  /** 'pending': planned in the sweep but not recorded yet (running or interrupted sweep). */
  status: SiteStatus | 'pending';
  scores: Partial<Record<ScoreKey, number | null>>;
}

export interface AgencyScore {
  agencyId: string;
  /** Mean of the agency's checked sites, one decimal; null when no site could be scored. */
  scores: AgencyScores;
  /** Sites of the agency in the sweep (the registry at planning time). */
  sitesRegistered: number;
  /** Sites checked (status ok): the only ones in the score. */
  sitesOk: number;
  /** Sites that could not be checked (timeout, blocked, unreachable, error). */
  sitesFailed: number;
  /** Sites not recorded yet. */
  sitesPending: number;
  /** sitesOk / sitesRegistered, 0..1. */
  coverage: number;
  fullCoverage: boolean;
  /** 1 = best overall; ties share a rank (1, 2, 2, 4); null when the agency has no score. */
  rank: number | null;
}

/** One decimal, halves away from zero: the precision scores are shown, compared and ranked at. */
export function roundScore(v: number): number {
  return Math.round(v * 10 + Number.EPSILON) / 10;
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/**
 * Scores every agency that has at least one site in `sites`, plus the `agencyIds` given (so an
 * agency whose sites all failed still appears, unranked). Result is in rank order: ranked
 * agencies best first (ties by coverage, then id), then unranked ones by id.
 */
export function scoreAgencies(sites: ScoredSite[], agencyIds: Iterable<string> = []): AgencyScore[] {
  const byAgency = new Map<string, ScoredSite[]>();
  for (const id of agencyIds) byAgency.set(id, []);
  for (const s of sites) {
    const list = byAgency.get(s.agencyId);
    if (list) list.push(s);
    else byAgency.set(s.agencyId, [s]);
  }
  const scored: AgencyScore[] = [];
  for (const [agencyId, list] of byAgency) {
    const ok = list.filter((s) => s.status === 'ok');
    const pending = list.filter((s) => s.status === 'pending').length;
    const scores = {} as AgencyScores;
    for (const key of SCORE_KEYS) {
      const m = mean(ok.map((s) => s.scores[key]).filter((v): v is number => typeof v === 'number'));
      scores[key] = m === null ? null : roundScore(m);
    }
    const registered = list.length;
    scored.push({
      agencyId,
      scores,
      sitesRegistered: registered,
      sitesOk: ok.length,
      sitesFailed: registered - ok.length - pending,
      sitesPending: pending,
      coverage: registered ? ok.length / registered : 0,
      fullCoverage: registered > 0 && ok.length === registered,
      rank: null,
    });
  }
  return rankAgencies(scored);
}

/** Standard competition ranking on the one-decimal overall score. */
export function rankAgencies(list: AgencyScore[]): AgencyScore[] {
  const ranked = list.filter((a) => a.scores.overall !== null);
  const unranked = list.filter((a) => a.scores.overall === null);
  ranked.sort((a, b) => b.scores.overall! - a.scores.overall! || b.coverage - a.coverage || a.agencyId.localeCompare(b.agencyId));
  ranked.forEach((a, i) => {
    a.rank = i > 0 && ranked[i - 1].scores.overall === a.scores.overall ? ranked[i - 1].rank : i + 1;
  });
  unranked.sort((a, b) => a.agencyId.localeCompare(b.agencyId));
  for (const a of unranked) a.rank = null;
  return [...ranked, ...unranked];
}
