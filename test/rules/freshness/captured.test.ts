// Freshness on captured artifacts of real Chromium loads (test/captures, npm run capture).
import { describe, expect, it } from 'vitest';
import { findingsOf, outcomeOf, replayed } from '../../helpers/captures.ts';

describe('freshness on captured pages', () => {
  it('a news list whose newest item (ROC 115-03-02) is 270 days old is stale', () => {
    const r = replayed('news');
    const stale = findingsOf(r, 'freshness/stale-news');
    expect(stale).toHaveLength(1);
    expect(stale[0].severity).toBe('serious');
    expect(stale[0].message).toMatch(/2026-03-02.*270 days/);
    expect(r.freshness?.lastUpdated).toBe('2026-03-02');
    expect(r.scores.freshness).toBe(0);
  });

  it('a DC.Date meta dates a home page; a page with no date at all fails freshness/no-date', () => {
    const home = replayed('gov-home');
    expect(home.freshness).toMatchObject({ lastUpdated: '2026-11-20', source: 'meta' });
    expect(home.scores.freshness).toBe(100);
    expect(outcomeOf(replayed('gov-bare'), 'freshness/no-date')).toBe('fail');
  });
});
