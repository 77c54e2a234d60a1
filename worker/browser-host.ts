// One browser per worker process, shared by the sites checked at once (a context each). The browser
// is recycled after N pages (long-lived Chromium grows) and relaunched when it crashes or is killed.
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChrome, resolveChromePath } from './chrome.ts';

export interface BrowserHostOptions {
  chromePath?: string | null;
  /** Relaunch after this many pages (default 300). */
  recycleAfterPages?: number;
}

interface Generation {
  browser: Browser;
  pages: number;
  active: number;
  retired: boolean;
  alive: boolean;
}

export interface LeasedContext {
  context: BrowserContext;
  /** Count a page against the recycling budget. */
  countPage(): void;
  /** True when the browser behind this context died (crash, kill). */
  browserDied(): boolean;
  release(): Promise<void>;
}

export class BrowserHost {
  readonly chromePath: string;
  private readonly recycleAfter: number;
  private current: Generation | null = null;
  private launching: Promise<Generation> | null = null;
  private closed = false;
  launches = 0;
  private versionString: string | null = null;

  constructor(opts: BrowserHostOptions = {}) {
    this.chromePath = resolveChromePath(opts.chromePath);
    this.recycleAfter = opts.recycleAfterPages ?? 300;
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
    const browser = await launchChrome(this.chromePath);
    this.launches++;
    this.versionString = browser.version();
    const g: Generation = { browser, pages: 0, active: 0, retired: false, alive: true };
    browser.on('disconnected', () => {
      g.alive = false;
    });
    this.current = g;
    return g;
  }

  async lease(options: BrowserContextOptions): Promise<LeasedContext> {
    let g = await this.generation();
    let context: BrowserContext;
    try {
      context = await g.browser.newContext(options);
    } catch (e) {
      // The browser died between launch and use: one fresh launch, then give up loudly.
      g.alive = false;
      g = await this.generation();
      context = await g.browser.newContext(options);
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
      release: async () => {
        if (released) return;
        released = true;
        await context.close().catch(() => undefined);
        g.active--;
        if ((g.retired || !g.alive) && g.active === 0) await g.browser.close().catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const g = this.current;
    this.current = null;
    if (g) await g.browser.close().catch(() => undefined);
  }

  /** Test hook and operator tool: the PID-less way to find the browser process is its wsEndpoint; we expose the Browser. */
  currentBrowser(): Browser | null {
    return this.current?.browser ?? null;
  }
}
