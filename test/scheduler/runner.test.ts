// The runner's scheduling (lanes, retries) with a stand-in engine whose checks the test releases
// one by one; the real browser engine is exercised end to end in test/sweep/.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../core/config.ts';
import type { SiteResult } from '../../core/types.ts';
import { openStore, type Db } from '../../reports/store/db.ts';
import { saveRegistry } from '../../reports/store/registry-store.ts';
import type { SweepOptions } from '../../reports/store/sweeps.ts';
import { planSweep } from '../../scheduler/queue.ts';
import { runSweep } from '../../scheduler/sweep.ts';
import { siteResult } from '../store/site-result.ts';

const options: SweepOptions = { categories: ['accessibility'], maxPages: 1, now: '2026-11-27T00:00:00+08:00', allowPrivate: true, lang: 'zh-TW', config: defaultConfig() };

function setup(n: number): { db: Db; siteIds: number[] } {
  const db = openStore(join(mkdtempSync(join(tmpdir(), 'govcheck-runner-')), 'r.db'));
  const { siteIds } = saveRegistry(db, {
    agencies: [{ id: 'A01', name: '模範部', parentId: null, line: 1 }],
    sites: Array.from({ length: n }, (_, i) => ({ agencyId: 'A01', url: `https://s${i}.gov.tw/`, name: null, line: i + 2 })),
  });
  return { db, siteIds };
}

/** Checks wait until the test releases them. */
class GatedChecker {
  pending: { url: string; finish: (r: SiteResult) => void }[] = [];
  started: string[] = [];
  check(url: string): Promise<SiteResult> {
    this.started.push(url);
    return new Promise((finish) => this.pending.push({ url, finish }));
  }
  async waitFor(n: number): Promise<void> {
    while (this.pending.length < n) await new Promise((r) => setTimeout(r, 5));
  }
  release(url: string, result: SiteResult = siteResult(url)): void {
    const i = this.pending.findIndex((p) => p.url === url);
    if (i < 0) throw new Error(`no pending check of ${url}`);
    const [p] = this.pending.splice(i, 1);
    p.finish(result);
  }
}

/** Answers from a script per URL: each call takes the next entry (a result, or an Error to throw). */
class ScriptedChecker {
  calls: string[] = [];
  constructor(private readonly script: Record<string, (SiteResult | Error)[]>) {}
  async check(url: string): Promise<SiteResult> {
    this.calls.push(url);
    const next = this.script[url].shift();
    if (!next) throw new Error(`script for ${url} exhausted`);
    if (next instanceof Error) throw next;
    return next;
  }
}

describe('queue runner', () => {
  it('runs a self-check at once while a national sweep is busy', async () => {
    const { db, siteIds } = setup(4);
    const national = planSweep(db, { siteIds: siteIds.slice(0, 3), options, lane: 'sweep' });
    const selfCheck = planSweep(db, { siteIds: [siteIds[3]], options, lane: 'self-check' });
    const checker = new GatedChecker();
    const run = runSweep({ db, sweepId: national, checker, concurrency: 1, pollMs: 5, queue: { hostDelayMs: 0 } });

    await checker.waitFor(2);
    // The sweep's single slot is busy with its first site, yet the self-check has started.
    expect(checker.started.sort()).toEqual(['https://s0.gov.tw/', 'https://s3.gov.tw/']);
    checker.release('https://s3.gov.tw/');
    checker.release('https://s0.gov.tw/');
    await checker.waitFor(1);
    checker.release('https://s1.gov.tw/');
    await checker.waitFor(1);
    checker.release('https://s2.gov.tw/');
    const summary = await run;

    expect(summary).toMatchObject({ finished: true, total: 3, ok: 3, recordedThisRun: 3 });
    const order = db.prepare('SELECT sweep_id AS sweep, url FROM site_results ORDER BY id').all();
    expect(order).toEqual([
      { sweep: selfCheck, url: 'https://s3.gov.tw/' },
      { sweep: national, url: 'https://s0.gov.tw/' },
      { sweep: national, url: 'https://s1.gov.tw/' },
      { sweep: national, url: 'https://s2.gov.tw/' },
    ]);
    expect(db.prepare('SELECT finished_at IS NOT NULL FROM sweeps WHERE id = ?').pluck().get(national)).toBe(1);
    expect(db.prepare('SELECT finished_at IS NOT NULL FROM sweeps WHERE id = ?').pluck().get(selfCheck)).toBe(1);
    db.close();
  });

  it('retries transient failures, records permanent ones at once, and records engine crashes after the last attempt', async () => {
    const { db, siteIds } = setup(3);
    const sweep = planSweep(db, { siteIds, options });
    const [flaky, dns, crashing] = ['https://s0.gov.tw/', 'https://s1.gov.tw/', 'https://s2.gov.tw/'];
    const dnsFailure = siteResult(dns, { status: 'unreachable', error: 'DNS: no such host' });
    dnsFailure.failureKind = 'dns';
    const checker = new ScriptedChecker({
      [flaky]: [siteResult(flaky, { status: 'timeout' }), siteResult(flaky, { overall: 66 })],
      [dns]: [dnsFailure],
      [crashing]: [new Error('browser crashed'), new Error('browser crashed'), new Error('browser crashed')],
    });
    const retries: string[] = [];
    const summary = await runSweep({ db, sweepId: sweep, checker, concurrency: 3, maxAttempts: 3, backoffMs: () => 0, pollMs: 5, queue: { hostDelayMs: 0 }, onRetry: (e) => retries.push(e.job.url) });

    expect(summary).toMatchObject({ finished: true, ok: 1, failed: 2, failures: { unreachable: 1, error: 1 } });
    expect(checker.calls.filter((u) => u === flaky)).toHaveLength(2);
    expect(checker.calls.filter((u) => u === dns)).toHaveLength(1);
    expect(checker.calls.filter((u) => u === crashing)).toHaveLength(3);
    expect(retries.sort()).toEqual([flaky, crashing, crashing].sort());
    const rows = db.prepare('SELECT url, status, failure_kind AS kind, overall, attempts FROM site_results ORDER BY url').all();
    expect(rows).toEqual([
      { url: flaky, status: 'ok', kind: null, overall: 66, attempts: 2 },
      { url: dns, status: 'unreachable', kind: 'dns', overall: null, attempts: 1 },
      { url: crashing, status: 'error', kind: 'browser', overall: null, attempts: 3 },
    ]);
    db.close();
  });
});
