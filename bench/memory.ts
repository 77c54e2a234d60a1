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
  /** CPU ticks last seen per process of the tree (a process that ends between samples loses < 250 ms). */
  private readonly ticks = new Map<number, number>();
  /** `root`: the process whose tree is measured (default this one). */
  start(root = process.pid): void {
    this.peakMb = 0;
    this.ticks.clear();
    const sample = () => {
      try {
        const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/\s+/).map(Number));
        const mine = new Set([root]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const [pid, ppid] of rows) if (mine.has(ppid) && !mine.has(pid)) grew = Boolean(mine.add(pid));
        }
        let kb = 0;
        for (const pid of mine) {
          try {
            const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
            const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
            this.ticks.set(pid, Number(fields[11]) + Number(fields[12]));
          } catch {
            /* gone */
          }
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
  /** CPU seconds used by the process tree so far (user + system, 100 ticks a second). */
  cpuSeconds(): number {
    let t = 0;
    for (const v of this.ticks.values()) t += v;
    return t / 100;
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    return Math.round(this.peakMb);
  }
}

