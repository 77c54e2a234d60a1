// Parent side of one Lighthouse child process (child.ts): start it, send it a job, enforce the
// hard timeout, and kill it when it hangs. The caller (index.ts) makes sure only one job is in
// flight at a time.
import { timerMs } from '../../core/timers.ts';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LighthouseSlim } from '../../core/types.ts';
import type { FromChild, RunJob } from './protocol.ts';

const CHILD = fileURLToPath(new URL('./child-entry.js', import.meta.url));
/** Module loading plus a browser launch: seconds normally, far more on a loaded 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;
/** After SIGTERM the child closes its browser; if it cannot, SIGKILL. */
const KILL_GRACE_MS = 5_000;
const STDERR_TAIL = 2_000;

export class HostError extends Error {}

export interface JobOutcome {
  slim: LighthouseSlim | null;
  /** Why no slim record came back: 'TIMEOUT: …' or 'CRASHED: …'. */
  error: string | null;
  childRssBytes: number | null;
}

export class LighthouseHost {
  readonly chromePath: string;
  chromiumVersion: string | null = null;
  lighthouseVersion: string | null = null;
  private child: ChildProcess;
  private ready: Promise<void>;
  private stderr = '';
  private exited = false;
  private pending: { id: number; resolve: (o: JobOutcome) => void } | null = null;
  private nextId = 1;

  constructor(chromePath: string) {
    this.chromePath = chromePath;
    this.child = fork(CHILD, [chromePath], {
      // child-entry.js registers tsx itself, after loading Lighthouse without its hooks. A heap cap
      // makes a runaway page fail its run (CRASHED, then a fresh child), not the machine.
      execArgv: ['--max-old-space-size=1536'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-STDERR_TAIL);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new HostError(`BROWSER: Lighthouse child not ready after ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
      this.child.on('message', (m: FromChild) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          this.chromiumVersion = m.chromiumVersion;
          this.lighthouseVersion = m.lighthouseVersion;
          resolve();
        } else if (m.type === 'fatal') {
          clearTimeout(timer);
          reject(new HostError(m.error));
        } else if (m.type === 'result' && this.pending?.id === m.id) {
          const p = this.pending;
          this.pending = null;
          this.idle();
          p.resolve({ slim: m.slim, error: null, childRssBytes: m.rssBytes });
        }
      });
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        clearTimeout(timer);
        const why = `CRASHED: Lighthouse child exited (${signal ?? `code ${code}`})${this.stderr ? `: ${this.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
        reject(new HostError(why));
        const p = this.pending;
        this.pending = null;
        p?.resolve({ slim: null, error: why, childRssBytes: null });
      });
    });
    this.ready.catch(() => {}); // observed by run(); avoid an unhandled rejection meanwhile
    this.idle();
  }

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves when the child has its browser up; rejects with the reason it could not start. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  async run(job: Omit<RunJob, 'type' | 'id'>, timeoutMs: number): Promise<JobOutcome> {
    this.busy();
    try {
      await this.ready;
    } catch (e) {
      this.idle();
      return { slim: null, error: (e as Error).message, childRssBytes: null };
    }
    const id = this.nextId++;
    return new Promise<JobOutcome>((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.pending = null;
        void this.stop();
        resolve({ slim: null, error: `TIMEOUT: Lighthouse did not finish within ${timeoutMs} ms`, childRssBytes: null });
      }, timerMs(timeoutMs));
      this.pending = {
        id,
        resolve: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      };
      this.child.send({ type: 'run', id, ...job } satisfies RunJob);
    });
  }

  /** SIGTERM (the child closes its browser), then SIGKILL if it is still there. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!this.exited) this.child.kill('SIGKILL');
    }, KILL_GRACE_MS);
    await gone;
    clearTimeout(timer);
  }

  // While idle the child must not keep the parent's event loop alive; when the parent exits the
  // IPC channel closes and the child follows.
  private idle(): void {
    this.child.unref();
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
    (this.child.stderr as { unref?: () => void } | null)?.unref?.();
  }

  private busy(): void {
    this.child.ref();
    (this.child.channel as { ref?: () => void } | undefined)?.ref?.();
  }
}
