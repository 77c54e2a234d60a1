// Lanes, politeness, retries and the worker's own address policy, through a real redis-server of
// this file's own and real `govcheck worker` processes. Sites are queued with RemoteSiteChecker,
// the recorder's side of a distributed sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { defaultConfig } from '../../core/config.ts';
import type { SiteResult } from '../../core/types.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { connectionOf } from '../../scheduler/distributed/names.ts';
import { RedisLock } from '../../scheduler/distributed/redis-lock.ts';
import { RemoteSiteChecker } from '../../scheduler/distributed/remote-checker.ts';
import type { CheckOptions } from '../../worker/site-checker.ts';
import { ROOT } from '../helpers/cli.ts';
import { startCli, startRedis, startWorker, sleep, type Proc, type RedisServer } from './helpers.ts';

const SITES = join(ROOT, 'test/sweep/sites');

let redis: RedisServer;
const servers: FixtureServer[] = [];
const workers: Proc[] = [];
const checkers: RemoteSiteChecker[] = [];

function options(overrides: Partial<CheckOptions> = {}): CheckOptions {
  return { categories: ['accessibility'], maxPages: 1, now: new Date('2026-11-27T00:00:00+08:00'), allowPrivate: true, config: defaultConfig(), lang: 'zh-TW', pageDelayMs: 0, ...overrides };
}

function checker(prefix: string, extra: Partial<ConstructorParameters<typeof RemoteSiteChecker>[0]> = {}): RemoteSiteChecker {
  const c = new RemoteSiteChecker({ redisUrl: redis.url, prefix, ...extra });
  checkers.push(c);
  return c;
}

async function site(opts: { delayMs?: number } = {}): Promise<string> {
  const s = await startFixtureServer({ root: join(SITES, 'good'), ...opts });
  servers.push(s);
  return `${s.url}/`;
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(checkers.map((c) => c.close()));
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await Promise.all(servers.map((s) => s.close()));
  await redis?.stop();
});

describe('lanes', () => {
  it('a self-check is answered while a long sweep queue still waits (its own lane and slots)', async () => {
    const worker = await startWorker(redis.url, ['--prefix', 'lanes', '--concurrency', '1', '--interactive-concurrency', '1']);
    workers.push(worker);
    const sweepSites = await Promise.all(Array.from({ length: 4 }, () => site({ delayMs: 300 })));
    const sweep = checker('lanes', { lane: 'sweep' });
    const sweepResults = sweepSites.map((url) => sweep.check(url, options()));
    const sitesQueue = new Queue('sites', { connection: connectionOf(redis.url), prefix: 'lanes' });
    try {
      while ((await sitesQueue.getActiveCount()) === 0) await sleep(100);

      const selfUrl = await site();
      const self = await checker('lanes', { lane: 'self-check' }).check(selfUrl, options());
      expect(self).toMatchObject({ url: selfUrl, status: 'ok' });
      // The sweep lane had one slot and four sites: most of them were still queued.
      expect(await sitesQueue.getWaitingCount()).toBeGreaterThan(0);
      expect(worker.lines.some((l) => / interactive site-\w+ http.* → ok /.test(l))).toBe(true);

      const results = await Promise.all(sweepResults);
      expect(results.map((r) => r.status)).toEqual(Array(4).fill('ok'));
      // The self-check's line came before the sweep's last.
      const order = worker.lines.filter((l) => / → ok /.test(l)).map((l) => (l.includes(' interactive ') ? 'self' : 'sweep'));
      expect(order.indexOf('self')).toBeLessThan(order.lastIndexOf('sweep'));
    } finally {
      await sitesQueue.close();
    }
  });
});

describe('politeness', () => {
  it('two sites of one host are never checked at the same time, across workers', async () => {
    // Two "sites" on one host; every page request is slow, so overlapping checks would interleave.
    const events: string[] = [];
    const server: Server = createServer((req, res) => {
      const m = /^\/(a|b)\//.exec(req.url ?? '');
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      events.push(`${m[1]} start`);
      setTimeout(() => {
        events.push(`${m[1]} end`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="zh-Hant-TW"><head><title>${m[1]}</title></head><body><main><h1>站 ${m[1]}</h1></main></body></html>`);
      }, 1_000);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const args = ['--prefix', 'polite', '--concurrency', '2'];
      const [w1, w2] = await Promise.all([startWorker(redis.url, args), startWorker(redis.url, args)]);
      workers.push(w1, w2);
      const c = checker('polite');
      const [a, b] = await Promise.all([c.check(`${origin}/a/`, options()), c.check(`${origin}/b/`, options())]);
      expect([a.status, b.status]).toEqual(['ok', 'ok']);
      // All requests of one site happened before any of the other's.
      const first = events[0][0];
      const switchAt = events.findIndex((e) => e[0] !== first);
      expect(switchAt).toBeGreaterThan(0);
      expect(events.slice(switchAt).every((e) => e[0] !== first)).toBe(true);
      expect([...w1.lines, ...w2.lines].some((l) => /waiting: another site of 127\.0\.0\.1:\d+ is being checked/.test(l))).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('the host lease: taken by one holder, renewed and released only by it, with a cool-down', async () => {
    const client = new Redis(redis.url);
    try {
      const lock = new RedisLock(client, 'unit:host:example.gov.tw', 2_000);
      expect(await lock.acquire('one')).toBe(true);
      expect(await lock.acquire('two')).toBe(false);
      expect(await lock.renew('two')).toBe(false);
      expect(await lock.release('two')).toBe(false);
      expect(await lock.holder()).toBe('one');
      expect(await lock.renew('one')).toBe(true);
      expect(await lock.release('one', 60_000)).toBe(true);
      // The cool-down keeps the host closed to everyone until it lapses.
      expect(await lock.holder()).toBe('cool-down');
      expect(await lock.acquire('two')).toBe(false);
      await client.del(lock.key);
      expect(await lock.acquire('two')).toBe(true);
      expect(await lock.release('two')).toBe(true);
      expect(await lock.holder()).toBeNull();
    } finally {
      client.disconnect();
    }
  });
});

describe('failures', () => {
  it('retries a transient failure with backoff, then resolves to the failed result with its reason', async () => {
    const down = await startFixtureServer({
      catchAll: (_req, res) => {
        res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      },
    });
    servers.push(down);
    const worker = await startWorker(redis.url, ['--prefix', 'retry', '--concurrency', '1']);
    workers.push(worker);
    const url = `${down.url}/`;
    const result: SiteResult = await checker('retry', { attempts: 2, backoffMs: 200 }).check(url, options());
    expect(result).toMatchObject({ url, status: 'unreachable', failureKind: 'http-5xx', scores: { overall: null } });
    expect(result.error).toMatch(/503/);
    // (A retry may first wait out the host's politeness pause.)
    const lines = worker.lines.filter((l) => l.includes(url) && !l.includes('waiting:'));
    expect(lines[0]).toMatch(/→ unreachable: .*503.* · will retry \(attempt 1\/2\)/);
    expect(lines[1]).toMatch(/→ unreachable: .*503.* \(attempt 2\/2\)/);
  });

  it('a worker stopped with SIGTERM hands its unfinished site back; another worker checks it without losing an attempt', async () => {
    const url = await site({ delayMs: 2_000 });
    const first = await startWorker(redis.url, ['--prefix', 'stop', '--concurrency', '1', '--grace', '1']);
    workers.push(first);
    const pending = checker('stop').check(url, options());
    const queue = new Queue('sites', { connection: connectionOf(redis.url), prefix: 'stop' });
    try {
      while ((await queue.getActiveCount()) === 0) await sleep(100);
      await first.stop('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(first.stderr()).toMatch(/stopped: 0 site\(s\) finished, 1 handed back to the queue/);
      const [job] = await queue.getWaiting();
      expect(job.data.url).toBe(url);
      expect(job.attemptsMade).toBe(0);

      const second = await startWorker(redis.url, ['--prefix', 'stop', '--concurrency', '1']);
      workers.push(second);
      expect(await pending).toMatchObject({ url, status: 'ok' });
      expect(second.lines.find((l) => l.includes(url))).toMatch(/→ ok .*\(attempt 1\/3\)/);
    } finally {
      await queue.close();
    }
  });

  it('a job cannot widen the worker’s address policy: private addresses stay refused without --allow-private', async () => {
    const strict = startCli(['worker', '--redis', redis.url, '--prefix', 'strict', '--concurrency', '1']);
    workers.push(strict);
    await strict.waitFor(/govcheck worker: ready/);
    const url = await site();
    const result = await checker('strict').check(url, options({ allowPrivate: true }));
    expect(result).toMatchObject({ status: 'error', failureKind: 'unsafe-address' });
  });
});
