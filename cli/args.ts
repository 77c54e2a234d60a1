// Flag parsing shared by every command: unknown flags and bad values are usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, defaultConfig, LIMITS, loadConfig, type GovcheckConfig } from '../core/config.ts';
import { MAX_TIMER_MS } from '../core/timers.ts';
import { CATEGORIES, type Category } from '../core/types.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends OptionSpec>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/**
 * Upper bounds of the integer flags, by flag name: a count or duration past them is a typo (or would
 * overflow a timer), never a setting anyone needs. Flags not listed are bounded by MAX_TIMER_MS.
 */
export const INT_FLAG_MAX: Record<string, number> = {
  'max-pages': 500,
  concurrency: 64,
  'interactive-concurrency': 64,
  runs: LIMITS.lighthouseRuns,
  'page-delay': 60_000,
  'host-delay': 60_000,
  'lock-duration': 3_600_000,
  'stalled-interval': 3_600_000,
  backoff: 3_600_000,
  grace: 3_600,
  attempts: 20,
  port: 65_535,
};

export function intFlag(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const max = INT_FLAG_MAX[name] ?? MAX_TIMER_MS;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${name} expects an integer ≥ ${min} and ≤ ${max}, got "${value}"`);
  return Number(value);
}

export function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} expects a number, got "${value}"`);
  return n;
}

export function categoriesFlag(value: string | undefined): Category[] {
  if (!value) return [...CATEGORIES];
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const c of list) {
    if (!(CATEGORIES as readonly string[]).includes(c)) throw new UsageError(`--only: unknown category "${c}" (known: ${CATEGORIES.join(', ')})`);
  }
  if (list.length === 0) throw new UsageError('--only: empty list');
  return [...new Set(list)] as Category[];
}

/**
 * --now: 'YYYY-MM-DD' (midnight Asia/Taipei) or a full ISO time; a time without a zone is Asia/Taipei.
 */
export function nowFlag(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const v = value.trim();
  let iso: string;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) iso = `${v}T00:00:00+08:00`;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v)) iso = `${v}+08:00`;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) iso = v;
  else throw new UsageError(`--now expects YYYY-MM-DD or an ISO time, got "${value}"`);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== new Date(d.getTime()).toISOString().slice(0, 10)) throw new UsageError(`--now: not a real date: "${value}"`);
  const [y, m, day] = v.slice(0, 10).split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, day));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) throw new UsageError(`--now: not a real date: "${value}"`);
  return d;
}

/** --config: the file's config, or the defaults; a bad file is a usage error naming the field. */
export function configFlag(file: string | undefined): GovcheckConfig {
  try {
    return file ? loadConfig(file) : defaultConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`--config ${e.message}`);
    throw e;
  }
}
