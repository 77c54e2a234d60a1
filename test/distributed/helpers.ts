// Real Redis and real worker processes for the distributed tests. Every test file starts its own
// redis-server on a free port (never 127.0.0.1:6379) and stops it when done.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { checkRedis } from '../../scheduler/distributed/names.ts';
import { ROOT } from '../helpers/cli.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await checkRedis(url, 1_000);
      break;
    } catch (e) {
      if (i >= 50 || child.exitCode !== null) throw e;
      await sleep(100);
    }
  }
  return { url, stop: () => stopChild(child, 'SIGTERM') };
}

export interface Proc {
  child: ChildProcess;
  /** stdout lines so far. */
  lines: string[];
  stderr: () => string;
  /** Resolves with the first stdout/stderr line matching. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** `node cli/govcheck.js <args>` as a child process, its output collected line by line. */
export function startCli(args: string[]): Proc {
  const child = spawn(process.execPath, ['cli/govcheck.js', ...args], { cwd: ROOT, env: { ...process.env, LANG: 'en_US.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  const offer = (line: string) => {
    for (const w of [...waiters]) {
      if (w.re.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      offer(line);
    }
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const line of d.toString().split('\n')) if (line) offer(line);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitFor(re, timeoutMs = 90_000) {
      const seen = [...lines, ...stderr.split('\n')].find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs / 1000} s; stderr:\n${stderr}\nstdout:\n${lines.join('\n')}`)), timeoutMs);
        waiters.push({ re, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`process exited before a line matching ${re}; stderr:\n${stderr}`));
        });
      });
    },
    stop: (signal = 'SIGTERM') => stopChild(child, signal),
  };
}

/** A `govcheck worker` child, resolved once it is taking jobs. */
export async function startWorker(redisUrl: string, args: string[]): Promise<Proc> {
  const w = startCli(['worker', '--redis', redisUrl, '--allow-private', ...args]);
  await w.waitFor(/govcheck worker: ready/);
  return w;
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await gone;
  clearTimeout(timer);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
