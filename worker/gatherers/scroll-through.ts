// Scrolls a loaded page through to its end and back, as a reader would, so that content waiting to be
// scrolled into view is in the DOM when the page is gathered: animate-on-scroll boxes (WOW.js keeps them
// at visibility: hidden, AOS at opacity 0), sections and news lists that an IntersectionObserver loads
// lazily, loading=lazy images. Bounded: `capMs` in all (the scroll plus the wait for what it asked for)
// and `maxHeight` px deep; a page that fits its window is not scrolled.
// Vitals stay those of the page as loaded (as Lighthouse measures them): layout shifts and larger
// paints that our own scrolling caused are rolled back.
import type { Page } from 'playwright-core';

export interface ScrollThroughOptions {
  /** Cap on the whole pass: scrolling down and back, then the wait for lazy content. */
  capMs: number;
  /** Never scroll deeper than this (infinite lists, very long pages). */
  maxHeight: number;
}

export interface ScrollThroughOutcome {
  ms: number;
  steps: number;
  /** The bottom of the page (or maxHeight) was reached within the cap. */
  reachedEnd: boolean;
}

export const SCROLL_DEFAULTS: ScrollThroughOptions = { capMs: 1500, maxHeight: 20_000 };

/** Per step: WOW.js checks every 50 ms, AOS throttles scroll events to 99 ms, observers fire on the next frame. */
const STEP_WAIT_MS = 110;
/** Share of the cap left for requests the scroll started (lazy sections, images). */
const LAZY_SHARE = 0.25;

// Plain JS source, not a transpiled function (tsx would add helpers the page does not have).
const SCROLL_SOURCE = `async ({ capMs, maxHeight, stepWaitMs }) => {
  const t0 = performance.now();
  const left = () => capMs - (performance.now() - t0);
  const se = document.scrollingElement || document.documentElement;
  const vh = window.innerHeight || 800;
  if (!se || se.scrollHeight <= vh + 8) return { steps: 0, reachedEnd: true };
  const v = window.__govcheckVitals;
  if (v) window.__govcheckVitalsAtLoad = Object.assign({}, v);
  const to = (y) => { try { window.scrollTo({ top: y, left: 0, behavior: 'instant' }); } catch (e) { window.scrollTo(0, y); } };
  const pause = (ms) => new Promise((resolve) => {
    let done = false;
    const end = () => { if (!done) { done = true; resolve(); } };
    requestAnimationFrame(() => setTimeout(end, ms));
    setTimeout(end, ms + 50);
  });
  const step = Math.max(200, Math.round(vh * 0.8));
  let y = 0, steps = 0, reachedEnd = false;
  while (left() > 0) {
    const bottom = Math.max(0, Math.min(se.scrollHeight, maxHeight) - vh);
    if (y >= bottom) { reachedEnd = true; break; }
    y = Math.min(y + step, bottom);
    to(y);
    steps++;
    await pause(stepWaitMs);
  }
  // Back to the top in the same steps, a frame each, as the rest of the gathering expects.
  while (y > 0 && left() > -stepWaitMs) {
    y = Math.max(0, y - step);
    to(y);
    steps++;
    await pause(0);
  }
  to(0);
  return { steps, reachedEnd };
}`;

const RESTORE_VITALS = `(() => { const s = window.__govcheckVitalsAtLoad, v = window.__govcheckVitals; if (s && v) Object.assign(v, s); delete window.__govcheckVitalsAtLoad; })()`;

/**
 * Scroll through and wait (through `settle`, at most the rest of the cap) for the requests it started.
 * Never throws: a page that navigates away or errors mid-scroll is gathered as it is.
 */
export async function scrollThrough(page: Page, settle: (capMs: number) => Promise<void>, opts: ScrollThroughOptions = SCROLL_DEFAULTS): Promise<ScrollThroughOutcome> {
  const started = Date.now();
  const scrollCap = Math.round(opts.capMs * (1 - LAZY_SHARE));
  let steps = 0;
  let reachedEnd = false;
  try {
    let timer: NodeJS.Timeout | undefined;
    const run = page.evaluate(`(${SCROLL_SOURCE})(${JSON.stringify({ capMs: scrollCap, maxHeight: opts.maxHeight, stepWaitMs: STEP_WAIT_MS })})`) as Promise<{ steps: number; reachedEnd: boolean }>;
    // A page whose main thread is stuck never answers: give up well after the cap.
    const stuck = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('scroll did not return')), opts.capMs + 2000)));
    const r = await Promise.race([run, stuck]).finally(() => clearTimeout(timer));
    steps = r.steps;
    reachedEnd = r.reachedEnd;
    if (steps > 0) {
      await settle(Math.max(0, opts.capMs - (Date.now() - started)));
      await page.evaluate(RESTORE_VITALS);
    }
  } catch {
    /* the page went away or threw: gather what is there */
  }
  return { ms: Date.now() - started, steps, reachedEnd };
}
