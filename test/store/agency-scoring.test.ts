import { describe, expect, it } from 'vitest';
import { roundScore, scoreAgencies, type ScoredSite } from '../../core/agency-scoring.ts';

const site = (agencyId: string, overall: number | null, status: ScoredSite['status'] = 'ok', extra: ScoredSite['scores'] = {}): ScoredSite => ({
  agencyId,
  status,
  scores: { overall, ...extra },
});

describe('agency scoring', () => {
  it('averages checked sites only and reports coverage beside the score', () => {
    const [a] = scoreAgencies([site('A', 90, 'ok', { accessibility: 80 }), site('A', 71, 'ok', { accessibility: null }), site('A', null, 'timeout'), site('A', null, 'pending')]);
    expect(a).toMatchObject({ agencyId: 'A', sitesRegistered: 4, sitesOk: 2, sitesFailed: 1, sitesPending: 1, coverage: 0.5, fullCoverage: false, rank: 1 });
    expect(a.scores.overall).toBe(80.5);
    expect(a.scores.accessibility).toBe(80); // a category a site did not score is left out, not counted as 0
    expect(a.scores.security).toBeNull();
  });

  it('ranks best first, ties share a rank, agencies without a checked site are unranked and last', () => {
    const list = scoreAgencies(
      [site('C', 70), site('B', 85), site('D', 85), site('E', 60), site('F', null, 'blocked'), site('G', 85), site('G', null, 'unreachable')],
      ['H'],
    );
    expect(list.map((a) => [a.agencyId, a.rank])).toEqual([
      ['B', 1],
      ['D', 1],
      ['G', 1],
      ['C', 4],
      ['E', 5],
      ['F', null],
      ['H', null],
    ]);
    // Same score: the fully covered agency is listed first, the partial one flagged.
    expect(list.find((a) => a.agencyId === 'G')!.fullCoverage).toBe(false);
    expect(list.find((a) => a.agencyId === 'H')).toMatchObject({ sitesRegistered: 0, coverage: 0, fullCoverage: false });
  });

  it('ranks at the precision it shows (one decimal)', () => {
    const list = scoreAgencies([site('A', 80), site('A', 81), site('A', 81), site('B', 80.66)]);
    expect(list.map((a) => [a.agencyId, a.scores.overall, a.rank])).toEqual([
      ['A', 80.7, 1],
      ['B', 80.7, 1],
    ]);
    expect(roundScore(72.25)).toBe(72.3);
  });
});
