// Where distributed govcheck lives in Redis. Every key starts with a prefix (default "govcheck"),
// so one Redis can hold several deployments (or test runs) side by side:
//   <prefix>:sites        BullMQ queue of the national-sweep lane
//   <prefix>:interactive  BullMQ queue of the self-check and CI lanes (their own worker slots)
//   <prefix>:schedule     BullMQ queue holding the national-sweep job scheduler
//   <prefix>:host:<host>  politeness lease: one site of a host checked at a time, fleet-wide
//   <prefix>:lock:sweep   the recorder's guard: one distributed sweep at a time
import type { ConnectionOptions } from 'bullmq';
import type { Lane } from '../../reports/store/sweeps.ts';

export const DEFAULT_PREFIX = 'govcheck';

/** BullMQ forbids ':' in queue names; the prefix supplies the "govcheck:" part. */
export const SITES_QUEUE = 'sites';
export const INTERACTIVE_QUEUE = 'interactive';
export const SCHEDULE_QUEUE = 'schedule';
export type SiteQueueName = typeof SITES_QUEUE | typeof INTERACTIVE_QUEUE;

/** National sweeps have a queue of their own; webmaster self-checks and CI share the interactive one. */
export function queueForLane(lane: Lane): SiteQueueName {
  return lane === 'sweep' ? SITES_QUEUE : INTERACTIVE_QUEUE;
}

export class RedisUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUrlError';
  }
}

export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

/** Accepts redis:// and rediss:// URLs (password, db number and TLS as ioredis reads them). */
export function parseRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(`not a URL: "${url}" (expected e.g. redis://127.0.0.1:6379)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new RedisUrlError(`expected a redis:// or rediss:// URL, got "${url}"`);
  if (!parsed.hostname) throw new RedisUrlError(`no host in "${url}"`);
  return parsed;
}

/** The URL without its password, for logs. */
export function displayRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * BullMQ connection options. Commands wait through a Redis restart instead of failing
 * (maxRetriesPerRequest: null): a site in flight is never lost to a blip.
 */
export function connectionOf(url: string): ConnectionOptions {
  parseRedisUrl(url);
  return { url, maxRetriesPerRequest: null };
}

export function validatePrefix(prefix: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new RedisUrlError(`--prefix: letters, digits, "_", "." and "-" only (1–64), got "${prefix}"`);
  return prefix;
}

/** Fails fast (instead of retrying forever) when Redis cannot be reached at start-up. */
export async function checkRedis(url: string, timeoutMs = 5_000): Promise<void> {
  parseRedisUrl(url);
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new RedisUnavailableError(`cannot reach Redis at ${displayRedisUrl(url)}: ${(e as Error).message}`);
  } finally {
    client.disconnect();
  }
}
