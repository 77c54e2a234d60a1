// Pages that navigate on their own after loading: a <meta http-equiv="refresh"> (immediate or delayed,
// valid or malformed URL) or a script that sets `location`. Old agency domains and moved portals do
// exactly this. Before anything is gathered the page is settled:
// - a client redirect is followed (by the browser when it fires during load, by us when it is delayed up
//   to FOLLOW_MAX_DELAY_S) and recorded as a hop with its kind, like an HTTP redirect; the sampled-page
//   rules of the site checker (same origin, guard proxy) apply to where it lands, as for HTTP;
// - a page that refreshes itself, refreshes after a long delay, or names a malformed URL stays as the
//   browser shows it: the pending refresh is cancelled (window.stop() after load) and recorded;
// - while the page is gathered, main-frame navigations are refused (a late script redirect would destroy
//   the execution context mid-gather), so a page the browser shows never turns into an error.
import type { CDPSession, Page, Request, Response, Route } from 'playwright-core';
import type { ClientRefresh, RedirectHop } from '../../core/types.ts';

/** Delayed meta refreshes to another page up to this many seconds are redirects ("moved: 5 秒後自動轉址"). */
export const FOLLOW_MAX_DELAY_S = 30;
/** Client redirects followed in a row at most (then the page is taken as it is). */
export const MAX_CLIENT_HOPS = 5;
/** How long a page whose scripts set `location` gets to do so after it settled. */
const SCRIPT_REDIRECT_WINDOW_MS = 1_500;

/** Parsed content of a meta refresh (HTML "shared declarative refresh steps"). */
export interface ParsedRefresh {
  delaySeconds: number;
  /** Absolute URL, null when none is given (refresh of the page itself). */
  url: string | null;
  /** A URL was given but does not parse. */
  malformed: boolean;
}

/** Parses `5; url='/new/'`, `0;URL=http://x`, `3` … against the document URL; null when not a refresh at all. */
export function parseRefresh(content: string, base: string): ParsedRefresh | null {
  const m = /^\s*(\d+)(?:\.[\d.]*)?\s*(?:[;,]\s*|\s+|$)([\s\S]*)$/.exec(content);
  if (!m) return null;
  const delaySeconds = Number(m[1]);
  let rest = m[2]!.trim();
  if (!rest) return { delaySeconds, url: null, malformed: false };
  rest = rest.replace(/^url\s*=\s*/i, '');
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const end = rest.indexOf(quote, 1);
    rest = end === -1 ? rest.slice(1) : rest.slice(1, end);
  }
  rest = rest.trim();
  if (!rest) return { delaySeconds, url: null, malformed: false };
  try {
    const url = new URL(rest, base);
    if (!/^https?:$/.test(url.protocol)) return { delaySeconds, url: url.href, malformed: true };
    return { delaySeconds, url: url.href, malformed: false };
  } catch {
    return { delaySeconds, url: rest, malformed: true };
  }
}

/** The same document: equal without the fragment. */
export function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/** The refresh a document declared: its Refresh header, else the first <meta http-equiv="refresh"> of its markup. */
const refreshCache = new WeakMap<Response, Promise<string | null>>();
function refreshOf(response: Response | null): Promise<string | null> {
  if (!response) return Promise.resolve(null);
  let p = refreshCache.get(response);
  if (!p) {
    p = readRefresh(response);
    refreshCache.set(response, p);
  }
  return p;
}

async function readRefresh(response: Response): Promise<string | null> {
  const header = (await response.allHeaders().catch(() => ({}) as Record<string, string>))['refresh'];
  if (header) return header;
  const body = await response.text().catch(() => '');
  const meta = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?refresh\b[^>]*>/i.exec(body.slice(0, 200_000))?.[0];
  if (!meta) return null;
  const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(meta);
  return content ? (content[1] ?? content[2] ?? content[3] ?? '') : null;
}

/** HTTP redirect hops that led to `response`, oldest first. */
export async function httpRedirectChain(response: Response | null): Promise<RedirectHop[]> {
  const chain: RedirectHop[] = [];
  let req = response?.request().redirectedFrom() ?? null;
  while (req) {
    const r = await req.response().catch(() => null);
    chain.unshift({ url: req.url(), status: r?.status() ?? 0, kind: 'http' });
    req = req.redirectedFrom();
  }
  return chain;
}

const READ_REFRESH = `(() => {
  const m = document.querySelector('meta[http-equiv="refresh" i]');
  const scripts = Array.from(document.scripts).map((s) => s.text).join('\\n');
  return {
    refresh: m ? m.getAttribute('content') || '' : null,
    setsLocation: /\\blocation(?:\\.href)?\\s*=[^=]|\\blocation\\.(?:replace|assign)\\s*\\(/.test(scripts),
  };
})()`;

export interface SettleOptions {
  /** Waits until the current document has loaded and the network is quiet (capped by the caller). */
  waitLoaded: () => Promise<void>;
  /** Absolute time (ms) the whole page must be done by. */
  deadline: number;
  navigationMs: number;
}

export interface SettleOutcome {
  /** Response of the document finally shown (null when unknown). */
  response: Response | null;
  /** Every hop from the requested URL to the document shown: HTTP, meta-refresh and script. */
  redirects: RedirectHop[];
  /** A refresh or script navigation of the document shown that was not followed. */
  refresh: ClientRefresh | null;
}

/**
 * Watches one gathered page's main-frame navigations. Create it before page.goto, call settle() after the
 * load, and release() when the page has been gathered.
 */
/** Longest wait for detaching the watch from a page. */
const RELEASE_CAP_MS = 2_000;

export class NavigationWatch {
  private readonly navRequests: Request[] = [];
  /** Why the main frame was asked to navigate (Chromium's Page.frameRequestedNavigation), in order. */
  private readonly requested: { reason: string; url: string }[] = [];
  private cdp: CDPSession | null = null;
  private locked = false;
  private routed = false;
  private readonly blocked: { url: string }[] = [];
  private readonly onRequest = (r: Request) => {
    if (r.isNavigationRequest() && r.frame() === this.page.mainFrame()) this.navRequests.push(r);
  };
  /** Document bodies are read as they arrive: a document replaced at once (refresh at 0 s) loses its body. */
  private readonly onResponse = (r: Response) => {
    if (!r.request().isNavigationRequest() || r.frame() !== this.page.mainFrame()) return;
    if (r.status() === 204) this.noDocument.add(r.request());
    else void refreshOf(r);
  };
  /** Navigation requests answered 204 No Content: the current document stays. */
  private readonly noDocument = new Set<Request>();
  private readonly lockHandler = (route: Route) => {
    const r = route.request();
    if (this.locked && r.isNavigationRequest() && r.frame() === this.page.mainFrame()) {
      this.blocked.push({ url: r.url() });
      return route.abort('aborted');
    }
    return route.fallback();
  };

  private constructor(private readonly page: Page) {
    page.on('request', this.onRequest);
    page.on('response', this.onResponse);
  }

  /** Starts watching (before page.goto). The reasons of navigations come from the DevTools protocol. */
  static async start(page: Page): Promise<NavigationWatch> {
    const watch = new NavigationWatch(page);
    try {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.enable');
      const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const main = tree.frameTree.frame.id;
      cdp.on('Page.frameRequestedNavigation', (e: { frameId: string; reason: string; url: string }) => {
        if (e.frameId === main) watch.requested.push({ reason: e.reason, url: e.url });
      });
      watch.cdp = cdp;
    } catch {
      // Without the protocol events every client navigation is recorded as 'script'.
    }
    return watch;
  }

  async release(): Promise<void> {
    this.page.off('request', this.onRequest);
    this.page.off('response', this.onResponse);
    this.locked = false;
    const routed = this.routed;
    this.routed = false;
    // A page wedged in a navigation that never answers may never answer these either: the release is
    // bounded, so a hung page ends as the page's own timeout (the caller then moves to a fresh page).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([this.cdp?.detach().catch(() => undefined), routed ? this.page.unroute('**/*', this.lockHandler).catch(() => undefined) : undefined]),
      new Promise((resolve) => (timer = setTimeout(resolve, RELEASE_CAP_MS))),
    ]).finally(() => clearTimeout(timer));
  }

  /** Refuses main-frame navigations from now on (the page stays as it is while it is gathered). */
  private async lock(): Promise<void> {
    this.locked = true;
    if (!this.routed) {
      this.routed = true;
      await this.page.route('**/*', this.lockHandler);
    }
  }

  private async read(): Promise<{ refresh: string | null; setsLocation: boolean } | null> {
    return (await this.page.evaluate(READ_REFRESH).catch(() => null)) as { refresh: string | null; setsLocation: boolean } | null;
  }

  /** Waits (capped) until the main frame shows the document of the newest navigation request. */
  private async waitForCommit(req: Request, until: number): Promise<void> {
    await Promise.race([req.response().catch(() => null), new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())))]);
    let last = req;
    for (;;) {
      const newest = this.navRequests.at(-1)!;
      if (newest !== last) last = newest;
      const target = last.url();
      if (sameDocument(this.page.url(), target) || !/^https?:/.test(this.page.url()) || Date.now() >= until) return;
      // A failed navigation (blocked, 204) leaves the current document in place.
      if (last.failure() || (await last.response().catch(() => null))?.status() === 204) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async settle(initial: Response | null, requestedUrl: string, opts: SettleOptions): Promise<SettleOutcome> {
    let response = initial;
    const redirects = await httpRedirectChain(initial);
    let docUrl = initial?.url() ?? requestedUrl;
    let docStatus = initial?.status() ?? 0;
    // Navigations after the requested document's own (a script may have moved on before goto returned).
    const own = initial ? this.navRequests.indexOf(initial.request()) : -1;
    let seen = own >= 0 ? own + 1 : this.navRequests.length;
    let seenRequested = 0;
    let refreshOfDoc: string | null = null;
    let refresh: ClientRefresh | null = null;
    let hops = 0;

    const movedTo = (kind: RedirectHop['kind'], delaySeconds?: number) => {
      redirects.push({ url: docUrl, status: docStatus, kind, ...(delaySeconds !== undefined ? { delaySeconds } : {}) });
      hops++;
    };
    /** Takes the newest document (its response and HTTP hops) as the current one. */
    const adopt = async (resp: Response | null, fallbackUrl: string) => {
      response = resp;
      redirects.push(...(await httpRedirectChain(resp)));
      docUrl = resp?.url() ?? fallbackUrl;
      docStatus = resp?.status() ?? 0;
      seen = this.navRequests.length;
    };

    for (;;) {
      refreshOfDoc = await refreshOf(response);
      await opts.waitLoaded();
      let after = await this.read();
      // A script that sets location (on a timer) gets a short window to do so.
      if (after?.setsLocation && this.navRequests.length === seen && hops < MAX_CLIENT_HOPS) {
        const until = Math.min(Date.now() + SCRIPT_REDIRECT_WINDOW_MS, opts.deadline);
        while (this.navRequests.length === seen && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      }

      // 1. Navigations the browser made during the load (a refresh at 0 s, a script): let them finish.
      for (let i = 0; this.navRequests.length > seen && i <= MAX_CLIENT_HOPS && Date.now() < opts.deadline; i++) {
        const count = this.navRequests.length;
        await this.waitForCommit(this.navRequests.at(-1)!, Math.min(opts.deadline, Date.now() + opts.navigationMs));
        await opts.waitLoaded();
        if (this.navRequests.length === count) break;
      }
      // Each client navigation that brought a document is a hop, with the reason Chromium gave for it.
      const fresh = this.navRequests.slice(seen);
      let followed = false;
      for (const req of fresh) {
        const resp = await req.response().catch(() => null);
        if (!resp || (resp.status() >= 300 && resp.status() < 400) || resp.status() === 204) continue;
        if (hops >= MAX_CLIENT_HOPS) break;
        let first = req;
        while (first.redirectedFrom()) first = first.redirectedFrom()!;
        const at = this.requested.findIndex((r, i) => i >= seenRequested && sameDocument(r.url, first.url()));
        const reason = at >= 0 ? this.requested[at]!.reason : '';
        if (at >= 0) seenRequested = at + 1;
        const kind = reason === 'metaTagRefresh' || reason === 'httpHeaderRefresh' ? 'meta-refresh' : 'script';
        const parsed = refreshOfDoc !== null ? parseRefresh(refreshOfDoc, docUrl) : null;
        movedTo(kind, kind === 'meta-refresh' && parsed ? parsed.delaySeconds : undefined);
        await adopt(resp, resp.url());
        refreshOfDoc = await refreshOf(resp);
        followed = true;
      }
      seen = this.navRequests.length;
      if (!/^https?:/.test(this.page.url())) {
        // Chromium shows about:blank#blocked for a refresh to a malformed URL; a browser following the
        // standard ignores such a refresh and keeps the page. Load it again with the refresh cancelled.
        const parsed = refreshOfDoc !== null ? parseRefresh(refreshOfDoc, docUrl) : null;
        refresh = { kind: 'meta-refresh', reason: 'malformed', content: refreshOfDoc, delaySeconds: parsed?.delaySeconds ?? null, url: parsed?.url ?? null };
        response = (await this.reloadWithoutRefresh(docUrl, opts)) ?? response;
        break;
      }
      if (followed) continue;

      // 2. The document settled: refuse navigations from now on, cancel a pending refresh, then decide.
      await this.lock();
      after = (await this.read()) ?? after;
      const content = after?.refresh ?? null;
      // Cancels a pending meta refresh (a malformed URL never reaches the route lock); only then, as
      // stop() also ends loads still running.
      if (content !== null) await this.page.evaluate('window.stop()').catch(() => undefined);
      const parsed = content !== null ? parseRefresh(content, this.page.url()) : null;
      if (parsed && content !== null) {
        const self = !parsed.url || sameDocument(parsed.url, this.page.url());
        if (parsed.malformed) refresh = { kind: 'meta-refresh', reason: 'malformed', content, delaySeconds: parsed.delaySeconds, url: parsed.url };
        else if (self) refresh = { kind: 'meta-refresh', reason: 'self', content, delaySeconds: parsed.delaySeconds, url: parsed.url };
        else if (parsed.delaySeconds > FOLLOW_MAX_DELAY_S) refresh = { kind: 'meta-refresh', reason: 'delayed', content, delaySeconds: parsed.delaySeconds, url: parsed.url };
        else if (this.triedAndFailed(parsed.url!)) refresh = { kind: 'meta-refresh', reason: 'not-followed', content, delaySeconds: parsed.delaySeconds, url: parsed.url };
        else if (hops < MAX_CLIENT_HOPS && Date.now() < opts.deadline) {
          // A delayed redirect the load did not wait for: follow it now, as the visitor would be moved.
          const next = await this.follow(parsed.url!, opts);
          if (next) {
            seenRequested = this.requested.length;
            movedTo('meta-refresh', parsed.delaySeconds);
            await adopt(next, this.page.url());
            refreshOfDoc = null;
            continue;
          }
          refresh = { kind: 'meta-refresh', reason: 'not-followed', content, delaySeconds: parsed.delaySeconds, url: parsed.url };
        }
      }
      const blockedScript = this.blocked.find((b) => !refresh?.url || !sameDocument(b.url, refresh.url));
      if (!refresh && blockedScript) refresh = { kind: 'script', reason: 'late', content: null, delaySeconds: null, url: blockedScript.url };
      break;
    }
    return { response, redirects, refresh };
  }

  /** The browser already tried this target during the load and it brought no document (failed, 204). */
  private triedAndFailed(url: string): boolean {
    return this.navRequests.some((r) => sameDocument(r.url(), url) && (r.failure() !== null || this.noDocument.has(r)));
  }

  /** Our own navigation to a delayed redirect's target; null when it did not load (the page stays). */
  private async follow(url: string, opts: SettleOptions): Promise<Response | null> {
    this.locked = false;
    try {
      const timeout = Math.max(1, Math.min(opts.navigationMs, opts.deadline - Date.now()));
      const resp = await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      return resp && sameDocument(this.page.url(), resp.url()) ? resp : null;
    } catch {
      return null;
    } finally {
      this.locked = this.routed;
    }
  }

  /** Loads the document again with its meta refresh disabled in the served markup. */
  private async reloadWithoutRefresh(url: string, opts: SettleOptions): Promise<Response | null> {
    const handler = async (route: Route) => {
      if (!sameDocument(route.request().url(), url) || !route.request().isNavigationRequest()) return route.fallback();
      const res = await route.fetch();
      const body = (await res.text()).replace(/(<meta\b[^>]*\bhttp-equiv\s*=\s*["']?)refresh\b/gi, '$1x-refresh-cancelled');
      return route.fulfill({ response: res, body });
    };
    await this.page.route(url, handler);
    let resp: Response | null = null;
    try {
      const timeout = Math.max(1, Math.min(opts.navigationMs, opts.deadline - Date.now()));
      resp = await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout }).catch(() => null);
      await opts.waitLoaded();
    } finally {
      await this.page.unroute(url, handler).catch(() => undefined);
    }
    await this.lock();
    return resp;
  }
}
