// A Lighthouse result (LHR, several MB with screenshots and traces' summaries) reduced to what
// govcheck stores: category scores, headline metrics, and the failing audits. A sweep of thousands
// of pages stays small because nothing else is kept.
import type { LighthouseSlim, Localized } from '../../core/types.ts';

/** The few LHR fields we read; structural so tests can build one by hand. */
export interface LhrLike {
  lighthouseVersion: string;
  requestedUrl?: string;
  finalDisplayedUrl?: string;
  mainDocumentUrl?: string;
  runtimeError?: { code: string; message: string };
  environment?: { benchmarkIndex?: number; hostUserAgent?: string };
  configSettings?: { formFactor?: string; locale?: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<string, LhrAudit>;
  i18n?: { icuMessagePaths?: Record<string, (string | { path: string; values?: unknown })[]> };
}

export interface LhrAudit {
  id: string;
  title: string;
  description?: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  numericUnit?: string;
  metricSavings?: Partial<Record<'LCP' | 'FCP' | 'TBT' | 'CLS' | 'INP', number>>;
  details?: { overallSavingsMs?: number; overallSavingsBytes?: number };
}

/** Below this score an audit counts as failing (Lighthouse paints 0.9+ green). */
export const PASSING_SCORE = 0.9;
const UNSCORED_MODES = new Set(['informative', 'notApplicable', 'manual', 'error']);
const SCORE_KEYS = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export function isFailingAudit(a: LhrAudit): boolean {
  return a.score !== null && a.score < PASSING_SCORE && !UNSCORED_MODES.has(a.scoreDisplayMode);
}

/** Audit id → the category that lists it (performance wins when an audit is in several). */
function categoryOfAudits(lhr: LhrLike): Map<string, string> {
  const out = new Map<string, string>();
  const names = Object.keys(lhr.categories).sort((a, b) => (a === 'performance' ? -1 : b === 'performance' ? 1 : 0));
  for (const name of names) for (const ref of lhr.categories[name].auditRefs) if (!out.has(ref.id)) out.set(ref.id, name);
  return out;
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const metric = (lhr: LhrLike, id: string) => numberOrNull(lhr.audits[id]?.numericValue);

/** Lighthouse descriptions end with "[Learn more …](url)". */
export function learnMoreUrl(description: string | undefined): string | null {
  const m = /\]\((https?:\/\/[^)\s]+)\)/.exec(description ?? '');
  return m ? m[1] : null;
}

/** 'Mozilla/5.0 … HeadlessChrome/156.0.8078.1 Safari/537.36' → '156.0.8078.1'. */
export function chromiumVersionOf(userAgent: string | undefined): string | null {
  return /(?:Headless)?Chrom(?:e|ium)\/([\d.]+)/.exec(userAgent ?? '')?.[1] ?? null;
}

export interface SlimOptions {
  url: string;
  formFactor: 'mobile' | 'desktop';
  durationMs: number;
  /** Titles of the failing audits in the other language, keyed by audit id (see otherLocaleTitles). */
  otherTitles?: Map<string, string>;
}

export function slimLhr(lhr: LhrLike, opts: SlimOptions): LighthouseSlim {
  const runLocale = lhr.configSettings?.locale === 'zh-TW' ? 'zh-TW' : 'en';
  const categoryOf = categoryOfAudits(lhr);
  const scores: LighthouseSlim['scores'] = {};
  for (const key of SCORE_KEYS) if (lhr.categories[key]) scores[key] = numberOrNull(lhr.categories[key].score);
  const runtimeError = lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null;
  const failingAudits = runtimeError
    ? []
    : Object.values(lhr.audits)
        .filter((a) => isFailingAudit(a) && categoryOf.has(a.id))
        .map((a) => {
          const other = opts.otherTitles?.get(a.id) ?? a.title;
          const titles: Localized = runLocale === 'zh-TW' ? { 'zh-TW': a.title, en: other } : { 'zh-TW': other, en: a.title };
          const savingsMs = numberOrNull(a.details?.overallSavingsMs) ?? maxSavingsMs(a.metricSavings);
          return {
            id: a.id,
            title: a.title,
            score: a.score,
            displayValue: a.displayValue ?? null,
            savingsMs: savingsMs !== null ? Math.round(savingsMs) : null,
            savingsBytes: numberOrNull(a.details?.overallSavingsBytes) !== null ? Math.round(a.details!.overallSavingsBytes!) : null,
            titles,
            category: categoryOf.get(a.id),
            helpUrl: learnMoreUrl(a.description),
            numericValue: numberOrNull(a.numericValue),
            numericUnit: a.numericUnit ?? null,
          };
        })
        .sort((x, y) => (x.score ?? 0) - (y.score ?? 0) || (y.savingsMs ?? 0) - (x.savingsMs ?? 0));
  return {
    url: opts.url,
    finalUrl: lhr.finalDisplayedUrl ?? lhr.mainDocumentUrl ?? null,
    // What the run actually emulated (the desktop config sets it), else what was asked for.
    formFactor: lhr.configSettings?.formFactor === 'desktop' || lhr.configSettings?.formFactor === 'mobile' ? lhr.configSettings.formFactor : opts.formFactor,
    lighthouseVersion: lhr.lighthouseVersion,
    benchmarkIndex: numberOrNull(lhr.environment?.benchmarkIndex),
    runtimeError,
    scores,
    metrics: runtimeError
      ? { lcpMs: null, cls: null, tbtMs: null, fcpMs: null, speedIndexMs: null, ttiMs: null, transferBytes: null }
      : {
          lcpMs: metric(lhr, 'largest-contentful-paint'),
          cls: metric(lhr, 'cumulative-layout-shift'),
          tbtMs: metric(lhr, 'total-blocking-time'),
          fcpMs: metric(lhr, 'first-contentful-paint'),
          speedIndexMs: metric(lhr, 'speed-index'),
          ttiMs: metric(lhr, 'interactive'),
          transferBytes: metric(lhr, 'total-byte-weight'),
        },
    failingAudits,
    durationMs: Math.round(opts.durationMs),
    runs: 1,
    chromiumVersion: chromiumVersionOf(lhr.environment?.hostUserAgent),
  };
}

/** Timing savings of an audit without overallSavingsMs: the largest of its LCP/FCP/TBT savings. */
function maxSavingsMs(s: LhrAudit['metricSavings']): number | null {
  if (!s) return null;
  const values = [s.LCP, s.FCP, s.TBT, s.INP].filter((v): v is number => typeof v === 'number' && v > 0);
  return values.length ? Math.max(...values) : null;
}

/** A slim record for a run that never produced an LHR (crash, timeout, protocol error). */
export function failedSlim(url: string, formFactor: 'mobile' | 'desktop', error: string, durationMs: number, lighthouseVersion: string): LighthouseSlim {
  return {
    url,
    finalUrl: null,
    formFactor,
    lighthouseVersion,
    benchmarkIndex: null,
    runtimeError: error,
    scores: {},
    metrics: { lcpMs: null, cls: null, tbtMs: null, fcpMs: null, speedIndexMs: null, ttiMs: null, transferBytes: null },
    failingAudits: [],
    durationMs: Math.round(durationMs),
    runs: 1,
    chromiumVersion: null,
  };
}

/**
 * The median run by performance score (Lighthouse CI's way to steady noisy numbers). Runs with a
 * runtime error only count when every run failed; ties order by LCP so the choice is stable.
 */
export function medianRun(runs: LighthouseSlim[]): LighthouseSlim {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const ok = runs.filter((r) => !r.runtimeError);
  const pool = ok.length ? ok : runs;
  const sorted = [...pool].sort(
    (a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1) || (b.metrics.lcpMs ?? 0) - (a.metrics.lcpMs ?? 0),
  );
  const chosen = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...chosen, runs: runs.length, durationMs: runs.reduce((s, r) => s + r.durationMs, 0) };
}
