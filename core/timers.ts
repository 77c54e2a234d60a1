// Node's timers hold a signed 32-bit delay: anything longer (about 24.8 days) fires after 1 ms,
// which turned a huge configured timeout into an instant "timeout" while the real work kept the
// process alive. Every computed timer delay goes through timerMs.

/** The longest delay setTimeout honours (2^31 − 1 ms). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay setTimeout (and Playwright's timeouts) will honour: finite, ≥ 0, at most MAX_TIMER_MS. */
export function timerMs(ms: number): number {
  if (Number.isNaN(ms) || ms < 0) return 0;
  return Math.min(ms, MAX_TIMER_MS);
}
