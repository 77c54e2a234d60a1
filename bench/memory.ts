// Peak memory of a benchmark's whole process tree, shared by the benchmarks.
import { readFileSync, readdirSync } from 'node:fs';

/**
 * Peak memory of this process and all its descendants (Chromium, Lighthouse child), sampled.
 * PSS, not RSS: Chromium's processes share most of their pages, and summing RSS would count them
 * once per process.
 * Reading PSS (smaps_rollup walks each process's page tables) costs ~2 ms per Chromium process, and
 * four times a second that took 15 % of a core from the very work being measured. So every sample reads
 * the cheap statm (private resident pages: a proxy), and PSS is read only when the proxy has risen since
 * the last PSS reading (at most once a second), or every 10 s near its peak: the peak is still measured
 * in PSS, at a few % of the cost.
 */
export class MemorySampler {
  peakMb = 0;
  /** MB of PSS by kind of process (as cpuByKind names them) at the highest reading. */
  peakByKind: Record<string, number> = {};
  private timer: NodeJS.Timeout | null = null;
  /** CPU ticks last seen per process of the tree (a process that ends between samples loses < 250 ms). */
  private readonly ticks = new Map<number, number>();
  /** Ticks each process had already used when sampling started (the bench's own process, mostly). */
  private readonly baseTicks = new Map<number, number>();
  private readonly kinds = new Map<number, string>();
  /** `root`: the process whose tree is measured (default this one). */
  start(root = process.pid): void {
    this.peakMb = 0;
    this.ticks.clear();
    this.baseTicks.clear();
    this.kinds.clear();
    let first = true;
    let proxyPeak = 0;
    let pssReadAt = 0;
    let proxyAtPss = 0;
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
        const parentOf = new Map<number, number>();
        for (let grew = true; grew; ) {
          grew = false;
          for (const [pid, ppid] of rows) {
            if (!mine.has(ppid) || mine.has(pid)) continue;
            mine.add(pid);
            parentOf.set(pid, ppid);
            grew = true;
          }
        }
        let proxy = 0;
        for (const pid of mine) {
          try {
            const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
            const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
            const used = Number(fields[11]) + Number(fields[12]);
            if (first) this.baseTicks.set(pid, used);
            if (!this.kinds.has(pid)) this.kinds.set(pid, this.lighthouseSide(pid, parentOf) + kindOf(pid, f.slice(f.indexOf('(') + 1, f.lastIndexOf(')'))));
            this.ticks.set(pid, used);
            const [, resident, shared] = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ').map(Number);
            proxy += resident! - shared!;
          } catch {
            /* gone */
          }
        }
        // PSS again when the proxy rose above what it was at the last PSS reading (at most once a
        // second), or every 10 s while it stays near its peak (shared pages can grow on their own).
        proxyPeak = Math.max(proxyPeak, proxy);
        const since = Date.now() - pssReadAt;
        if ((proxy > proxyAtPss * 1.02 && since >= 1000) || (proxy >= proxyPeak * 0.97 && since >= 10_000)) {
          pssReadAt = Date.now();
          proxyAtPss = proxy;
          let kb = 0;
          const byKind: Record<string, number> = {};
          for (const pid of mine) {
            try {
              const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
              kb += pss;
              const kind = this.kinds.get(pid) ?? 'other';
              byKind[kind] = (byKind[kind] ?? 0) + pss / 1024;
            } catch {
              /* the process ended between the scan and the read */
            }
          }
          if (kb / 1024 > this.peakMb) [this.peakMb, this.peakByKind] = [kb / 1024, byKind];
        }
        first = false;
      } catch {
        /* /proc can fail transiently; the next sample counts */
      }
    };
    sample();
    this.timer = setInterval(sample, 250);
  }
  /** 'lighthouse ' for a Lighthouse child process and its browser (seen as their parents' kinds), else ''. */
  private lighthouseSide(pid: number, parentOf: Map<number, number>): string {
    for (let p = parentOf.get(pid); p !== undefined; p = parentOf.get(p)) if (this.kinds.get(p)?.startsWith('lighthouse ')) return 'lighthouse ';
    try {
      return /lighthouse\/child-entry/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')) ? 'lighthouse ' : '';
    } catch {
      return '';
    }
  }
  /**
   * CPU seconds since start() by kind of process: node, Chromium's browser, renderer, gpu-process, utility…;
   * a Lighthouse child and its browser's processes are prefixed 'lighthouse '.
   */
  cpuByKind(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [pid, v] of this.ticks) {
      const kind = this.kinds.get(pid) ?? 'other';
      out[kind] = (out[kind] ?? 0) + (v - (this.baseTicks.get(pid) ?? 0)) / 100;
    }
    return out;
  }
  /** CPU seconds the process tree used since start() (user + system, 100 ticks a second). */
  cpuSeconds(): number {
    let t = 0;
    for (const [pid, v] of this.ticks) t += v - (this.baseTicks.get(pid) ?? 0);
    return t / 100;
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    return Math.round(this.peakMb);
  }
}

/** "kind value, kind value …", largest first; `show` formats a value, or returns null to leave it out. */
export function byKind(values: Record<string, number>, show: (value: number) => string | null): string {
  return Object.entries(values)
    .sort((a, b) => b[1] - a[1])
    .flatMap(([kind, value]) => {
      const shown = show(value);
      return shown === null ? [] : [`${kind} ${shown}`];
    })
    .join(', ');
}

/** 'node', or Chromium's process type ('chromium:renderer', 'chromium:browser' for the main process). */
function kindOf(pid: number, comm: string): string {
  if (comm === 'node' || comm.startsWith('node')) return 'node';
  try {
    // Chromium rewrites its argv (one string, spaces, no NULs), so match the whole command line.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!/chrom/i.test(cmdline) && !/chrom/i.test(comm)) return comm;
    return `chromium:${/--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser'}`;
  } catch {
    return comm;
  }
}
