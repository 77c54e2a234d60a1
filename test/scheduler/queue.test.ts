import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../core/config.ts';
import { openStore, type Db } from '../../reports/store/db.ts';
import { saveRegistry } from '../../reports/store/registry-store.ts';
import type { SweepOptions } from '../../reports/store/sweeps.ts';
import { JobQueue, planSweep } from '../../scheduler/queue.ts';

const options: SweepOptions = { categories: ['accessibility'], maxPages: 1, now: '2026-11-27T00:00:00+08:00', allowPrivate: true, lang: 'zh-TW', config: defaultConfig() };

function setup(urls: string[]): { file: string; db: Db; siteIds: number[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'govcheck-queue-')), 'q.db');
  const db = openStore(file);
  const { siteIds } = saveRegistry(db, {
    agencies: [{ id: 'A01', name: '模範部', parentId: null, line: 1 }],
    sites: urls.map((url, i) => ({ agencyId: 'A01', url, name: null, line: i + 2 })),
  });
  return { file, db, siteIds };
}

const hosts = (n: number) => Array.from({ length: n }, (_, i) => `https://s${i}.gov.tw/`);

describe('embedded queue', () => {
  it('never hands one job to two claimers (separate connections, as separate processes would)', () => {
    const { file, db, siteIds } = setup(hosts(30));
    const sweep = planSweep(db, { siteIds, options });
    const other = openStore(file);
    const q1 = new JobQueue(db, { workerId: 'one', hostDelayMs: 0 });
    const q2 = new JobQueue(other, { workerId: 'two', hostDelayMs: 0 });
    const claimed: number[] = [];
    for (let i = 0; i < 40; i++) {
      const job = (i % 2 ? q1 : q2).claim('sweep', sweep);
      if (job) claimed.push(job.id);
    }
    expect(claimed).toHaveLength(30);
    expect(new Set(claimed).size).toBe(30);
    expect(q1.counts(sweep)).toEqual({ queued: 0, running: 30, done: 0, total: 30 });
    other.close();
    db.close();
  });

  it('runs one site of a host at a time, with a pause after it', () => {
    const { db, siteIds } = setup(['https://same.gov.tw/a/', 'https://same.gov.tw/b/', 'https://other.gov.tw/']);
    const sweep = planSweep(db, { siteIds, options });
    let now = 1_000_000;
    const q = new JobQueue(db, { workerId: 'w', hostDelayMs: 5_000, clock: () => now });
    const first = q.claim('sweep', sweep)!;
    const second = q.claim('sweep', sweep)!;
    expect([first.host, second.host]).toEqual(['same.gov.tw', 'other.gov.tw']);
    expect(q.claim('sweep', sweep)).toBeNull(); // same.gov.tw is busy
    q.complete(first, () => null);
    now += 1_000;
    expect(q.claim('sweep', sweep)).toBeNull(); // still within the pause
    now += 5_000;
    expect(q.claim('sweep', sweep)).toMatchObject({ url: 'https://same.gov.tw/b/' });
    db.close();
  });

  it('retries after a delay and counts attempts', () => {
    const { db, siteIds } = setup(hosts(1));
    const sweep = planSweep(db, { siteIds, options });
    let now = 0;
    const q = new JobQueue(db, { workerId: 'w', clock: () => now });
    const job = q.claim('sweep', sweep)!;
    expect(job.attempts).toBe(1);
    q.retryLater(job, 10_000, 'timeout');
    expect(q.claim('sweep', sweep)).toBeNull();
    expect(q.nextAvailableIn('sweep', sweep)).toBe(10_000);
    now = 10_000;
    expect(q.claim('sweep', sweep)).toMatchObject({ id: job.id, attempts: 2 });
    db.close();
  });

  it('keeps lanes apart: a sweep worker never takes a self-check job and vice versa', () => {
    const { db, siteIds } = setup(hosts(3));
    const national = planSweep(db, { siteIds: siteIds.slice(0, 2), options, lane: 'sweep' });
    const self = planSweep(db, { siteIds: [siteIds[2]], options, lane: 'self-check' });
    const q = new JobQueue(db, { workerId: 'w', hostDelayMs: 0 });
    expect(q.claim('self-check')).toMatchObject({ sweepId: self });
    expect(q.claim('self-check')).toBeNull();
    expect(q.claim('sweep')).toMatchObject({ sweepId: national });
    db.close();
  });

  it('gives back jobs of a process that died (kill -9) and of expired leases, but not of a live one', () => {
    const { db, siteIds } = setup(hosts(3));
    const sweep = planSweep(db, { siteIds, options });
    // A real process that has exited: its pid is certainly not running any more.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const deadQ = new JobQueue(db, { workerId: `${hostname()}:${dead}:abc`, hostDelayMs: 0 });
    const liveQ = new JobQueue(db, { workerId: `${hostname()}:${process.pid}:live`, hostDelayMs: 0 });
    const a = deadQ.claim('sweep', sweep)!;
    const b = liveQ.claim('sweep', sweep)!;
    const me = new JobQueue(db, { workerId: 'resumer', hostDelayMs: 0 });
    expect(me.recoverOrphans(sweep)).toBe(1);
    expect(db.prepare('SELECT state FROM jobs WHERE id = ?').pluck().get(a.id)).toBe('queued');
    expect(db.prepare('SELECT state FROM jobs WHERE id = ?').pluck().get(b.id)).toBe('running');
    // The dead worker's late completion is refused: the job is no longer its own.
    expect(deadQ.complete(a, () => 'late')).toEqual({ ours: false });

    // An expired lease (a worker on another machine that went silent) is reclaimable by anyone.
    let now = Date.now();
    const remote = new JobQueue(db, { workerId: 'other-host:1:x', leaseMs: 1_000, hostDelayMs: 0, clock: () => now });
    const c = remote.claim('sweep', sweep)!;
    now += 2_000;
    const taker = new JobQueue(db, { workerId: 'taker', hostDelayMs: 0, clock: () => now });
    expect(taker.claim('sweep', sweep)).toMatchObject({ id: c.id, attempts: c.attempts + 1 });
    db.close();
  });
});
