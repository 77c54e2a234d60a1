// What travels through Redis: CheckOptions survive the JSON trip (Date included), job data read
// back from Redis is checked, and job ids are deterministic, distinct and valid for BullMQ.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import type { CheckOptions } from '../../worker/site-checker.ts';
import { displayRedisUrl, parseRedisUrl, queueForLane, RedisUrlError } from '../../scheduler/distributed/names.ts';
import { BadJobError, fromWire, parseJobData, siteJobId, toWire } from '../../scheduler/distributed/wire.ts';

function options(overrides: Partial<CheckOptions> = {}): CheckOptions {
  const config = defaultConfig();
  config.ruleOptions.freshness.staleDays = 120;
  config.waivers.push({ rule: 'axe/region', url: 'https://www.example.gov.tw/*', reason: '版型限制' });
  return { categories: ['accessibility', 'freshness'], maxPages: 3, now: new Date('2026-11-27T08:30:00+08:00'), allowPrivate: false, config, lang: 'zh-TW', pageDelayMs: 250, ...overrides };
}

describe('CheckOptions on the wire', () => {
  it('turns now into an ISO string and back into the same Date; config arrives intact; callbacks stay behind', () => {
    const original = options({ onPage: () => undefined, axeRules: ['image-alt'] });
    const wire = toWire(original);
    expect(wire.now).toBe('2026-11-27T00:30:00.000Z');
    expect('onPage' in wire).toBe(false);
    const back = fromWire(JSON.parse(JSON.stringify(wire)));
    expect(back.now).toBeInstanceOf(Date);
    expect(back.now.getTime()).toBe(original.now.getTime());
    expect(back.config).toEqual(original.config);
    expect(back).toMatchObject({ categories: ['accessibility', 'freshness'], maxPages: 3, lang: 'zh-TW', pageDelayMs: 250, axeRules: ['image-alt'], allowPrivate: false });
  });

  it('refuses an invalid date on either side', () => {
    expect(() => toWire(options({ now: new Date('nope') }))).toThrow(BadJobError);
    expect(() => fromWire({ ...toWire(options()), now: 'yesterday' })).toThrow(/not an ISO time/);
  });

  it('checks job data read from Redis', () => {
    const good = { url: 'https://www.example.gov.tw/', options: toWire(options()), lane: 'sweep', sweepId: 3, siteId: 9, queuedAt: '2026-11-27T00:00:00.000Z' };
    expect(parseJobData(good)).toMatchObject({ url: good.url, lane: 'sweep', sweepId: 3, siteId: 9 });
    expect(() => parseJobData(null)).toThrow(BadJobError);
    expect(() => parseJobData({ ...good, url: 'file:///etc/passwd' })).toThrow(/http\(s\) URL/);
    expect(() => parseJobData({ ...good, options: { ...good.options, categories: ['hacking'] } })).toThrow(/categories/);
    expect(() => parseJobData({ ...good, options: { ...good.options, maxPages: 0 } })).toThrow(/maxPages/);
    expect(() => parseJobData({ ...good, options: { ...good.options, now: 42 } })).toThrow(/ISO time/);
  });
});

describe('job ids', () => {
  const url = 'https://www.example.gov.tw/';
  const wire = toWire(options());
  const ctx = { sweepId: 12, siteId: 34, lane: 'sweep' as const };

  it('are the same for the same check, readable with a context, and valid BullMQ ids', () => {
    const id = siteJobId(url, wire, ctx, 'db-a');
    expect(id).toBe(siteJobId(url, toWire(options()), { ...ctx }, 'db-a'));
    expect(id).toMatch(/^sweep12-site34-[0-9a-f]{10}$/);
    const bare = siteJobId(url, wire, null);
    expect(bare).toMatch(/^site-[0-9a-f]{24}$/);
    for (const x of [id, bare]) {
      expect(x).not.toContain(':');
      expect(`${parseInt(x, 10)}`).not.toBe(x);
    }
  });

  it('differ between sweeps, sites, databases, URLs and options', () => {
    const ids = new Set([
      siteJobId(url, wire, ctx, 'db-a'),
      siteJobId(url, wire, { ...ctx, sweepId: 13 }, 'db-a'),
      siteJobId(url, wire, { ...ctx, siteId: 35 }, 'db-a'),
      siteJobId(url, wire, ctx, 'db-b'),
      siteJobId('https://www.example.gov.tw/en/', wire, ctx, 'db-a'),
      siteJobId(url, toWire(options({ now: new Date('2026-11-28T00:00:00+08:00') })), ctx, 'db-a'),
      siteJobId(url, wire, null),
      siteJobId(url, toWire(options({ maxPages: 1 })), null),
    ]);
    expect(ids.size).toBe(8);
  });
});

describe('Redis names', () => {
  it('puts sweeps and interactive work in separate queues', () => {
    expect(queueForLane('sweep')).toBe('sites');
    expect(queueForLane('self-check')).toBe('interactive');
    expect(queueForLane('ci')).toBe('interactive');
  });

  it('accepts redis:// and rediss:// URLs only, and hides passwords in logs', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6380/2').port).toBe('6380');
    expect(parseRedisUrl('rediss://user:pw@redis.example.gov.tw').protocol).toBe('rediss:');
    expect(() => parseRedisUrl('http://127.0.0.1:6379')).toThrow(RedisUrlError);
    expect(() => parseRedisUrl('127.0.0.1:6379')).toThrow(RedisUrlError);
    expect(displayRedisUrl('redis://:s3cret@10.0.0.5:6379')).toBe('redis://:***@10.0.0.5:6379');
  });
});
