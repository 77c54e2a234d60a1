// The Lighthouse child's browser, started without Playwright (worker/lighthouse/browser.ts).
import { describe, expect, it } from 'vitest';
import { launchLighthouseBrowser } from '../../worker/lighthouse/browser.ts';
import { resolveChromePath } from '../../worker/chrome.ts';

describe('launchLighthouseBrowser', () => {
  it('opens a DevTools port Lighthouse can use, reports the version, and is gone after close', async () => {
    const b = await launchLighthouseBrowser(resolveChromePath());
    try {
      expect(b.port).toBeGreaterThan(0);
      expect(b.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      const info = (await (await fetch(`http://127.0.0.1:${b.port}/json/version`)).json()) as { Browser: string };
      expect(info.Browser).toContain(b.version);
      expect(b.isRunning()).toBe(true);
    } finally {
      await b.close();
    }
    expect(b.isRunning()).toBe(false);
    await expect(fetch(`http://127.0.0.1:${b.port}/json/version`)).rejects.toThrow();
  }, 60_000);

  it('rejects at once, naming the cause, when the executable cannot be started', async () => {
    await expect(launchLighthouseBrowser('/nonexistent/chromium')).rejects.toThrow(/ENOENT/);
  });
});
