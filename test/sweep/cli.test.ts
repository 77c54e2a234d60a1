// Usage errors of sweep / report / prune: exit 2 with a one-line reason, before any browser starts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../reports/store/db.ts';
import { runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'govcheck-cli-'));

describe('sweep, report and prune usage errors', () => {
  it('refuses what it cannot do with exit 2 and the reason', { timeout: 400_000 }, async () => {
    // An existing (empty) database: a sweep that is refused leaves it as it was.
    openStore(join(dir, 'a.db')).close();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'agency_id,agency_name,parent_agency_id,site_url,site_name\nA01,模範部,,ftp://x.gov.tw/,x\nA02,冷門局,,,y\n');
    const cases: [string[], RegExp][] = [
      // Registry errors are reported before any Redis is contacted, distributed or not.
      [['sweep', bad, '--redis', 'redis://127.0.0.1:1', '--db', join(dir, 'a.db')], /bad\.csv:2: error: site_url[\s\S]*no valid site/],
      [['sweep', '--db', join(dir, 'a.db')], /no registry given/],
      [['sweep', join(dir, 'missing.csv'), '--db', join(dir, 'a.db')], /cannot read registry/],
      [['sweep', bad, '--db', join(dir, 'a.db')], /bad\.csv:2: error: site_url: scheme "ftp"[\s\S]*bad\.csv:3: error: site_url: missing URL[\s\S]*no valid site/],
      [['sweep', '--resume', '7', '--db', join(dir, 'a.db')], /--resume: no sweep 7/],
      [['sweep', bad, '--lane', 'vip', '--db', join(dir, 'a.db')], /--lane: expected one of sweep, self-check, ci/],
      [['report', '--db', join(dir, 'nothing.db')], /cannot open database/],
      [['sweep', '--resume', '7', '--db', join(dir, 'nothing.db')], /cannot open database/],
      [['report', '--db', join(dir, 'a.db'), '--format', 'xml'], /--format: expected csv, json, html/],
      [['report', '--db', join(dir, 'a.db')], /no sweeps yet/],
      [['prune', '--db', join(dir, 'a.db')], /--keep-sweeps <n> is required/],
      [['prune', '--db', join(dir, 'a.db'), '--keep-sweeps', '0'], /--keep-sweeps expects an integer ≥ 1/],
    ];
    for (const [args, reason] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(reason);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('documents every contract flag in --help', async () => {
    const sweep = await runCli(['sweep', '--help']);
    for (const flag of ['--db', '--only', '--max-pages', '--now', '--allow-private', '--concurrency', '--chrome', '--resume', '--redis', '--lane']) expect(sweep.stdout).toContain(flag);
    const report = await runCli(['report', '--help']);
    for (const flag of ['--format', '--sweep', '--agency', '--output', '--db']) expect(report.stdout).toContain(flag);
    expect((await runCli(['prune', '--help'])).stdout).toContain('--keep-sweeps');
  });
});
