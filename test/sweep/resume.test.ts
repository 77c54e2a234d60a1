// kill -9 in the middle of a sweep, then --resume: every site is recorded exactly once, and sites
// recorded before the kill are not checked again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { openStore } from '../../reports/store/db.ts';
import { ROOT, runCli } from '../helpers/cli.ts';

const SITE_COUNT = 4;
let dir: string;
let servers: FixtureServer[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcheck-resume-'));
  // Slow origins keep the sweep busy long enough to be killed in the middle.
  for (let i = 0; i < SITE_COUNT; i++) servers.push(await startFixtureServer({ root: join(ROOT, 'test/sweep/sites', ['good', 'mid', 'poor'][i % 3]), delayMs: 300 }));
  writeFileSync(
    join(dir, 'registry.csv'),
    'agency_id,agency_name,parent_agency_id,site_url,site_name\n' + servers.map((s, i) => `A0${1 + (i % 3)},機關${1 + (i % 3)},,${s.url}/,網站${i}\n`).join(''),
  );
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Every process below pid (children first), read from ps. */
function descendants(pid: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // no children
  }
  const kids = out.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
  return kids.flatMap((k) => [...descendants(k), k]);
}

function recordedCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = openStore(db, { readonly: true });
    try {
      return conn.prepare('SELECT COUNT(*) FROM site_results').pluck().get() as number;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not migrated yet
  }
}

describe('sweep --resume after kill -9', () => {
  it('records every site exactly once', async () => {
    const db = join(dir, 'resume.db');
    const args = ['cli/govcheck.js', 'sweep', join(dir, 'registry.csv'), '--db', db, '--allow-private', '--only', 'accessibility,governance', '--max-pages', '2', '--concurrency', '1', '--page-delay', '0', '--now', '2026-11-27'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('exit', (code, signal) => r(signal ? null : code)));

    // Kill once some sites are recorded and others are not.
    let before = 0;
    while ((before = recordedCount(db)) < 2) {
      if (child.exitCode !== null) throw new Error('the sweep ended before it could be killed');
      await new Promise((r) => setTimeout(r, 200));
    }
    const family = descendants(child.pid!); // Chromium and its helpers: they must not outlive the kill
    child.kill('SIGKILL');
    for (const pid of family) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    expect(await exited).toBeNull();

    const conn = openStore(db, { mustExist: true });
    const recordedBefore = conn.prepare('SELECT site_id, url, recorded_at FROM site_results ORDER BY id').all() as { site_id: number; url: string; recorded_at: string }[];
    expect(recordedBefore.length).toBeGreaterThanOrEqual(before);
    expect(recordedBefore.length).toBeLessThan(SITE_COUNT);
    const sweep = conn.prepare('SELECT id, finished_at FROM sweeps').get() as { id: number; finished_at: string | null };
    expect(sweep.finished_at).toBeNull();
    conn.close();
    const requestsAtKill = servers.map((s) => s.requests.length);

    const resumed = await runCli(['sweep', '--resume', String(sweep.id), '--db', db, '--concurrency', '2']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`govcheck sweep ${sweep.id}: .*finished · ${SITE_COUNT} sites`));
    expect(resumed.stderr).toMatch(new RegExp(`${recordedBefore.length} already recorded`));

    const after = openStore(db, { mustExist: true });
    const rows = after.prepare('SELECT site_id, url, recorded_at FROM site_results ORDER BY id').all() as typeof recordedBefore;
    expect(rows).toHaveLength(SITE_COUNT);
    expect(new Set(rows.map((r) => r.site_id)).size).toBe(SITE_COUNT);
    expect(rows.slice(0, recordedBefore.length)).toEqual(recordedBefore); // nothing recorded was touched
    expect(after.prepare("SELECT COUNT(*) FROM jobs WHERE state <> 'done'").pluck().get()).toBe(0);
    expect(after.prepare('SELECT finished_at IS NOT NULL FROM sweeps WHERE id = ?').pluck().get(sweep.id)).toBe(1);
    after.close();

    // Sites recorded before the kill were not visited again.
    for (const r of recordedBefore) {
      const i = servers.findIndex((s) => r.url.startsWith(s.url));
      expect(servers[i].requests.length, r.url).toBe(requestsAtKill[i]);
    }

    // Resuming a finished sweep is a no-op.
    const again = await runCli(['sweep', '--resume', String(sweep.id), '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already finished/);
  });
});
