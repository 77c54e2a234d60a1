// Loads one page once and gathers every artifact the rules need: response, DOM, links, images, text,
// meta, CSS, layout, vitals, axe-core results and the first tab stops. Rules never touch the browser.
import { timerMs } from '../core/timers.ts';
import type { Page, Response } from 'playwright-core';
import type { AxeArtifact, FocusStop, PageArtifacts, RequestIssue } from '../core/types.ts';
import { runAxe, type AxeRunOptions } from './axe-runner.ts';
import { PageTimeoutError } from './failure.ts';
import { inPageSource, SERIALISE_WITH_REFS, withIdentity } from './gatherers/in-page.ts';
import { inPageArtifactsOf, inPageArtifactsScript } from './gatherers/page-artifacts.ts';
import { measureNarrowLayout } from './gatherers/narrow-layout.ts';
import { SCROLL_DEFAULTS, scrollThrough } from './gatherers/scroll-through.ts';
import { PopupLog } from './gatherers/popups.ts';
import { NavigationWatch } from './gatherers/settle.ts';

const FOCUS_STOP = withIdentity(inPageSource('focus-stop.js'));
export const VITALS_INIT_SOURCE = inPageSource('vitals-init.js');

const MAX_HTML = 3_000_000;
const SETTLE_MS = 2_500;
/** Late requests (lazy images, analytics, XHR content) usually start within this window after load. */
const QUIET_MS = 100;
const TAB_STOPS = 3;

export interface GatherOptions {
  sampledBecause: string;
  navigationMs: number;
  /** Hard cap on the whole page (load + gather + axe). */
  pageMs: number;
  /** Run axe-core (accessibility category). */
  axe: Omit<AxeRunOptions, 'timeoutMs'> | null;
  /** Press Tab to record the first tab stops (skip link rules). */
  focusOrder: boolean;
  /** Measure horizontal overflow at a 320 px viewport (mobile rules). */
  narrowLayout: boolean;
  /** Optional in-page artifacts to gather (stylesheets, tables, …; see gather-plan.ts); absent: all. */
  inPage?: readonly string[];
}

export interface GatherOutcome {
  artifacts: PageArtifacts;
  response: Response | null;
}

/** Mixed-content and failed-request events of the current document, collected by the site checker. */
export class RequestLog {
  issues: RequestIssue[] = [];
  /** Windows the page opened by itself (blocked or closed; see gatherers/popups.ts). */
  readonly popups = new PopupLog();
  /** Requests started and not yet finished: "settled" means none for a short quiet window. */
  inflight = new Set<unknown>();
  attach(page: Page): void {
    page.on('request', (r) => this.inflight.add(r));
    page.on('requestfinished', (r) => this.inflight.delete(r));
    page.on('requestfailed', (r) => this.inflight.delete(r));
    page.on('console', (m) => {
      const text = m.text();
      if (/Mixed Content/i.test(text)) {
        const url = /requested an insecure [\w\s-]*'([^']+)'/.exec(text)?.[1] ?? '';
        this.issues.push({ url, resourceType: 'unknown', kind: 'mixed-content', detail: text.slice(0, 300) });
      }
    });
    page.on('requestfailed', (r) => {
      if (this.issues.length > 200) return;
      const failure = r.failure()?.errorText ?? 'failed';
      if (/ERR_ABORTED|blockedbyclient/i.test(failure)) return;
      this.issues.push({ url: r.url(), resourceType: r.resourceType(), kind: /mixed/i.test(failure) ? 'mixed-content' : 'failed', detail: failure });
    });
  }
  /** Resolves once no request has been in flight for `quietMs`, or after `capMs` at most. */
  async settle(quietMs: number, capMs: number): Promise<void> {
    const until = Date.now() + capMs;
    let quietSince = this.inflight.size === 0 ? Date.now() : 0;
    while (Date.now() < until) {
      if (this.inflight.size === 0) {
        if (!quietSince) quietSince = Date.now();
        if (Date.now() - quietSince >= quietMs) return;
      } else quietSince = 0;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  take(): RequestIssue[] {
    const out = this.issues;
    this.issues = [];
    return out;
  }
}

function withDeadline<T>(promise: Promise<T>, deadline: number, phase: string, budget: number): Promise<T> {
  promise.catch(() => undefined);
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new PageTimeoutError(phase, budget));
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PageTimeoutError(phase, budget)), timerMs(left));
    }),
  ]).finally(() => clearTimeout(timer));
}

async function recordFocusOrder(page: Page): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur(); window.scrollTo(0, 0)');
  for (let i = 0; i < TAB_STOPS; i++) {
    await page.keyboard.press('Tab');
    const stop = (await page.evaluate(FOCUS_STOP)) as FocusStop | null;
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

export async function gatherPage(page: Page, url: string, log: RequestLog, opts: GatherOptions): Promise<GatherOutcome> {
  const watch = await NavigationWatch.start(page);
  try {
    return await gatherSettled(page, url, log, opts, watch);
  } finally {
    await watch.release();
  }
}

async function gatherSettled(page: Page, url: string, log: RequestLog, opts: GatherOptions, watch: NavigationWatch): Promise<GatherOutcome> {
  const started = Date.now();
  const deadline = started + opts.pageMs;
  const gatherErrors: string[] = [];
  log.take();
  log.inflight.clear();

  let response: Response | null;
  try {
    response = await withDeadline(page.goto(url, { waitUntil: 'domcontentloaded', timeout: timerMs(opts.navigationMs) }), deadline, 'page load', opts.pageMs);
  } catch (e) {
    if (/Timeout \d+ms exceeded/.test((e as Error).message)) throw new PageTimeoutError('navigation', opts.navigationMs);
    throw e;
  }
  const navigationMs = Date.now() - started;

  // Settle: wait for load and a quiet network, each capped, never a fixed sleep; follow client redirects.
  const settleStart = Date.now();
  const waitLoaded = async () => {
    await page.waitForLoadState('load', { timeout: timerMs(Math.min(opts.navigationMs, Math.max(1, deadline - Date.now()))) }).catch(() => gatherErrors.push('load event did not fire in time'));
    await log.settle(QUIET_MS, Math.min(SETTLE_MS, Math.max(0, deadline - Date.now())));
  };
  const settled = await withDeadline(watch.settle(response, url, { waitLoaded, deadline, navigationMs: opts.navigationMs }), deadline, 'settling', opts.pageMs);
  response = settled.response;
  const settleMs = Date.now() - settleStart;
  // Content that waits to be scrolled into view (animate-on-scroll, lazy sections and images) into the DOM.
  const scrollCap = Math.min(SCROLL_DEFAULTS.capMs, Math.max(0, (deadline - Date.now()) / 4));
  const { ms: scrollMs } = await scrollThrough(page, (cap) => log.settle(QUIET_MS, cap), { ...SCROLL_DEFAULTS, capMs: scrollCap });

  const gatherStart = Date.now();
  const headers = response ? await response.allHeaders().catch(() => ({}) as Record<string, string>) : {};
  // A frameset page's frames are inlined first in the same round trip (gathered as one body).
  const { artifacts: raw, frameset, moduleMs } = inPageArtifactsOf(
    await withDeadline(page.evaluate(inPageArtifactsScript({ maxLinks: 3000, maxImages: 800, maxText: 400_000, maxCss: 1_500_000 }, opts.inPage)), deadline, 'gathering', opts.pageMs),
  );
  let gatherMs = Date.now() - gatherStart;

  let axe: AxeArtifact | null = null;
  const axeStart = Date.now();
  if (opts.axe) {
    try {
      axe = await withDeadline(runAxe(page, { ...opts.axe, timeoutMs: Math.max(1000, deadline - Date.now()) }), deadline, 'axe-core', opts.pageMs);
    } catch (e) {
      gatherErrors.push(`axe-core: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const axeMs = Date.now() - axeStart;

  const lateStart = Date.now();
  const gatherSteps: Record<string, number> = { ...moduleMs };
  const took = (name: string, started: number) => (gatherSteps[name] = Date.now() - started);
  let focusOrder: FocusStop[] = [];
  if (opts.focusOrder) {
    const focusStart = Date.now();
    focusOrder = await withDeadline(recordFocusOrder(page), deadline, 'focus order', opts.pageMs).catch((e) => {
      gatherErrors.push(`focus order: ${(e as Error).message.split('\n')[0]}`);
      return [];
    });
    took('focusOrder', focusStart);
  }
  if (opts.narrowLayout) {
    const narrowStart = Date.now();
    const narrow = await withDeadline(measureNarrowLayout(page, Math.min(opts.navigationMs, Math.max(1000, deadline - Date.now()))), deadline, 'narrow layout', opts.pageMs).catch(() => null);
    raw.layout.narrowScrollWidth = narrow?.scrollWidth ?? null;
    raw.layout.narrowOverflow = narrow?.overflow ?? null;
    took('narrowLayout', narrowStart);
  }
  const serialiseStart = Date.now();
  // page.content() with the reported elements' refs: rules join their DOM to the records by them.
  let html = (await withDeadline(page.evaluate(SERIALISE_WITH_REFS), deadline, 'DOM serialisation', opts.pageMs)) as string;
  if (html.length > MAX_HTML) html = html.slice(0, MAX_HTML);
  took('serialise', serialiseStart);
  gatherMs += Date.now() - lateStart;

  const artifacts: PageArtifacts = {
    url,
    finalUrl: page.url(),
    sampledBecause: opts.sampledBecause,
    httpStatus: response?.status() ?? null,
    headers,
    redirects: settled.redirects,
    ...(settled.refresh ? { clientRefresh: settled.refresh } : {}),
    ...(frameset ? { frameset } : {}),
    contentType: headers['content-type'] ?? null,
    html,
    ...raw,
    axe,
    focusOrder,
    requestIssues: log.take(),
    timings: { navigationMs, settleMs, scrollMs, axeMs, gatherMs, totalMs: Date.now() - started, gatherSteps },
    gatherErrors,
  };
  return { artifacts, response };
}
