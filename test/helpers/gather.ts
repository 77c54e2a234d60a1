// One page gathered by the real page gatherer in real Chromium, without a site check around it: for
// tests of a gathering step (settling, the 320 px layout). One browser and context per test file.
import type { Browser, BrowserContext } from 'playwright-core';
import type { PageArtifacts } from '../../core/types.ts';
import { launchChrome, resolveChromePath } from '../../worker/chrome.ts';
import { gatherPage, RequestLog, type GatherOptions } from '../../worker/page-gatherer.ts';

export class PageGatherer {
  private browser: Browser | null = null;
  private context: BrowserContext | null = null;

  constructor(readonly options: GatherOptions) {}

  async start(): Promise<void> {
    this.browser = await launchChrome(resolveChromePath());
    this.context = await this.browser.newContext({ viewport: { width: 1280, height: 900 } });
  }

  /** A bare page of the shared context, for a test that drives the browser itself. */
  newPage() {
    return this.context!.newPage();
  }

  /** Loads `url` in a fresh page of the shared context and returns its artifacts. */
  async gather(url: string): Promise<PageArtifacts> {
    const p = await this.newPage();
    const log = new RequestLog();
    log.attach(p);
    try {
      return (await gatherPage(p, url, log, this.options)).artifacts;
    } finally {
      await p.close();
    }
  }

  async close(): Promise<void> {
    await this.context?.close();
    await this.browser?.close();
  }
}
