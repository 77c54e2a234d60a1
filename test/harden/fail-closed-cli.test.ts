// Fail closed at the CLI: a gate that cannot compute its score fails, bad config values and files
// that are not databases are input errors (exit 2, one line), an interrupted check is an
// interruption (143, no report), a sweep with nothing to sweep leaves no database behind.
// Real CLI processes, real Chromium, real SQLite files, fixture pages on 127.0.0.1.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { runCli, ROOT } from '../helpers/cli.ts';

let site: FixtureServer;
const tmp = mkdtempSync(join(tmpdir(), 'govcheck-harden-'));
let slowRequests = 0;

beforeAll(async () => {
  site = await startFixtureServer({
    root: join(ROOT, 'test/engine/site'),
    routes: {
      // Never answers: a check of it is in progress until it is interrupted.
      '/slow': () => {
        slowRequests++;
      },
    },
  });
});
afterAll(async () => {
  await site.close();
});

const writeJson = (name: string, json: unknown): string => {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(json));
  return file;
};

describe('the --fail-under gate fails closed', () => {
  it('exits 1 saying why when the site has no overall score (the weight of every category that ran is 0)', async () => {
    const cfg = writeJson('zero-a11y.json', { weights: { accessibility: 0 } });
    const r = await runCli(['check', '--max-pages', '1', '--only', 'accessibility', '--allow-private', '--format', 'json', '--config', cfg, '--fail-under', '99', `${site.url}/`], { timeoutMs: 350_000 });
    const s = JSON.parse(r.stdout).sites[0];
    expect(s.status).toBe('ok');
    expect(s.scores.accessibility).toBeLessThan(99);
    expect(s.scores.overall).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--fail-under 99: no overall score/);
  }, 400_000);

  it('exits 2 naming the field for a config that would switch the gate off or hang the check', async () => {
    const cases: [unknown, string][] = [
      [{ weights: { accessibility: 0, performance: 0, freshness: 0, governance: 0, security: 0 } }, 'weights'],
      [{ timeouts: { pageMs: 3_000_000_000 } }, 'timeouts.pageMs'],
      [{ userAgent: 'govcheck\r\nX-Evil: 1' }, 'userAgent'],
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const [json, field] of cases) {
      const cfg = writeJson(`bad-${field}.json`, json);
      const r = await runCli(['check', '--config', cfg, '--allow-private', `${site.url}/`]);
      expect(r.code, field).toBe(2);
      expect(r.stderr.trim().split('\n'), field).toHaveLength(1);
      expect(r.stderr).toContain(`: ${field}: `);
    }
  }, 400_000);

  it('exits 2 for counts beyond their bound on the command line', async () => {
    for (const args of [['--max-pages', '99999999'], ['--runs', '500']]) {
      const r = await runCli(['check', ...args, '--allow-private', `${site.url}/`]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain(`${args[0]} expects an integer`);
    }
  }, 400_000);
});

/** Pids of the process's descendants (from /proc), with their command lines. */
function descendants(pid: number): { pid: number; cmd: string }[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: { pid: number; cmd: string }[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${c}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        // gone
      }
      out.push({ pid: c, cmd });
      walk(c);
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

describe('SIGTERM during check', () => {
  it('exits 143 with no report and no site error, and leaves no Chromium running', async () => {
    const out = join(tmp, 'interrupted.json');
    const child = spawn(process.execPath, ['cli/govcheck.js', 'check', '--max-pages', '1', '--only', 'accessibility', '--allow-private', '--format', 'json', '--output', out, `${site.url}/slow`], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'en_US.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('close', (code, signal) => r({ code, signal })));
    const before = slowRequests;
    const deadline = Date.now() + 300_000;
    while (slowRequests === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(slowRequests).toBeGreaterThan(before);
    const browsers = descendants(child.pid!).filter((p) => /chrom/i.test(p.cmd));
    expect(browsers.length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const { code } = await exited;
    expect(code).toBe(143);
    expect(stderr).toMatch(/SIGTERM: interrupted; no report written/);
    expect(stderr).not.toMatch(/: error: /);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    // Chromium and its helpers go with it.
    const gone = Date.now() + 10_000;
    while (browsers.some((b) => alive(b.pid)) && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    expect(browsers.filter((b) => alive(b.pid))).toEqual([]);
  }, 400_000);
});

describe('files that are not databases', () => {
  it('report, serve, prune and sweep --db exit 2 with one line naming the file', async () => {
    const notDb = join(tmp, 'notes.txt');
    const text = `${'this is a text file, not a SQLite database. '.repeat(20)}\n`;
    writeFileSync(notDb, text);
    const registry = join(tmp, 'one.csv');
    writeFileSync(registry, `agency_id,agency_name,parent_agency_id,site_url,site_name\na1,Agency,,${site.url}/,Site\n`);
    const commands = [
      ['report', '--db', notDb],
      ['serve', '--db', notDb, '--port', '0'],
      ['prune', '--db', notDb, '--keep-sweeps', '1'],
      ['sweep', '--db', notDb, '--allow-private', registry],
    ];
    for (const args of commands) {
      const r = await runCli(args, { timeoutMs: 300_000 });
      expect(r.code, args[0]).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, args[0]).toHaveLength(1);
      expect(lines[0]).toContain(`${notDb} is not a SQLite database`);
      expect(lines[0]).not.toMatch(/create it with/);
    }
    // Untouched.
    expect(readFileSync(notDb, 'utf8')).toBe(text);
  }, 400_000);
});

describe('a sweep with nothing to sweep', () => {
  it('exits 2 naming the registry and leaves no database behind', async () => {
    const registry = join(tmp, 'all-bad.csv');
    writeFileSync(registry, 'agency_id,agency_name,parent_agency_id,site_url,site_name\na1,Agency,,ftp://files.example.gov.tw/,Files\na2,,,https://www.example.gov.tw/,Site\n');
    const db = join(tmp, 'never.db');
    const r = await runCli(['sweep', '--db', db, registry], { timeoutMs: 300_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no valid site in ${registry}`);
    expect(readdirSync(tmp).filter((f) => f.startsWith('never.db'))).toEqual([]);
  }, 400_000);
});

describe('package.json scripts', () => {
  it('name only files that exist, and npm run demo starts the demo command', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    const files = Object.values(pkg.scripts).flatMap((cmd) => cmd.split(/\s+/).filter((w) => /\.(ts|js|mjs|cjs|sh)$/.test(w) && !w.startsWith('-')));
    files.push(...Object.values(pkg.bin));
    expect(files.length).toBeGreaterThan(2);
    expect(files.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
    const demo = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const c = spawn('npm', ['run', '-s', 'demo', '--', '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      c.stdout.on('data', (d) => (stdout += d));
      c.on('close', (code) => resolve({ code, stdout }));
    });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/^Usage: govcheck demo/);
  }, 400_000);
});
