// Mobile layout at 320 CSS px (gov/mobile-viewport, WCAG 1.4.10): the window is narrowed and the page is
// measured only once its layout has settled — carousels and sliders relay out on resize, some after a
// debounce, and a measurement taken one frame after the resize saw thousands of pixels on pages that are
// 320 px wide a moment later. The element sticking out furthest is reported with the width.
import type { Page } from 'playwright-core';
import type { NarrowOverflow } from '../../core/types.ts';
import { NARROW_WIDTH } from '../../rules/gov/mobile-viewport.ts';

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

export async function measureNarrowLayout(page: Page): Promise<NarrowLayout | null> {
  const original = page.viewportSize();
  if (!original) return null;
  try {
    await page.setViewportSize({ width: NARROW_WIDTH, height: original.height });
    return (await page.evaluate(withIdentity(SOURCE, SETTLE))) as NarrowLayout;
  } finally {
    await page.setViewportSize(original);
  }
}
