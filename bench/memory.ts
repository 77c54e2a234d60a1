// Peak memory of a benchmark's whole process tree, shared by the benchmarks.
import { readFileSync, readdirSync } from 'node:fs';

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
        // /proc directly, not `ps`: a `ps` child takes 100 ms and more on a busy machine, and this
        // runs in the process that also serves bench:sweep's sites, so it would delay their answers.
        const rows: number[][] = [];
        for (const name of readdirSync('/proc')) {
          if (!/^\d+$/.test(name)) continue;
          try {
            const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
            rows.push([Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])]);
          } catch {
            /* gone */
          }
        }
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
        /* /proc can fail transiently; the next sample counts */
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

