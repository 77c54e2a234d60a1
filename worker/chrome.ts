// Finding and launching the browser. Browser downloads are impossible on our machines, so we always
// drive an installed Chromium/Chrome with an explicit executablePath: through playwright-core here,
// and started directly by the Lighthouse child (worker/lighthouse/browser.ts), which shares CHROME_FLAGS.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const STANDARD_CHROME_PATHS = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export class ChromeNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      `no Chromium/Chrome found (tried: ${tried.join(', ')}). Install it (Debian: sudo apt-get install -y chromium, or run scripts/setup.sh) ` +
        'or point govcheck at one with --chrome <path> or GOVCHECK_CHROME=<path>.',
    );
    this.name = 'ChromeNotFoundError';
  }
}

/** --chrome, then GOVCHECK_CHROME, then the standard locations. An explicit path must exist. */
export function resolveChromePath(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit || env.GOVCHECK_CHROME;
  if (chosen) {
    if (!existsSync(chosen)) throw new ChromeNotFoundError([chosen]);
    return chosen;
  }
  const found = STANDARD_CHROME_PATHS.find((p) => existsSync(p));
  if (!found) throw new ChromeNotFoundError(STANDARD_CHROME_PATHS);
  return found;
}

/** Flags that work as root in containers and keep Chromium from calling home on a closed network. */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
  '--hide-scrollbars',
  // Chromium 15x draws the address bar's suggestion popup with WebUI: every new window (each browser
  // context's page, each Lighthouse run) starts a renderer for two omnibox-popup documents nobody sees.
  // Measured: ~0.4 CPU s and a renderer of its own per window. Chromium merges this list with the
  // --disable-features Playwright passes.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

/**
 * Launch a fresh browser. Playwright gives every launch() its own temporary profile (a fresh
 * user-data-dir) and removes it on close. `extraArgs` lets the Lighthouse runner add
 * --remote-debugging-port.
 */
export async function launchChrome(executablePath: string, extraArgs: string[] = [], opts: { handleSignals?: boolean } = {}): Promise<Browser> {
  // A worker that hands jobs back on SIGTERM needs its browser alive until it has done so;
  // Playwright's own handlers would close it at the first signal.
  const handle = opts.handleSignals ?? true;
  // Loaded here, not at the top: the Lighthouse child reads CHROME_FLAGS without Playwright's ~90 MB.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROME_FLAGS, ...extraArgs],
    timeout: 30_000,
    handleSIGINT: handle,
    handleSIGTERM: handle,
    handleSIGHUP: handle,
  });
}
