// Flag parsing shared by every command: unknown flags and bad values are usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, defaultConfig, LIMITS, loadConfig, validateRuleIds, type GovcheckConfig } from '../core/config.ts';
import { MAX_TIMER_MS } from '../core/timers.ts';
import { defaultEdition, parseEdition, parseLevel } from '../core/tw-a11y.ts';
import { A11Y_LEVELS, CATEGORIES, TW_EDITIONS, type Category } from '../core/types.ts';
import { ALL_RULES, ruleById } from '../rules/index.ts';

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
  'lighthouse-processes': 8,
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
    if (!file) return defaultConfig();
    const cfg = loadConfig(file);
    validateRuleIds(cfg, (id) => ruleById(id) !== undefined, ALL_RULES.map((r) => r.meta.id), file);
    return cfg;
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`--config ${e.message}`);
    throw e;
  }
}

/** Help lines for --level and --tw-edition (check, sweep). */
export const TW_FLAGS_HELP = `  --level <A|AA|AAA>     網站無障礙規範 level: axe tags run and codes judged (default AA; config "level")
  --tw-edition <e>       網站無障礙規範 edition ${TW_EDITIONS.join('|')} (default: 115.11 when --now is on or after
                         2026-11-30, else 110.07; config "twEdition")`;

/**
 * --level / --tw-edition over the config file's values; the edition is resolved here (from --now when neither
 * flag nor file sets it), so every result and every distributed job carries a concrete edition.
 */
export function applyTwFlags(config: GovcheckConfig, level: string | undefined, edition: string | undefined, now: Date | null): void {
  if (level !== undefined) {
    const l = parseLevel(level);
    if (!l) throw new UsageError(`--level: expected ${A11Y_LEVELS.join(', ')}, got "${level}"`);
    config.level = l;
  }
  if (edition !== undefined) {
    const e = parseEdition(edition);
    if (!e) throw new UsageError(`--tw-edition: expected ${TW_EDITIONS.join(' or ')}, got "${edition}"`);
    config.twEdition = e;
  }
  // Without a date (a scheduler's firings) an unset edition stays null and follows each firing's date.
  if (now) config.twEdition ??= defaultEdition(now);
}

/** --screenshots / --no-screenshots: true, false, or null when neither is given (the config or the command decides). */
export function screenshotsFlag(on: boolean | undefined, off: boolean | undefined): boolean | null {
  if (on && off) throw new UsageError('--screenshots and --no-screenshots contradict each other; give one');
  return on ? true : off ? false : null;
}
