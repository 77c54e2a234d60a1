// How many sites one worker process checks at once. Page work is mostly CPU-bound in Chromium
// (layout, axe-core), but every page also waits on the network and the DevTools round trips, so one
// site more than there are cores keeps the cores busy (measured with npm run bench on 2 cores:
// 2 → 69 pages/min, 3 → 78); each site in flight also holds a browser context (~100–300 MB on heavy
// government pages), so memory caps it too.
import { availableParallelism, freemem } from 'node:os';

const MB = 1024 * 1024;
const PER_SITE_BYTES = 300 * MB;
const RESERVE_BYTES = 1024 * MB;

export function defaultConcurrency(cores = availableParallelism(), free = freemem()): number {
  const byMemory = Math.floor((free - RESERVE_BYTES) / PER_SITE_BYTES);
  return Math.max(1, Math.min(cores + 1, byMemory));
}
