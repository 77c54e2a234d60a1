// One browser per worker process, shared by the sites checked at once (a context each). The browser
// is recycled after N pages (long-lived Chromium grows) and relaunched when it crashes or is killed.
import { timerMs } from '../core/timers.ts';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChrome, resolveChromePath } from './chrome.ts';

/**
 * The page browser's renderers keep a 2 MB young generation instead of V8's default (up to 16 MB per
 * semi-space). Three page loops' renderers held 470–520 MB at a 20-site sweep's peak, 374 MB with it
 * (bench:sweep, README "National scale"); axe-core allocates in bursts and gains little from a large
 * nursery. Only this browser: Lighthouse's keeps V8's defaults, since its traces are the measurement.
 */
const PAGE_BROWSER_FLAGS = ['--js-flags=--max-semi-space-size=2'];

export interface BrowserHostOptions {
  chromePath?: string | null;
  /** Relaunch after this many pages (default 300). */
  recycleAfterPages?: number;
  /** Let Playwright close the browser on SIGINT/SIGTERM/SIGHUP (default true); false when the process handles signals itself. */
  handleSignals?: boolean;
}

const LAUNCH_TIMEOUT_MS = 60_000;
const CONTEXT_TIMEOUT_MS = 20_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s: browser has been closed or wedged`)), timerMs(ms));
    }),
  ]).finally(() => clearTimeout(timer));
}

interface Generation {
  browser: Browser;
  pages: number;
  active: number;
  retired: boolean;
  alive: boolean;
  /** Rejects when the browser disconnects (crash, kill): pending page work races it. */
  died: Promise<never>;
}

export interface LeasedContext {
  context: BrowserContext;
  /** Count a page against the recycling budget. */
  countPage(): void;
  /** True when the browser behind this context died (crash, kill). */
  browserDied(): boolean;
  /** Rejects when the browser behind this context dies; race long page work against it. */
  died: Promise<never>;
  release(): Promise<void>;
}

export class BrowserHost {
  readonly chromePath: string;
  private readonly recycleAfter: number;
  private readonly handleSignals: boolean;
  private current: Generation | null = null;
  private launching: Promise<Generation> | null = null;
  private closed = false;
  launches = 0;
  private versionString: string | null = null;

  constructor(opts: BrowserHostOptions = {}) {
    this.chromePath = resolveChromePath(opts.chromePath);
    this.recycleAfter = opts.recycleAfterPages ?? 300;
    this.handleSignals = opts.handleSignals ?? true;
  }

  get version(): string | null {
    return this.versionString;
  }

  private async generation(): Promise<Generation> {
    if (this.closed) throw new Error('browser host is closed');
    const g = this.current;
    if (g && g.alive && !g.retired) return g;
    if (!this.launching) {
      this.launching = this.launch().finally(() => {
        this.launching = null;
      });
    }
    return this.launching;
  }

  private async launch(): Promise<Generation> {
    const browser = await withTimeout(launchChrome(this.chromePath, PAGE_BROWSER_FLAGS, { handleSignals: this.handleSignals }), LAUNCH_TIMEOUT_MS, 'browser launch');
    this.launches++;
    this.versionString = browser.version();
    let markDied!: (e: Error) => void;
    const died = new Promise<never>((_, reject) => (markDied = reject));
    died.catch(() => undefined);
    const g: Generation = { browser, pages: 0, active: 0, retired: false, alive: true, died };
    browser.on('disconnected', () => {
      g.alive = false;
      markDied(new Error('browser has disconnected (crashed or killed)'));
    });
    this.current = g;
    return g;
  }

  async lease(options: BrowserContextOptions): Promise<LeasedContext> {
    let g = await this.generation();
    let context: BrowserContext;
    try {
      context = await withTimeout(g.browser.newContext(options), CONTEXT_TIMEOUT_MS, 'new browser context');
    } catch (e) {
      // The browser died or wedged between launch and use: one fresh launch, then give up loudly.
      this.discard(g);
      g = await this.generation();
      context = await withTimeout(g.browser.newContext(options), CONTEXT_TIMEOUT_MS, 'new browser context');
    }
    g.active++;
    let released = false;
    return {
      context,
      countPage: () => {
        g.pages++;
        if (g.pages >= this.recycleAfter) g.retired = true;
      },
      browserDied: () => !g.alive,
      died: g.died,
      release: async () => {
        if (released) return;
        released = true;
        await withTimeout(context.close(), CONTEXT_TIMEOUT_MS, 'context close').catch(() => this.discard(g));
        g.active--;
        if ((g.retired || !g.alive) && g.active === 0) await g.browser.close().catch(() => undefined);
      },
    };
  }

  /** Abandon a wedged or dead browser: later leases get a fresh one. */
  discard(g: Generation | null = this.current): void {
    if (!g) return;
    g.alive = false;
    if (this.current === g) this.current = null;
    void g.browser.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const g = this.current;
    this.current = null;
    if (g) await g.browser.close().catch(() => undefined);
  }

  /** The browser new leases would use (tests crash it on purpose). */
  currentBrowser(): Browser | null {
    return this.current?.browser ?? null;
  }
}
