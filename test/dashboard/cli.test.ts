// `govcheck serve` through the real CLI: token commands and a served dashboard answering requests.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.ts';
import { seed, tempDbFile } from './seed.ts';

let dbFile: string;

beforeAll(() => {
  const s = seed();
  dbFile = s.file;
  s.db.close();
});

describe('govcheck serve', () => {
  it('prints its help and refuses a missing database', async () => {
    const help = await runCli(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--create-token');
    const missing = await runCli(['serve', '--db', tempDbFile(), '--port', '0']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot open database/);
  });

  it('creates a token once (stored hashed), lists and revokes it', async () => {
    const unknown = await runCli(['serve', '--db', dbFile, '--create-token', 'agency:NOPE']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no agency "NOPE"');
    const bad = await runCli(['serve', '--db', dbFile, '--create-token', 'admin']);
    expect(bad.code).toBe(2);

    const created = await runCli(['serve', '--db', dbFile, '--create-token', 'agency:A02', '--label', '冷門局網管']);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^gct_[A-Za-z0-9_-]{43}$/);
    const list = await runCli(['serve', '--db', dbFile, '--list-tokens']);
    expect(list.stdout).toMatch(/\tagency:A02\tactive\t.*冷門局網管/);
    expect(list.stdout).not.toContain(token);
    const id = /^(\d+)\tagency:A02\tactive\t.*冷門局網管$/m.exec(list.stdout)![1];
    expect((await runCli(['serve', '--db', dbFile, '--revoke-token', id])).code).toBe(0);
    expect((await runCli(['serve', '--db', dbFile, '--list-tokens'])).stdout).toMatch(new RegExp(`^${id}\\tagency:A02\\trevoked`, 'm'));
  });

  describe('serving', () => {
    let child: ReturnType<typeof spawn> | null = null;
    afterAll(() => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
    });

    it('serves the dashboard on 127.0.0.1 and stops cleanly on SIGTERM', async () => {
      const token = (await runCli(['serve', '--db', dbFile, '--create-token', 'oversight'])).stdout.trim();
      child = spawn(process.execPath, ['cli/govcheck.js', 'serve', '--db', dbFile, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        child!.stdout!.on('data', (d) => {
          stdout += d;
          const m = /govcheck serve: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
          if (m) resolve(m[1]);
        });
        child!.on('exit', (code) => reject(new Error(`serve exited early with ${code}: ${stdout}`)));
      });
      const login = await fetch(`${url}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('<html lang="zh-Hant-TW">');
      const api = await fetch(`${url}/api/agencies`, { headers: { authorization: `Bearer ${token}` } });
      expect(api.status).toBe(200);
      expect(((await api.json()) as { agencies: unknown[] }).agencies).toHaveLength(3);
      const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    });
  });
});
