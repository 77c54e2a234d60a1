// The Lighthouse child's browser: Chromium started directly, with a DevTools port for Lighthouse.
//
// Why not Playwright here: Lighthouse drives the browser itself (through its own puppeteer over the
// port), so Playwright only launched it. Importing playwright-core cost the child ~90 MB of its
// ~280 MB, for the whole sweep. The lifetime is still tied to the child: Chromium gets a DevTools pipe
// on fds 3/4 as well (`--remote-debugging-pipe`) and quits when it closes, so a child that dies,
// even by SIGKILL, never leaves its browser behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_FLAGS } from '../chrome.ts';

/**
 * What a Lighthouse run needs of the browser beyond govcheck's usual flags: timers and rendering at
 * full speed in a window nobody looks at (Playwright set these; chrome-launcher, Lighthouse's own
 * launcher, sets them too), and no prompts or first-run work.
 */
export const LIGHTHOUSE_BROWSER_FLAGS = [
  ...CHROME_FLAGS,
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-breakpad',
  '--disable-prompt-on-repost',
  '--no-default-browser-check',
  '--no-service-autorun',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--force-color-profile=srgb',
];

const LAUNCH_TIMEOUT_MS = 30_000;

export interface LighthouseBrowser {
  /** The DevTools port Lighthouse connects to (on 127.0.0.1). */
  port: number;
  /** e.g. "156.0.8078.73". */
  version: string;
  isRunning(): boolean;
  close(): Promise<void>;
}

/** Starts Chromium on a free DevTools port (Chromium picks it: no race with another process). */
export async function launchLighthouseBrowser(executablePath: string): Promise<LighthouseBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'govcheck-lh-profile-'));
  const proc = spawn(
    executablePath,
    [...LIGHTHOUSE_BROWSER_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', '--no-startup-window'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let exited = false;
  // 'error' without 'exit' when the executable could not be started at all.
  const gone = new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.once('error', () => resolve());
  });
  void gone.then(() => {
    exited = true;
    // Chromium's helper processes can still be writing the profile when the browser's own process has
    // exited (ENOTEMPTY): retry, and never let a leftover temporary folder fail the child.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // left in the temporary directory
    }
  });
  const close = async (): Promise<void> => {
    if (exited) return;
    proc.kill('SIGTERM');
    const killed = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(killed);
  };
  try {
    const port = await devToolsPort(proc);
    const version = await browserVersion(port);
    return { port, version, isRunning: () => !exited, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Chromium prints "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>" on stderr. */
function devToolsPort(proc: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const done = (error: Error | null, port?: number) => {
      clearTimeout(timer);
      proc.stderr!.off('data', onData);
      proc.off('exit', onExit);
      proc.off('error', onError);
      // Chromium keeps logging to stderr; drain it so it never blocks on a full pipe.
      proc.stderr!.resume();
      if (error) reject(error);
      else resolve(port!);
    };
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^\s/]+:(\d+)\//.exec(stderr);
      if (m) done(null, Number(m[1]));
    };
    const tail = () => stderr.trim().split('\n').slice(-3).join(' | ');
    const onExit = (code: number | null, signal: string | null) => done(new Error(`Chromium exited before it was ready (${signal ?? `code ${code}`}): ${tail()}`));
    const onError = (e: Error) => done(e);
    const timer = setTimeout(() => done(new Error(`Chromium did not open its DevTools port within ${LAUNCH_TIMEOUT_MS / 1000} s: ${tail()}`)), LAUNCH_TIMEOUT_MS);
    proc.stderr!.on('data', onData);
    proc.once('exit', onExit);
    proc.once('error', onError);
  });
}

async function browserVersion(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/json/version`);
  const info = (await res.json()) as { Browser?: string };
  return (info.Browser ?? '').replace(/^[^/]*\//, '');
}
