// The --config file: budgets, thresholds, rule options, scoring weights and waivers.
// Validation names the field that is wrong, so a CI author can fix the file without reading code.
import { taipeiDateOf } from './taipei.ts';
import { readFileSync } from 'node:fs';
import type { A11yLevel, Category, RuleOptions, TwEdition } from './types.ts';
import { CATEGORIES, SEVERITIES, TW_EDITIONS } from './types.ts';
import { isKnownCode, parseEdition, parseLevel, TW_CODE_PATTERN } from './tw-a11y.ts';
import { lineColumn, stripJsonComments } from './jsonc.ts';

export interface BudgetSpec {
  /** Glob-like URL pattern ('*' wildcard); absent = every site. */
  url?: string;
  lcpMs?: number;
  cls?: number;
  tbtMs?: number;
  fcpMs?: number;
  transferBytes?: number;
  /** Minimum category scores, e.g. { "accessibility": 90 }. */
  scores?: Partial<Record<Category | 'overall', number>>;
}

export interface Waiver {
  rule: string;
  /** Glob-like URL pattern; absent = every page. */
  url?: string;
  selector?: string;
  reason?: string;
  /** Last day the waiver applies (YYYY-MM-DD, Asia/Taipei); from the next day on it no longer hides findings. */
  expires?: string;
}

export interface GovcheckConfig {
  budgets: BudgetSpec[];
  weights: Record<Category, number>;
  ruleOptions: RuleOptions;
  /** Rule ids (or 'category/*' prefixes) to disable. */
  disabledRules: string[];
  waivers: Waiver[];
  lighthouse: { pages: number | null; formFactor: 'mobile' | 'desktop'; runs: number };
  timeouts: { navigationMs: number; pageMs: number };
  userAgent: string | null;
  /** 網站無障礙規範 level checked (config `level`, flag --level; default AA). */
  level: A11yLevel;
  /** 網站無障礙規範 edition (config `twEdition`, flag --tw-edition); null = from the scan date. */
  twEdition: TwEdition | null;
  /** Where each disabled id came from in the file (for error messages). */
  disabledFrom?: Record<string, string>;
  /** Codes left out of the conformance verdict (`rules: { "HM1130103C": "off" }`): reported as not-checked. */
  offCodes: string[];
  /** Element screenshots of findings, taken while the page is still open (config `screenshots`, flag --screenshots). */
  screenshots: ScreenshotOptions;
}

export interface ScreenshotOptions {
  /** null: the command decides (off for check, on for sweeps). */
  enabled: boolean | null;
  /** Screenshots of the first findings of each rule on a page. */
  perRule: number;
  /** At most this many screenshots on one page. */
  perPage: number;
  /** Largest image kept (a PNG over it is taken again as JPEG; still over it, none is kept). */
  maxBytes: number;
  /** Time one page may spend on its screenshots; the ones not taken by then are left out. */
  pageMs: number;
}

export function defaultScreenshotOptions(): ScreenshotOptions {
  return { enabled: null, perRule: 3, perPage: 8, maxBytes: 60_000, pageMs: 5_000 };
}

export const DEFAULT_WEIGHTS: Record<Category, number> = {
  accessibility: 35,
  performance: 15,
  freshness: 15,
  governance: 20,
  security: 15,
};

export function defaultRuleOptions(): RuleOptions {
  return {
    freshness: { fullMarksDays: 30, zeroDays: 180, staleDays: 180, warnDays: 90 },
    accessibilityMark: { maxAgeYears: 3 },
    rules: {},
  };
}

export function defaultConfig(): GovcheckConfig {
  return {
    budgets: [],
    weights: { ...DEFAULT_WEIGHTS },
    ruleOptions: defaultRuleOptions(),
    disabledRules: [],
    waivers: [],
    lighthouse: { pages: null, formFactor: 'mobile', runs: 1 },
    timeouts: { navigationMs: 30_000, pageMs: 90_000 },
    userAgent: null,
    level: 'AA',
    twEdition: null,
    offCodes: [],
    screenshots: defaultScreenshotOptions(),
  };
}

/** A config stored by an older version (a resumed sweep, a job from an older recorder): fields added since get their defaults. */
export function withConfigDefaults(cfg: GovcheckConfig): GovcheckConfig {
  const d = defaultConfig();
  return { ...d, ...cfg, level: cfg.level ?? d.level, twEdition: cfg.twEdition ?? null, offCodes: cfg.offCodes ?? [], screenshots: { ...d.screenshots, ...cfg.screenshots }, ruleOptions: { ...d.ruleOptions, ...cfg.ruleOptions } };
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Upper bounds of every duration and count in the config: a value beyond them is a typo or an
 * attempt to switch a safeguard off (a timeout past Node's timer limit fires at once; a huge weight
 * overflows the overall score), never a setting anyone needs.
 */
export const LIMITS = {
  /** Budget timings (LCP, TBT, FCP), ms. */
  budgetMs: 600_000,
  cls: 100,
  transferBytes: 10_000_000_000,
  weight: 1000,
  freshnessDays: 36_500,
  lighthousePages: 50,
  lighthouseRuns: 10,
  navigationMs: { min: 1000, max: 600_000 },
  pageMs: { min: 1000, max: 3_600_000 },
  userAgentLength: 512,
  screenshotsPerRule: 20,
  screenshotsPerPage: 50,
  screenshotBytes: { min: 1_000, max: 500_000 },
  screenshotPageMs: 60_000,
} as const;

function num(file: string, field: string, v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER, integer = false): number {
  const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new ConfigError(file, field, `expected ${integer ? 'an integer' : 'a number'} ${range}, got ${JSON.stringify(v)}`);
  }
  return v;
}

export function loadConfig(file: string): GovcheckConfig {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, '(file)', `cannot read: ${(e as Error).message}`);
  }
  let json: unknown;
  // Comments and trailing commas are allowed (JSONC): `govcheck init` writes a commented file.
  const text = stripJsonComments(raw.replace(/^\uFEFF/, ''));
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? ` (line ${lineColumn(text, Number(at[1])).line})` : '';
    throw new ConfigError(file, '(json)', `${message}${where}`);
  }
  return parseConfig(json, file);
}

const KNOWN_TOP = ['budgets', 'weights', 'thresholds', 'freshness', 'accessibilityMark', 'rules', 'disabledRules', 'waivers', 'lighthouse', 'timeouts', 'userAgent', 'level', 'twEdition', 'screenshots', '$schema', 'comment'];
const BUDGET_METRICS = ['lcpMs', 'cls', 'tbtMs', 'fcpMs', 'transferBytes'] as const;

export function parseConfig(json: unknown, file = 'config'): GovcheckConfig {
  const cfg = defaultConfig();
  if (!isObject(json)) throw new ConfigError(file, '(root)', 'expected a JSON object');
  for (const key of Object.keys(json)) {
    if (!KNOWN_TOP.includes(key)) throw new ConfigError(file, key, `unknown field (known: ${KNOWN_TOP.filter((k) => !k.startsWith('$') && k !== 'comment').join(', ')})`);
  }
  if (json.budgets !== undefined) {
    if (!Array.isArray(json.budgets)) throw new ConfigError(file, 'budgets', 'expected an array');
    cfg.budgets = json.budgets.map((b, i) => {
      const at = `budgets[${i}]`;
      if (!isObject(b)) throw new ConfigError(file, at, 'expected an object');
      const out: BudgetSpec = {};
      for (const [k, v] of Object.entries(b)) {
        if (k === 'url') {
          if (typeof v !== 'string') throw new ConfigError(file, `${at}.url`, 'expected a string');
          out.url = v;
        } else if ((BUDGET_METRICS as readonly string[]).includes(k)) {
          const max = k === 'cls' ? LIMITS.cls : k === 'transferBytes' ? LIMITS.transferBytes : LIMITS.budgetMs;
          out[k as (typeof BUDGET_METRICS)[number]] = num(file, `${at}.${k}`, v, 0, max);
        } else if (k === 'scores') {
          if (!isObject(v)) throw new ConfigError(file, `${at}.scores`, 'expected an object');
          out.scores = {};
          for (const [c, s] of Object.entries(v)) {
            if (![...CATEGORIES, 'overall'].includes(c)) throw new ConfigError(file, `${at}.scores.${c}`, 'unknown category');
            out.scores[c as Category] = num(file, `${at}.scores.${c}`, s, 0, 100);
          }
        } else throw new ConfigError(file, `${at}.${k}`, `unknown budget field (known: url, scores, ${BUDGET_METRICS.join(', ')})`);
      }
      return out;
    });
  }
  if (json.weights !== undefined) {
    if (!isObject(json.weights)) throw new ConfigError(file, 'weights', 'expected an object');
    for (const [c, w] of Object.entries(json.weights)) {
      if (!(CATEGORIES as readonly string[]).includes(c)) throw new ConfigError(file, `weights.${c}`, 'unknown category');
      cfg.weights[c as Category] = num(file, `weights.${c}`, w, 0, LIMITS.weight);
    }
    // All weights 0 leave the overall score undefined, which would switch the --fail-under gate off.
    if (CATEGORIES.every((c) => cfg.weights[c] === 0)) throw new ConfigError(file, 'weights', 'every weight is 0: at least one category must count toward the overall score');
  }
  const fresh = json.freshness ?? (isObject(json.thresholds) ? json.thresholds.freshness : undefined);
  if (fresh !== undefined) {
    if (!isObject(fresh)) throw new ConfigError(file, 'freshness', 'expected an object');
    for (const [k, v] of Object.entries(fresh)) {
      if (!(k in cfg.ruleOptions.freshness)) throw new ConfigError(file, `freshness.${k}`, `unknown field (known: ${Object.keys(cfg.ruleOptions.freshness).join(', ')})`);
      (cfg.ruleOptions.freshness as Record<string, number>)[k] = num(file, `freshness.${k}`, v, 0, LIMITS.freshnessDays);
    }
    const f = cfg.ruleOptions.freshness;
    if (f.fullMarksDays > f.zeroDays) throw new ConfigError(file, 'freshness.fullMarksDays', `${f.fullMarksDays} is more than freshness.zeroDays (${f.zeroDays}): full marks must end before the score reaches 0`);
    if (f.warnDays > f.staleDays) throw new ConfigError(file, 'freshness.warnDays', `${f.warnDays} is more than freshness.staleDays (${f.staleDays}): the warning must come before the stale finding`);
  }
  const mark = json.accessibilityMark ?? (isObject(json.thresholds) ? json.thresholds.accessibilityMark : undefined);
  if (mark !== undefined) {
    if (!isObject(mark)) throw new ConfigError(file, 'accessibilityMark', 'expected an object');
    for (const [k, v] of Object.entries(mark)) {
      if (k !== 'maxAgeYears') throw new ConfigError(file, `accessibilityMark.${k}`, 'unknown field (known: maxAgeYears)');
      cfg.ruleOptions.accessibilityMark.maxAgeYears = num(file, 'accessibilityMark.maxAgeYears', v, 1);
    }
  }
  if (json.level !== undefined) {
    const level = typeof json.level === 'string' ? parseLevel(json.level) : undefined;
    if (!level) throw new ConfigError(file, 'level', `expected "A", "AA" or "AAA", got ${JSON.stringify(json.level)}`);
    cfg.level = level;
  }
  if (json.twEdition !== undefined) {
    const ed = typeof json.twEdition === 'string' ? parseEdition(json.twEdition) : undefined;
    if (!ed) throw new ConfigError(file, 'twEdition', `expected ${TW_EDITIONS.map((e) => `"${e}"`).join(' or ')}, got ${JSON.stringify(json.twEdition)}`);
    cfg.twEdition = ed;
  }
  if (json.rules !== undefined) {
    if (!isObject(json.rules)) throw new ConfigError(file, 'rules', 'expected an object keyed by rule id');
    for (const [id, opts] of Object.entries(json.rules)) {
      if (TW_CODE_PATTERN.test(id)) {
        // A 網站無障礙規範 code: "off" leaves it out of the verdict.
        if (!TW_EDITIONS.some((ed) => isKnownCode(ed, id)) || id.endsWith('E')) throw new ConfigError(file, `rules.${id}`, 'not a machine-check (C) code of 網站無障礙規範 115.11 or 110.07');
        if (opts !== false && opts !== 'off') throw new ConfigError(file, `rules.${id}`, 'a code can only be switched off ("off")');
        cfg.offCodes.push(id);
        continue;
      }
      if (opts === false || opts === 'off') cfg.disabledRules.push(id);
      else if (isObject(opts)) {
        if (opts.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(opts.severity)) {
          throw new ConfigError(file, `rules.${id}.severity`, `expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(opts.severity)}`);
        }
        cfg.ruleOptions.rules[id] = opts;
      } else throw new ConfigError(file, `rules.${id}`, 'expected an options object, false or "off"');
    }
  }
  if (json.disabledRules !== undefined) {
    if (!Array.isArray(json.disabledRules) || json.disabledRules.some((r) => typeof r !== 'string')) throw new ConfigError(file, 'disabledRules', 'expected an array of rule ids');
    (json.disabledRules as string[]).forEach((id, i) => {
      cfg.disabledFrom = { ...cfg.disabledFrom, [id]: `disabledRules[${i}]` };
      cfg.disabledRules.push(id);
    });
  }
  if (json.waivers !== undefined) {
    if (!Array.isArray(json.waivers)) throw new ConfigError(file, 'waivers', 'expected an array');
    cfg.waivers = json.waivers.map((w, i) => {
      if (!isObject(w) || typeof w.rule !== 'string') throw new ConfigError(file, `waivers[${i}].rule`, 'expected a rule id string');
      for (const k of ['url', 'selector', 'reason', 'expires'] as const) {
        if (w[k] !== undefined && typeof w[k] !== 'string') throw new ConfigError(file, `waivers[${i}].${k}`, 'expected a string');
      }
      if (w.expires !== undefined && !isRealDate(w.expires as string)) throw new ConfigError(file, `waivers[${i}].expires`, `expected a date YYYY-MM-DD, got ${JSON.stringify(w.expires)}`);
      const waiver: Waiver = { rule: w.rule, url: w.url as string | undefined, selector: w.selector as string | undefined, reason: w.reason as string | undefined };
      if (w.expires !== undefined) waiver.expires = w.expires as string;
      return waiver;
    });
  }
  if (json.lighthouse !== undefined) {
    const lh = json.lighthouse;
    if (!isObject(lh)) throw new ConfigError(file, 'lighthouse', 'expected an object');
    for (const k of Object.keys(lh)) if (!['pages', 'runs', 'formFactor'].includes(k)) throw new ConfigError(file, `lighthouse.${k}`, 'unknown field (known: pages, runs, formFactor)');
    if (lh.pages !== undefined) cfg.lighthouse.pages = num(file, 'lighthouse.pages', lh.pages, 0, LIMITS.lighthousePages, true);
    if (lh.runs !== undefined) cfg.lighthouse.runs = num(file, 'lighthouse.runs', lh.runs, 1, LIMITS.lighthouseRuns, true);
    if (lh.formFactor !== undefined) {
      if (lh.formFactor !== 'mobile' && lh.formFactor !== 'desktop') throw new ConfigError(file, 'lighthouse.formFactor', 'expected "mobile" or "desktop"');
      cfg.lighthouse.formFactor = lh.formFactor;
    }
  }
  if (json.timeouts !== undefined) {
    const t = json.timeouts;
    if (!isObject(t)) throw new ConfigError(file, 'timeouts', 'expected an object');
    for (const k of Object.keys(t)) if (k !== 'navigationMs' && k !== 'pageMs') throw new ConfigError(file, `timeouts.${k}`, 'unknown field (known: navigationMs, pageMs)');
    if (t.navigationMs !== undefined) cfg.timeouts.navigationMs = num(file, 'timeouts.navigationMs', t.navigationMs, LIMITS.navigationMs.min, LIMITS.navigationMs.max);
    if (t.pageMs !== undefined) cfg.timeouts.pageMs = num(file, 'timeouts.pageMs', t.pageMs, LIMITS.pageMs.min, LIMITS.pageMs.max);
    if (cfg.timeouts.navigationMs > cfg.timeouts.pageMs) throw new ConfigError(file, 'timeouts.navigationMs', `${cfg.timeouts.navigationMs} is more than timeouts.pageMs (${cfg.timeouts.pageMs}): a page's navigation is part of its total time`);
  }
  if (json.screenshots !== undefined) {
    const sh = json.screenshots;
    if (typeof sh === 'boolean') cfg.screenshots.enabled = sh;
    else {
      if (!isObject(sh)) throw new ConfigError(file, 'screenshots', 'expected true, false or an object');
      const known = ['enabled', 'perRule', 'perPage', 'maxBytes', 'pageMs'];
      for (const k of Object.keys(sh)) if (!known.includes(k)) throw new ConfigError(file, `screenshots.${k}`, `unknown field (known: ${known.join(', ')})`);
      if (sh.enabled !== undefined) {
        if (typeof sh.enabled !== 'boolean') throw new ConfigError(file, 'screenshots.enabled', `expected true or false, got ${JSON.stringify(sh.enabled)}`);
        cfg.screenshots.enabled = sh.enabled;
      }
      if (sh.perRule !== undefined) cfg.screenshots.perRule = num(file, 'screenshots.perRule', sh.perRule, 1, LIMITS.screenshotsPerRule, true);
      if (sh.perPage !== undefined) cfg.screenshots.perPage = num(file, 'screenshots.perPage', sh.perPage, 1, LIMITS.screenshotsPerPage, true);
      if (sh.maxBytes !== undefined) cfg.screenshots.maxBytes = num(file, 'screenshots.maxBytes', sh.maxBytes, LIMITS.screenshotBytes.min, LIMITS.screenshotBytes.max, true);
      if (sh.pageMs !== undefined) cfg.screenshots.pageMs = num(file, 'screenshots.pageMs', sh.pageMs, 100, LIMITS.screenshotPageMs, true);
    }
  }
  if (json.userAgent !== undefined) {
    if (typeof json.userAgent !== 'string') throw new ConfigError(file, 'userAgent', 'expected a string');
    // Sent as an HTTP header on every request: CR/LF would split it, other controls break it.
    if (/[\u0000-\u001f\u007f]/.test(json.userAgent)) throw new ConfigError(file, 'userAgent', 'contains a control character (CR, LF, tab…); a header value must be one line of printable text');
    if (json.userAgent.trim() === '') throw new ConfigError(file, 'userAgent', 'is empty (leave it out to use the default)');
    if (json.userAgent.length > LIMITS.userAgentLength) throw new ConfigError(file, 'userAgent', `is ${json.userAgent.length} characters long (at most ${LIMITS.userAgentLength})`);
    cfg.userAgent = json.userAgent;
  }
  return cfg;
}

/**
 * Rule ids in a config must exist: `rules`, `disabledRules` and `waivers` are checked against the registry
 * (passed in, since core cannot import rules). A 'prefix/*' pattern must match at least one rule.
 */
export function validateRuleIds(cfg: GovcheckConfig, isKnown: (id: string) => boolean, allIds: readonly string[], file = 'config'): void {
  const known = (id: string) => (id.endsWith('/*') ? allIds.some((r) => r.startsWith(id.slice(0, -1))) : isKnown(id));
  const hint = 'unknown rule id (see `govcheck rules`)';
  for (const id of Object.keys(cfg.ruleOptions.rules)) if (!known(id)) throw new ConfigError(file, `rules.${id}`, hint);
  // disabledRules holds both `rules: { id: "off" }` and the `disabledRules` list; name the path it came from.
  for (const id of cfg.disabledRules) if (!known(id)) throw new ConfigError(file, cfg.disabledFrom?.[id] ?? `rules.${id}`, hint);
  cfg.waivers.forEach((w, i) => {
    if (!known(w.rule)) throw new ConfigError(file, `waivers[${i}].rule`, `${hint}: "${w.rule}"`);
  });
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The day of `now` in Asia/Taipei, YYYY-MM-DD. */

/** A waiver with an `expires` day before the reference date's day (Asia/Taipei) no longer applies. */
export function waiverExpired(w: Waiver, now: Date): boolean {
  return w.expires !== undefined && w.expires < taipeiDateOf(now);
}

/** Waivers that stopped applying at `now`, with their index in the config, for a warning that says so. */
export function expiredWaivers(waivers: Waiver[], now: Date): { index: number; waiver: Waiver }[] {
  return waivers.map((waiver, index) => ({ index, waiver })).filter((x) => waiverExpired(x.waiver, now));
}

/** '*' matches any run of characters; everything else is literal. */
export function urlMatches(pattern: string | undefined, url: string): boolean {
  if (!pattern) return true;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(url);
}
