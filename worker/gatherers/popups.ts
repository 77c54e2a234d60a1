// Windows a checked page tries to open by itself. Two layers: an init script on the context makes
// window.open a counted no-op in every document, and any window that still appears (a scripted
// click on a target=_blank link, a form with a target) is closed at once and counted.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const POPUP_GUARD_SOURCE = readFileSync(new URL('../in-page/popup-guard.js', import.meta.url), 'utf8');

export class PopupLog {
  private closed = 0;

  /** Closes and counts every window `page` opens. */
  attach(page: Page): void {
    page.on('popup', (popup) => {
      this.closed++;
      void popup.close().catch(() => undefined);
    });
  }

  /** Windows the page's current document tried to open since the last call (blocked or closed). */
  async take(page: Page): Promise<number> {
    const closed = this.closed;
    this.closed = 0;
    let blocked = 0;
    try {
      const n = await Promise.race([page.evaluate('window.__govcheckPopups'), new Promise((r) => setTimeout(() => r(0), 5000).unref())]);
      blocked = typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 0;
    } catch {
      // The page is gone or wedged: the closed windows are still counted.
    }
    return blocked + closed;
  }
}
