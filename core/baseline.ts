// `check --baseline <previous JSON report>`: mark each finding new or unchanged (fingerprint match) and
// list the fixed ones, so a legacy site can adopt govcheck and fail only on what a change introduced.
// Pure: the CLI reads the file and hands the parsed JSON in.
import type { CheckReport, FixedFinding, Severity, SiteResult } from './types.ts';
import { SEVERITIES } from './types.ts';

export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

interface BaselineFinding {
  rule: string;
  category: string;
  severity: Severity;
  selector: string | null;
  message: string;
  fingerprint: string;
}

interface BaselineSite {
  url: string;
  status: string;
  categories: string[] | null;
  pages: { url: string; findings: BaselineFinding[] }[];
}

export interface Baseline {
  sites: BaselineSite[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a previous `check --format json` report; the error names the first bad field. */
export function parseBaseline(json: unknown): Baseline {
  const fail = (at: string, what: string): never => {
    throw new BaselineError(`${at}: ${what}`);
  };
  if (!isObject(json)) fail('(root)', 'expected the JSON report of govcheck check --format json');
  const root = json as Record<string, unknown>;
  if (isObject(root.tool) && root.tool.name !== undefined && root.tool.name !== 'govcheck') fail('tool.name', 'not a govcheck report');
  if (!Array.isArray(root.sites)) fail('sites', 'expected an array (is this a govcheck check --format json report?)');
  const sites = (root.sites as unknown[]).map((s, i): BaselineSite => {
    const at = `sites[${i}]`;
    if (!isObject(s)) return fail(at, 'expected an object');
    if (typeof s.url !== 'string') fail(`${at}.url`, 'expected a string');
    if (!Array.isArray(s.pages)) fail(`${at}.pages`, 'expected an array');
    const categories = Array.isArray(s.categories) ? s.categories.filter((c): c is string => typeof c === 'string') : null;
    const pages = (s.pages as unknown[]).map((p, j) => {
      const pat = `${at}.pages[${j}]`;
      if (!isObject(p)) return fail(pat, 'expected an object');
      if (typeof p.url !== 'string') fail(`${pat}.url`, 'expected a string');
      if (!Array.isArray(p.findings)) fail(`${pat}.findings`, 'expected an array');
      const findings = (p.findings as unknown[]).map((f, k): BaselineFinding => {
        const fat = `${pat}.findings[${k}]`;
        if (!isObject(f)) return fail(fat, 'expected an object');
        if (typeof f.fingerprint !== 'string' || !f.fingerprint) fail(`${fat}.fingerprint`, 'expected a string');
        if (typeof f.rule !== 'string') fail(`${fat}.rule`, 'expected a string');
        const severity = (SEVERITIES as readonly unknown[]).includes(f.severity) ? (f.severity as Severity) : 'moderate';
        return {
          rule: f.rule as string,
          category: typeof f.category === 'string' ? f.category : (f.rule as string).split('/')[0],
          severity,
          selector: typeof f.selector === 'string' ? f.selector : null,
          message: typeof f.message === 'string' ? f.message : '',
          fingerprint: f.fingerprint as string,
        };
      });
      return { url: p.url as string, findings };
    });
    return { url: s.url as string, status: typeof s.status === 'string' ? s.status : 'ok', categories, pages };
  });
  return { sites };
}

/** A page's identity across runs: path and query (a CI server may listen on another port each time). */
function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function counterpart(site: SiteResult, baseline: Baseline, sites: SiteResult[]): BaselineSite | null {
  const exact = baseline.sites.find((b) => b.url === site.url);
  if (exact) return exact;
  const byPath = baseline.sites.filter((b) => pageKey(b.url) === pageKey(site.url));
  if (byPath.length === 1 && sites.filter((s) => pageKey(s.url) === pageKey(site.url)).length === 1) return byPath[0];
  return baseline.sites.length === 1 && sites.length === 1 ? baseline.sites[0] : null;
}

/** Marks every finding of every checked site and attaches the per-site summary (in place). */
export function applyBaseline(report: CheckReport, baseline: Baseline): void {
  for (const site of report.sites) {
    if (site.status !== 'ok') continue;
    const base = counterpart(site, baseline, report.sites);
    const known = new Set(base && base.status === 'ok' ? base.pages.flatMap((p) => p.findings.map((f) => f.fingerprint)) : []);
    let added = 0;
    let unchanged = 0;
    const current = new Set<string>();
    for (const p of site.pages) {
      for (const f of p.findings) {
        current.add(f.fingerprint);
        f.baseline = known.has(f.fingerprint) ? 'unchanged' : 'new';
        if (f.baseline === 'new') added++;
        else unchanged++;
      }
    }
    const fixed: FixedFinding[] = [];
    let unseen = 0;
    const pagesNow = new Set(site.pages.map((p) => pageKey(p.url)));
    const reported = new Set<string>();
    for (const p of base?.status === 'ok' ? base.pages : []) {
      for (const f of p.findings) {
        if (current.has(f.fingerprint) || reported.has(f.fingerprint)) continue;
        reported.add(f.fingerprint);
        // "Not seen" is not "fixed": the category must have run and the page been checked again.
        if (!site.categories.includes(f.category as SiteResult['categories'][number]) || !pagesNow.has(pageKey(p.url))) {
          unseen++;
          continue;
        }
        fixed.push({ rule: f.rule, severity: f.severity, page: p.url, selector: f.selector, message: f.message, fingerprint: f.fingerprint });
      }
    }
    site.baseline = { url: base?.url ?? null, new: added, unchanged, fixed, unseen };
  }
}

/** Findings that fail a build run with a baseline: new ones of severity serious or critical. */
export function newBlockingFindings(report: CheckReport): number {
  let n = 0;
  for (const s of report.sites) for (const p of s.pages) for (const f of p.findings) if (f.baseline === 'new' && (f.severity === 'critical' || f.severity === 'serious')) n++;
  return n;
}
