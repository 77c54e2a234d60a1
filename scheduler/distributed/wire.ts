// What travels through Redis: a site job's data and the CheckOptions inside it. JSON carries no
// Date and no function, so `now` goes as an ISO string and comes back as a Date, and callbacks
// (onPage) stay behind. Job ids are deterministic, so adding the same site of the same sweep twice
// (a resumed sweep, a restarted recorder) finds the first job and its result instead of a second check.
import { createHash } from 'node:crypto';
import { A11Y_LEVELS, CATEGORIES, TW_EDITIONS } from '../../core/types.ts';
import { withConfigDefaults } from '../../core/config.ts';
import type { Lane } from '../../reports/store/sweeps.ts';
import type { CheckOptions } from '../../worker/site-checker.ts';

/** CheckOptions as JSON: `now` is an ISO string; no callbacks. Derived, so a new option travels too. */
export type WireCheckOptions = Omit<CheckOptions, 'now' | 'onPage' | 'onCapture'> & { now: string };

/** Which sweep and site a check belongs to, when the caller knows. */
export interface JobContext {
  sweepId: number;
  siteId: number;
  lane: Lane;
}

export interface SiteJobData {
  url: string;
  options: WireCheckOptions;
  lane: Lane;
  sweepId: number | null;
  siteId: number | null;
  /** When the recorder queued it (ISO), for the worker's log. */
  queuedAt: string;
}

export class BadJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadJobError';
  }
}

export function toWire(options: CheckOptions): WireCheckOptions {
  const { now, onPage: _callback, onCapture: _capture, ...rest } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new BadJobError('CheckOptions.now is not a valid Date');
  // A JSON round trip now means the worker gets exactly what we hash and send.
  return JSON.parse(JSON.stringify({ ...rest, now: now.toISOString() })) as WireCheckOptions;
}

export function fromWire(wire: WireCheckOptions): CheckOptions {
  const now = new Date(wire.now);
  if (typeof wire.now !== 'string' || Number.isNaN(now.getTime())) throw new BadJobError(`options.now is not an ISO time: ${JSON.stringify(wire.now)}`);
  return { ...wire, config: withConfigDefaults(wire.config), now };
}

/** Checks the shape of job data read from Redis (anyone who can write to Redis can add a job). */
export function parseJobData(data: unknown): SiteJobData {
  const d = data as Partial<SiteJobData> | null;
  if (!d || typeof d !== 'object') throw new BadJobError('job data is not an object');
  if (typeof d.url !== 'string' || !/^https?:\/\//i.test(d.url)) throw new BadJobError(`job url is not an http(s) URL: ${JSON.stringify(d.url)}`);
  const o = d.options as Partial<WireCheckOptions> | undefined;
  if (!o || typeof o !== 'object') throw new BadJobError('job has no options');
  if (!Array.isArray(o.categories) || o.categories.some((c) => !(CATEGORIES as readonly string[]).includes(c))) throw new BadJobError('options.categories is not a list of categories');
  if (!Number.isInteger(o.maxPages) || (o.maxPages as number) < 1) throw new BadJobError('options.maxPages is not a positive integer');
  if (!o.config || typeof o.config !== 'object' || !o.config.timeouts) throw new BadJobError('options.config is missing');
  if (o.lang !== 'zh-TW' && o.lang !== 'en') throw new BadJobError('options.lang is not zh-TW or en');
  if (o.config.level !== undefined && !(A11Y_LEVELS as readonly string[]).includes(o.config.level)) throw new BadJobError('options.config.level is not A, AA or AAA');
  if (o.config.twEdition != null && !(TW_EDITIONS as readonly string[]).includes(o.config.twEdition)) throw new BadJobError('options.config.twEdition is not 115.11 or 110.07');
  fromWire(o as WireCheckOptions);
  return { url: d.url, options: o as WireCheckOptions, lane: d.lane ?? 'sweep', sweepId: d.sweepId ?? null, siteId: d.siteId ?? null, queuedAt: d.queuedAt ?? '' };
}

/**
 * The job id of one site check. With a context: "sweep12-site34-<hash>", readable in a Redis
 * browser; the hash (scope, URL and options) keeps two databases sharing one Redis, or a
 * database recreated from scratch, from finding each other's results. Without a context, a hash
 * of the same inputs: the same check asked twice is one job.
 * BullMQ forbids ':' and all-digit ids; neither can occur here.
 */
export function siteJobId(url: string, options: WireCheckOptions, context: JobContext | null, scope = ''): string {
  const hash = createHash('sha256').update(JSON.stringify([scope, url, options])).digest('hex');
  return context ? `sweep${context.sweepId}-site${context.siteId}-${hash.slice(0, 10)}` : `site-${hash.slice(0, 24)}`;
}
