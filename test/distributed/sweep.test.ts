// Distributed national sweeps end to end: a real redis-server of this file's own, real
// `govcheck worker` child processes with Chromium, `govcheck scheduler` recording into a temp
// SQLite file, and fixture agency sites on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { openStore } from '../../reports/store/db.ts';
import { connectionOf } from '../../scheduler/distributed/names.ts';
import { ROOT, runCli } from '../helpers/cli.ts';
import { sleep, startCli, startRedis, startWorker, type Proc, type RedisServer } from './helpers.ts';

const SITES = join(ROOT, 'test/sweep/sites');
const SWEEP_FLAGS = ['--only', 'accessibility', '--max-pages', '1', '--now', '2026-11-27', '--allow-private', '--page-delay', '0', '--quiet'];

let dir: string;
let redis: RedisServer;
let servers: FixtureServer[] = [];
const workers: Proc[] = [];

function registry(name: string, urls: string[]): string {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, 'agency_id,agency_name,parent_agency_id,site_url,site_name\n' + urls.map((u, i) => `A${i + 1},機關${i + 1},,${u},站${i + 1}\n`).join(''));
  return file;
}

/** Per site of a sweep: how many results were recorded and their status. */
function recorded(dbFile: string): { url: string; n: number; status: string }[] {
  const db = openStore(dbFile, { readonly: true, mustExist: true });
  try {
    return db.prepare<[], { url: string; n: number; status: string }>('SELECT url, COUNT(*) AS n, MAX(status) AS status FROM site_results GROUP BY sweep_id, site_id ORDER BY url').all();
  } finally {
    db.close();
  }
}

/** Worker log lines that report a finished check of `url`. */
function checkedLines(proc: Proc, url: string): string[] {
  return proc.lines.filter((l) => l.includes(` ${url} → `) && !l.includes('will retry') && !l.includes('waiting:'));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcheck-distributed-'));
  redis = await startRedis();
  servers = [
    await startFixtureServer({ root: join(SITES, 'good') }),
    await startFixtureServer({ root: join(SITES, 'poor') }),
    await startFixtureServer({ root: join(SITES, 'mid') }),
    await startFixtureServer({ root: join(SITES, 'good') }),
  ];
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await Promise.all(servers.map((s) => s.close()));
  await redis?.stop();
});

describe('govcheck scheduler + govcheck worker through Redis', () => {
  it('govcheck sweep --redis queues on Redis, a worker checks, the sweep process records every site once', async () => {
    const w = await startWorker(redis.url, ['--prefix', 'plain', '--concurrency', '2', '--name', 'wp']);
    workers.push(w);
    const urls = servers.slice(0, 3).map((s) => `${s.url}/`);
    const db = join(dir, 'plain.db');
    const r = await runCli(['sweep', registry('plain', urls), '--redis', redis.url, '--prefix', 'plain', '--db', db, ...SWEEP_FLAGS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/finished · 3 sites: 3 checked/);
    const rows = recorded(db);
    expect(rows.map((x) => x.url).sort()).toEqual([...urls].sort());
    for (const row of rows) expect(row).toMatchObject({ n: 1, status: 'ok' });
    for (const url of urls) expect(checkedLines(w, url), url).toHaveLength(1);
    // Element screenshots (on by default in sweeps) travel with the result through Redis.
    const store = openStore(db, { readonly: true, mustExist: true });
    try {
      expect((store.prepare('SELECT count(*) AS n FROM finding_screenshots').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      store.close();
    }
    await w.stop('SIGTERM');
  });

  it('two worker processes check a sweep; the scheduler records every site exactly once', async () => {
    const w1 = await startWorker(redis.url, ['--prefix', 'two', '--concurrency', '1', '--name', 'w1']);
    const w2 = await startWorker(redis.url, ['--prefix', 'two', '--concurrency', '1', '--name', 'w2']);
    workers.push(w1, w2);
    const urls = servers.map((s) => `${s.url}/`);
    const db = join(dir, 'two.db');
    const r = await runCli(['scheduler', '--once', '--redis', redis.url, '--prefix', 'two', '--db', db, '--registry', registry('two', urls), ...SWEEP_FLAGS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/govcheck sweep 1: .*finished · 4 sites: 4 checked, 0 could not be checked/);

    const rows = recorded(db);
    expect(rows.map((x) => x.url).sort()).toEqual([...urls].sort());
    for (const row of rows) expect(row).toMatchObject({ n: 1, status: 'ok' });
    // Each site was checked once in the whole fleet: no job ran twice.
    for (const url of urls) expect([...checkedLines(w1, url), ...checkedLines(w2, url)], url).toHaveLength(1);
    // Workers log one line per job, with the sweep and site in the job id.
    expect([...w1.lines, ...w2.lines].filter((l) => / sites sweep1-site\d+-\w+ http/.test(l))).toHaveLength(4);

    // A graceful stop: nothing in flight, so nothing handed back.
    await w2.stop('SIGTERM');
    expect(await w2.exited).toBe(0);
    expect(w2.stderr()).toMatch(/stopped: 0 site\(s\) finished, 0 handed back/);
  });

  it('never runs two sweeps at once: a second recorder is refused while the sweep lease is held', async () => {
    const client = new Redis(redis.url);
    try {
      await client.set('busy:lock:sweep', 'otherhost pid 4242 (/srv/govcheck.db)', 'PX', 60_000);
      const db = join(dir, 'busy.db');
      const r = await runCli(['scheduler', '--once', '--redis', redis.url, '--prefix', 'busy', '--db', db, '--registry', registry('busy', [`${servers[0].url}/`]), ...SWEEP_FLAGS]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/another sweep is running \(lease held by otherhost pid 4242/);
      expect(recorded(db)).toEqual([]);
    } finally {
      client.disconnect();
    }
  });

  it('registers one cron job scheduler in Asia/Taipei, however many scheduler processes run', async () => {
    const reg = registry('cron', [`${servers[0].url}/`]);
    const args = ['scheduler', '--redis', redis.url, '--prefix', 'cron', '--registry', reg, '--cron', '0 3 * * 1', ...SWEEP_FLAGS];
    const a = startCli([...args, '--db', join(dir, 'cron-a.db')]);
    const b = startCli([...args, '--db', join(dir, 'cron-b.db')]);
    try {
      const line = await a.waitFor(/registered; next sweep/);
      expect(line).toMatch(/schedule "0 3 \* \* 1" \(Asia\/Taipei\) registered; next sweep \d{4}-\d\d-\d\dT03:00:00\+08:00/);
      await b.waitFor(/running; stop with/);
      await a.waitFor(/running; stop with/);
      const queue = new Queue('schedule', { connection: connectionOf(redis.url), prefix: 'cron' });
      try {
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers).toHaveLength(1);
        expect(schedulers[0]).toMatchObject({ key: 'national-sweep', pattern: '0 3 * * 1', tz: 'Asia/Taipei' });
        // One pending firing, not one per process.
        expect(await queue.getDelayedCount()).toBe(1);
      } finally {
        await queue.close();
      }
    } finally {
      await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
    }
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);

    const bad = await runCli(['scheduler', '--redis', redis.url, '--prefix', 'cron', '--registry', reg, '--db', join(dir, 'cron-c.db'), '--cron', 'every monday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--cron "every monday"/);
  });

  it('a worker killed mid-job: its site is taken over and finished by another worker (stalled-job recovery)', async () => {
    // Slow enough that the first worker is surely still on it when it is killed.
    const slow = await startFixtureServer({ root: join(SITES, 'mid'), delayMs: 2_500 });
    servers.push(slow);
    const fast = ['--prefix', 'kill', '--concurrency', '1', '--lock-duration', '2000', '--stalled-interval', '1000'];
    const doomed = await startWorker(redis.url, [...fast, '--name', 'doomed']);
    workers.push(doomed);
    const db = join(dir, 'kill.db');
    const url = `${slow.url}/`;
    const recorder = startCli(['scheduler', '--once', '--redis', redis.url, '--prefix', 'kill', '--db', db, '--registry', registry('kill', [url]), ...SWEEP_FLAGS]);
    const queue = new Queue('sites', { connection: connectionOf(redis.url), prefix: 'kill' });
    try {
      // Wait until the doomed worker has the job, then kill it without a chance to clean up.
      let active = await queue.getActive();
      while (active.length === 0) {
        await sleep(100);
        active = await queue.getActive();
      }
      expect(active[0].processedBy).toBe('doomed');
      doomed.child.kill('SIGKILL');
      await doomed.exited;

      const rescuer = await startWorker(redis.url, [...fast, '--name', 'rescuer']);
      workers.push(rescuer);
      expect(await recorder.exited, recorder.stderr()).toBe(0);
      expect(recorded(db)).toEqual([{ url, n: 1, status: 'ok' }]);
      expect(checkedLines(doomed, url)).toEqual([]);
      expect(checkedLines(rescuer, url)).toHaveLength(1);
      expect(checkedLines(rescuer, url)[0]).toMatch(/→ ok /);
    } finally {
      await queue.close();
      await recorder.stop('SIGKILL');
    }
  });
});
