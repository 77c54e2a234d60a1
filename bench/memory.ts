// Peak memory of a benchmark's whole process tree, shared by the benchmarks.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Peak memory of this process and all its descendants (Chromium, Lighthouse child), sampled.
 * PSS, not RSS: Chromium's processes share most of their pages, and summing RSS would count them
 * once per process.
 */
export class MemorySampler {
  peakMb = 0;
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    this.peakMb = 0;
    const sample = () => {
      try {
        const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/\s+/).map(Number));
        const mine = new Set([process.pid]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const [pid, ppid] of rows) if (mine.has(ppid) && !mine.has(pid)) grew = Boolean(mine.add(pid));
        }
        let kb = 0;
        for (const pid of mine) {
          try {
            kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
          } catch {
            /* the process ended between ps and the read */
          }
        }
        this.peakMb = Math.max(this.peakMb, kb / 1024);
      } catch {
        /* ps can fail transiently; the next sample counts */
      }
    };
    sample();
    this.timer = setInterval(sample, 250);
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    return Math.round(this.peakMb);
  }
}

