// The worker and scheduler commands' usage errors and exit codes (no Redis needed: an unreachable
// one is a port nobody listens on).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { freePort } from './helpers.ts';

describe('govcheck worker / scheduler usage', () => {
  it('documents lanes and politeness in --help', async () => {
    const w = await runCli(['worker', '--help']);
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/--redis <url>/);
    expect(w.stdout).toMatch(/interactive/);
    const s = await runCli(['scheduler', '--help']);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/--cron "<expr>"/);
    expect(s.stdout).toMatch(/Asia\/Taipei/);
  });

  it('exits 2 on usage errors, with a one-line reason', async () => {
    const cases: [string[], RegExp][] = [
      [['worker'], /--redis <url> is required/],
      [['worker', '--redis', 'http://127.0.0.1:6379'], /redis:\/\/ or rediss:\/\//],
      [['worker', '--redis', 'redis://127.0.0.1:1', '--concurrency', '0'], /--concurrency expects an integer ≥ 1/],
      [['scheduler', '--redis', 'redis://127.0.0.1:1', '--registry', 'package.json', '--db', 'x.db'], /--cron "<expr>" is required/],
      [['scheduler', '--redis', 'redis://127.0.0.1:1', '--once', '--db', 'x.db'], /--registry <file> is required/],
      [['scheduler', '--redis', 'redis://127.0.0.1:1', '--once', '--registry', 'no-such.csv'], /no such file/],
      [['scheduler', '--redis', 'redis://127.0.0.1:1', '--resume', '3', '--registry', 'package.json'], /--resume needs --once/],
    ];
    for (const [args, re] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(re);
    }
  });

  it('exits 3 when Redis cannot be reached', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const w = await runCli(['worker', '--redis', url]);
    expect(w.code).toBe(3);
    expect(w.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/);
    const s = await runCli(['scheduler', '--redis', url, '--once', '--registry', 'package.json']);
    expect(s.code).toBe(3);
    expect(s.stderr).toMatch(/cannot reach Redis/);
  });
});
