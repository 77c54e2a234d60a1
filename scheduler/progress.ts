// Sweep progress on stderr: one redrawn bar on a terminal (sites done/failed, pages/min, ETA),
// plain log lines otherwise (CI logs, cron mail, files), so nothing is lost to carriage returns.

export interface SiteDone {
  url: string;
  status: string;
  overall: number | null;
  pages: number;
  error: string | null;
  durationMs: number;
}

export interface ProgressSink {
  start(total: number, alreadyDone: number): void;
  siteDone(site: SiteDone): void;
  note(line: string): void;
  finish(): void;
}

interface Writable {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function createProgress(stream: Writable, opts: { tty?: boolean; quiet?: boolean; clock?: () => number } = {}): ProgressSink {
  if (opts.quiet) return { start() {}, siteDone() {}, note() {}, finish() {} };
  return (opts.tty ?? stream.isTTY === true) ? new BarProgress(stream, opts.clock) : new LineProgress(stream, opts.clock);
}

class Counter {
  total = 0;
  done = 0;
  failed = 0;
  pages = 0;
  doneThisRun = 0;
  started = 0;
  constructor(private readonly clock: () => number = Date.now) {}

  begin(total: number, alreadyDone: number) {
    this.total = total;
    this.done = alreadyDone;
    this.started = this.clock();
  }

  add(site: SiteDone) {
    this.done++;
    this.doneThisRun++;
    this.pages += site.pages;
    if (site.status !== 'ok') this.failed++;
  }

  get elapsedMin(): number {
    return Math.max(1e-6, (this.clock() - this.started) / 60_000);
  }

  pagesPerMin(): string {
    return (this.pages / this.elapsedMin).toFixed(1);
  }

  eta(): string {
    if (this.doneThisRun === 0) return '?';
    const ms = ((this.clock() - this.started) / this.doneThisRun) * (this.total - this.done);
    return formatDuration(ms);
  }
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

class LineProgress implements ProgressSink {
  private readonly c: Counter;
  constructor(
    private readonly out: Writable,
    clock?: () => number,
  ) {
    this.c = new Counter(clock);
  }
  start(total: number, alreadyDone: number) {
    this.c.begin(total, alreadyDone);
    this.out.write(`govcheck sweep: ${total} sites, ${alreadyDone} already recorded\n`);
  }
  siteDone(site: SiteDone) {
    this.c.add(site);
    const what = site.status === 'ok' ? `ok ${site.overall ?? '-'}` : `${site.status}: ${site.error ?? ''}`;
    this.out.write(
      `[${this.c.done}/${this.c.total}] ${site.url} ${what} (${site.pages} pages, ${(site.durationMs / 1000).toFixed(1)}s) · failed ${this.c.failed} · ${this.c.pagesPerMin()} pages/min · ETA ${this.c.eta()}\n`,
    );
  }
  note(line: string) {
    this.out.write(`${line}\n`);
  }
  finish() {}
}

class BarProgress implements ProgressSink {
  private readonly c: Counter;
  private lastDraw = 0;
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly out: Writable,
    private readonly clock: () => number = Date.now,
  ) {
    this.c = new Counter(clock);
  }
  start(total: number, alreadyDone: number) {
    this.c.begin(total, alreadyDone);
    // Redraw now and then so the rate and ETA move while a slow site is being checked.
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
    this.draw();
  }
  siteDone(site: SiteDone) {
    this.c.add(site);
    if (site.status !== 'ok') this.note(`  ✗ ${site.url}: ${site.status}: ${site.error ?? ''}`);
    else if (this.clock() - this.lastDraw > 100) this.draw();
  }
  note(line: string) {
    this.out.write(`\r\x1b[2K${line}\n`);
    this.draw();
  }
  finish() {
    if (this.timer) clearInterval(this.timer);
    this.draw();
    this.out.write('\n');
  }
  private draw() {
    this.lastDraw = this.clock();
    const { done, total, failed } = this.c;
    const width = Math.max(10, Math.min(30, (this.out.columns ?? 80) - 70));
    const filled = total ? Math.round((done / total) * width) : 0;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.out.write(`\r\x1b[2K${bar} ${done}/${total} 完成 done · ${failed} 失敗 failed · ${this.c.pagesPerMin()} 頁/分 pages/min · ETA ${this.c.eta()}`);
  }
}
