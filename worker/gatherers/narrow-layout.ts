// Mobile layout at 320 CSS px (gov/mobile-viewport, WCAG 1.4.10): the window is narrowed and the page is
// measured only once its layout has settled — carousels and sliders relay out on resize, some after a
// debounce, and a measurement taken one frame after the resize saw thousands of pixels on pages that are
// 320 px wide a moment later. The element sticking out furthest is reported with the width.
// A page that overflows after the resize is loaded once more in a fresh 320 px window, and that load's
// answer stands: scripts that fix widths once at load time (no resize handler: 2015-era HyUI sizes its
// columns to 940 px in a desktop window and keeps them) overflow after a resize, yet fit on a phone.
import type { Page } from 'playwright-core';
import type { NarrowOverflow } from '../../core/types.ts';
import { NARROW_WIDTH } from '../../rules/gov/mobile-viewport.ts';
import { timerMs } from '../../core/timers.ts';

import { inPageSource, withIdentity } from './in-page.ts';

const SOURCE = inPageSource('narrow-layout.js');

/** Settled = no size change over FRAMES animation frames and QUIET_MS, waiting CAP_MS at most. */
const SETTLE = { frames: 5, quietMs: 600, capMs: 4000 };

export interface NarrowLayout {
  scrollWidth: number;
  overflow: NarrowOverflow | null;
  /** False when the layout still changed at the cap (the last measurement is reported). */
  settled: boolean;
  waitedMs: number;
}

export async function measureNarrowLayout(page: Page, timeoutMs = 30_000): Promise<NarrowLayout | null> {
  const original = page.viewportSize();
  if (!original) return null;
  let resized: NarrowLayout;
  try {
    await page.setViewportSize({ width: NARROW_WIDTH, height: original.height });
    resized = await measureIn(page);
  } finally {
    await page.setViewportSize(original);
  }
  if (resized.scrollWidth <= NARROW_WIDTH + 1) return resized;
  return (await loadedNarrow(page, original.height, timeoutMs)) ?? resized;
}

function measureIn(page: Page): Promise<NarrowLayout> {
  return page.evaluate(withIdentity(SOURCE, SETTLE)) as Promise<NarrowLayout>;
}

/** The page loaded afresh in a 320 px window of the same context (same routes, headers, cookies), or null. */
async function loadedNarrow(page: Page, height: number, timeoutMs: number): Promise<NarrowLayout | null> {
  const url = page.url();
  if (!/^https?:/i.test(url)) return null;
  const fresh = await page.context().newPage();
  try {
    await fresh.setViewportSize({ width: NARROW_WIDTH, height });
    await fresh.goto(url, { waitUntil: 'load', timeout: timerMs(timeoutMs) });
    return await measureIn(fresh);
  } catch {
    return null;
  } finally {
    await fresh.close().catch(() => undefined);
  }
}
