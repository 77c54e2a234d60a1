import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../core/config.ts';
import { migrate, openStore, schemaVersion, type Db } from '../../reports/store/db.ts';
import { MIGRATIONS } from '../../reports/store/migrations.ts';
import { pruneSweeps } from '../../reports/store/prune.ts';
import { recordSiteResult } from '../../reports/store/recorder.ts';
import { saveRegistry } from '../../reports/store/registry-store.ts';
import { computeSweepStats, readStats, NATIONAL } from '../../reports/store/stats.ts';
import type { SweepOptions } from '../../reports/store/sweeps.ts';
import { planSweep } from '../../scheduler/queue.ts';
import { finishSweep } from '../../scheduler/sweep.ts';
import { ALL_CATEGORIES, finding, page, siteResult } from './site-result.ts';

function tempDb(): Db {
  return openStore(join(mkdtempSync(join(tmpdir(), 'govcheck-store-')), 'x.db'));
}

const options = (now: string, categories = ALL_CATEGORIES): SweepOptions => ({ categories, maxPages: 5, now, allowPrivate: true, lang: 'zh-TW', config: defaultConfig() });

function setup(db: Db) {
  const saved = saveRegistry(db, {
    agencies: [
      { id: 'A01', name: '模範部', parentId: null, line: 2 },
      { id: 'A02', name: '冷門局', parentId: 'A01', line: 3 },
    ],
    sites: [
      { agencyId: 'A01', url: 'https://a.gov.tw/', name: '甲', line: 2 },
      { agencyId: 'A01', url: 'https://a2.gov.tw/', name: '甲二', line: 3 },
      { agencyId: 'A02', url: 'https://b.gov.tw/', name: '乙', line: 4 },
    ],
  });
  return saved.siteIds;
}

function record(db: Db, sweepId: number, siteId: number, agencyId: string, result: ReturnType<typeof siteResult>, nowAt: string) {
  return recordSiteResult(db, { sweepId, siteId, agencyId, result, nowAt });
}

describe('schema', () => {
  it('applies every migration once and records the version', () => {
    const db = tempDb();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    migrate(db); // idempotent
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['agencies', 'sites', 'sweeps', 'jobs', 'site_results', 'page_results', 'findings', 'metrics', 'issues', 'stats', 'rule_stats']));
    db.close();
  });

  it('refuses a database from a newer govcheck', () => {
    const db = tempDb();
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
    db.close();
  });
});

describe('recorder', () => {
  it('writes a site result with pages, findings and metrics exactly once', () => {
    const db = tempDb();
    const [a] = setup(db);
    const sweep = planSweep(db, { siteIds: [a], options: options('2026-11-27T00:00:00+08:00') });
    const result = siteResult('https://a.gov.tw/', { overall: 77, pages: [page('https://a.gov.tw/', [finding('axe/image-alt', { severity: 'critical' }), finding('gov/privacy-policy')]), page('https://a.gov.tw/news')] });
    const first = record(db, sweep, a, 'A01', result, '2026-11-27T00:00:00+08:00');
    const again = record(db, sweep, a, 'A01', result, '2026-11-27T00:00:00+08:00');
    expect(first.duplicate).toBe(false);
    expect(first.newFindings).toBe(2);
    expect(again).toMatchObject({ duplicate: true, siteResultId: first.siteResultId });
    expect(db.prepare('SELECT COUNT(*) FROM site_results').pluck().get()).toBe(1);
    expect(db.prepare('SELECT overall, pages_checked, findings_count, critical, serious, engine_axe FROM site_results').get()).toEqual({
      overall: 77,
      pages_checked: 2,
      findings_count: 2,
      critical: 1,
      serious: 1,
      engine_axe: '4.14.1',
    });
    expect(db.prepare('SELECT COUNT(*) FROM page_results').pluck().get()).toBe(2);
    expect(db.prepare('SELECT rule, lifecycle FROM findings ORDER BY rule').all()).toEqual([
      { rule: 'axe/image-alt', lifecycle: 'new' },
      { rule: 'gov/privacy-policy', lifecycle: 'new' },
    ]);
    expect(db.prepare("SELECT value FROM metrics WHERE name = 'lcpMs'").pluck().get()).toBe(1500);
    db.close();
  });

  it('never stores scores for a site that could not be checked', () => {
    const db = tempDb();
    const [a] = setup(db);
    const sweep = planSweep(db, { siteIds: [a], options: options('2026-11-27') });
    const failed = siteResult('https://a.gov.tw/', { status: 'timeout' });
    failed.scores.overall = 0; // even if an engine sent a 0, it must not be stored
    record(db, sweep, a, 'A01', failed, '2026-11-27');
    expect(db.prepare('SELECT status, error, overall, accessibility FROM site_results').get()).toEqual({ status: 'timeout', error: 'timeout while loading', overall: null, accessibility: null });
    db.close();
  });
});

describe('finding lifecycle', () => {
  it('tracks new, still open, fixed, regressed and the time to fix', () => {
    const db = tempDb();
    const [a] = setup(db);
    const url = 'https://a.gov.tw/';
    const alt = finding('axe/image-alt');
    const lang = finding('axe/html-has-lang');
    const contrast = finding('axe/color-contrast');
    const sweeps = ['2026-09-01T00:00:00+08:00', '2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00'];
    const ids = sweeps.map((now) => planSweep(db, { siteIds: [a], options: options(now) }));
    const run = (i: number, findings: ReturnType<typeof finding>[]) => record(db, ids[i], a, 'A01', siteResult(url, { pages: [page(url, findings)] }), sweeps[i]);

    expect(run(0, [alt, lang])).toMatchObject({ newFindings: 2, fixed: 0, regressed: 0 });
    expect(run(1, [alt, contrast])).toMatchObject({ newFindings: 1, fixed: 1, regressed: 0 }); // lang fixed, contrast new
    expect(run(2, [alt, contrast, lang])).toMatchObject({ newFindings: 0, fixed: 0, regressed: 1 }); // lang is back
    expect(run(3, [contrast])).toMatchObject({ newFindings: 0, fixed: 2, regressed: 0 }); // alt and lang fixed

    const lifecycle = db.prepare('SELECT sweep_id, rule, lifecycle FROM findings ORDER BY sweep_id, rule').all();
    expect(lifecycle).toEqual([
      { sweep_id: ids[0], rule: 'axe/html-has-lang', lifecycle: 'new' },
      { sweep_id: ids[0], rule: 'axe/image-alt', lifecycle: 'new' },
      { sweep_id: ids[1], rule: 'axe/color-contrast', lifecycle: 'new' },
      { sweep_id: ids[1], rule: 'axe/image-alt', lifecycle: 'open' },
      { sweep_id: ids[2], rule: 'axe/color-contrast', lifecycle: 'open' },
      { sweep_id: ids[2], rule: 'axe/html-has-lang', lifecycle: 'regressed' },
      { sweep_id: ids[2], rule: 'axe/image-alt', lifecycle: 'open' },
      { sweep_id: ids[3], rule: 'axe/color-contrast', lifecycle: 'open' },
    ]);
    const alts = db.prepare("SELECT state, fixed_sweep_id, julianday(fixed_at) - julianday(first_seen_at) AS days, regressions FROM issues WHERE rule = 'axe/image-alt'").get();
    expect(alts).toEqual({ state: 'fixed', fixed_sweep_id: ids[3], days: 91, regressions: 0 });
    expect(db.prepare("SELECT regressions, state FROM issues WHERE rule = 'axe/html-has-lang'").get()).toEqual({ regressions: 1, state: 'fixed' });
    db.close();
  });

  it('does not call a finding fixed when the check could not have seen it', () => {
    const db = tempDb();
    const [a] = setup(db);
    const url = 'https://a.gov.tw/';
    const onNews = finding('axe/image-alt');
    const gov = finding('gov/sitemap-page');
    const ids = [1, 2, 3, 4].map((m) => planSweep(db, { siteIds: [a], options: options(`2026-0${m}-01`) }));
    record(db, ids[0], a, 'A01', siteResult(url, { pages: [page(url, [gov]), page(`${url}news`, [onNews])] }), '2026-01-01');
    // The news page was not sampled this time, governance did not run: nothing is fixed.
    const r1 = record(db, ids[1], a, 'A01', siteResult(url, { pages: [page(url, [])], categories: ['accessibility'] }), '2026-02-01');
    expect(r1.fixed).toBe(0);
    // A site that could not be checked fixes nothing either.
    const r2 = record(db, ids[2], a, 'A01', siteResult(url, { status: 'timeout' }), '2026-03-01');
    expect(r2.fixed).toBe(0);
    // Both seen again: still open, not new.
    const r3 = record(db, ids[3], a, 'A01', siteResult(url, { pages: [page(url, [gov]), page(`${url}news`, [onNews])] }), '2026-04-01');
    expect(r3).toMatchObject({ newFindings: 0, fixed: 0, regressed: 0 });
    expect(db.prepare("SELECT COUNT(*) FROM issues WHERE state = 'open'").pluck().get()).toBe(2);
    db.close();
  });
});

describe('statistics and retention', () => {
  it('precomputes agency and national figures, and prune keeps them', () => {
    const db = tempDb();
    const [a, a2, b] = setup(db);
    const s1 = planSweep(db, { siteIds: [a, a2, b], options: options('2026-10-01') });
    record(db, s1, a, 'A01', siteResult('https://a.gov.tw/', { overall: 90, pages: [page('https://a.gov.tw/', [finding('axe/image-alt')])] }), '2026-10-01');
    record(db, s1, a2, 'A01', siteResult('https://a2.gov.tw/', { overall: 71 }), '2026-10-01');
    record(db, s1, b, 'A02', siteResult('https://b.gov.tw/', { status: 'blocked' }), '2026-10-01');
    finishSweep(db, s1);
    const s2 = planSweep(db, { siteIds: [a, a2, b], options: options('2026-11-01') });
    record(db, s2, a, 'A01', siteResult('https://a.gov.tw/', { overall: 95 }), '2026-11-01');
    record(db, s2, a2, 'A01', siteResult('https://a2.gov.tw/', { overall: 75 }), '2026-11-01');
    record(db, s2, b, 'A02', siteResult('https://b.gov.tw/', { overall: 60 }), '2026-11-01');
    finishSweep(db, s2);

    const st1 = readStats(db, s1);
    expect(st1('A01', 'overall', 'score')).toBe(80.5);
    expect(st1('A01', '*', 'rank')).toBe(1);
    expect(st1('A02', 'overall', 'score')).toBeNull();
    expect(st1('A02', '*', 'rank')).toBeNull();
    expect(st1('A02', '*', 'coverage')).toBe(0);
    expect(st1(NATIONAL, '*', 'coverage')).toBeCloseTo(2 / 3);
    expect(st1(NATIONAL, 'overall', 'score')).toBe(80.5);
    const st2 = readStats(db, s2);
    expect(st2('A01', '*', 'fixed')).toBe(1);
    expect(st2('A01', '*', 'median_days_to_fix')).toBe(31);
    expect(db.prepare('SELECT rule, sites_failing FROM rule_stats WHERE sweep_id = ?').all(s1)).toEqual([{ rule: 'axe/image-alt', sites_failing: 1 }]);

    const pruned = pruneSweeps(db, 1);
    expect(pruned.sweepsPruned).toEqual([s1]);
    expect(pruned.findings).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM findings WHERE sweep_id = ?').pluck().get(s1)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM page_results WHERE sweep_id = ?').pluck().get(s1)).toBe(0);
    expect(db.prepare('SELECT overall FROM site_results WHERE sweep_id = ? ORDER BY id').pluck().all(s1)).toEqual([90, 71, null]);
    computeSweepStats(db, s1); // a pruned sweep's statistics are never recomputed from missing rows
    expect(readStats(db, s1)('A01', 'overall', 'score')).toBe(80.5);
    expect(db.prepare('SELECT COUNT(*) FROM rule_stats WHERE sweep_id = ?').pluck().get(s1)).toBe(1);
    expect(pruneSweeps(db, 1).sweepsPruned).toEqual([]);
    db.close();
  });
});
