// govcheck init writes a commented starter config that --config reads as written; waivers expire.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig, waiverExpired } from '../../core/config.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import type { CheckReport } from '../../core/types.ts';
import { runCli, ROOT } from '../helpers/cli.ts';

let site: FixtureServer;
const tmp = mkdtempSync(join(tmpdir(), 'govcheck-init-'));
const file = join(tmp, 'govcheck.config.jsonc');

beforeAll(async () => {
  site = await startFixtureServer({ root: join(ROOT, 'test/engine/site') });
});
afterAll(async () => {
  await site.close();
});

describe('govcheck init', () => {
  it('writes a commented starter config; refuses to overwrite it without --force', async () => {
    const r = await runCli(['init', '--output', file]);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\/\/ /m);
    expect(text).toContain('"expires": "');
    expect(() => JSON.parse(text)).toThrow();

    writeFileSync(file, `${text}// edited by hand\n`);
    const again = await runCli(['init', '--output', file]);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toContain('// edited by hand');
    const forced = await runCli(['init', '--output', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('--config reads what init wrote: the national defaults plus its budgets and a waiver with an expiry', () => {
    expect(existsSync(file)).toBe(true);
    const cfg = loadConfig(file);
    const d = defaultConfig();
    expect(cfg.weights).toEqual(d.weights);
    expect(cfg.ruleOptions).toEqual(d.ruleOptions);
    expect(cfg.lighthouse).toEqual(d.lighthouse);
    expect(cfg.timeouts).toEqual(d.timeouts);
    expect(cfg.disabledRules).toEqual([]);
    expect(cfg.budgets).toEqual([{ lcpMs: 2500, cls: 0.1, tbtMs: 300, transferBytes: 3000000 }, { scores: { accessibility: 90, overall: 80 } }]);
    expect(cfg.waivers).toHaveLength(1);
    expect(cfg.waivers[0].rule).toBe('axe/color-contrast');
    expect(cfg.waivers[0].expires).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(waiverExpired(cfg.waivers[0], new Date())).toBe(false);
  });

  it('an expired waiver stops applying and the report and stderr say so; a live one still hides its findings', async () => {
    const text = readFileSync(file, 'utf8')
      .replace('"rule": "axe/color-contrast"', '"rule": "axe/image-alt"')
      .replace('"https://www.example.gov.tw/legacy/*"', JSON.stringify(`${site.url}/*`))
      .replace(/"expires": "[\d-]+"/, '"expires": "2026-11-26"')
      .replace('"waivers": [', `"waivers": [\n    { "rule": "axe/label", "expires": "2026-11-27" }, // still valid on --now\n`)
      // the budgets would fail this page; this test is about waivers
      .replace(/"budgets": \[[\s\S]*?\n  \],/, '"budgets": [],');
    const cfgFile = join(tmp, 'expired.jsonc');
    writeFileSync(cfgFile, text);
    const r = await runCli(['check', '--config', cfgFile, '--now', '2026-11-27', '--max-pages', '1', '--only', 'accessibility', '--allow-private', '--quiet', '--format', 'json', '--lang', 'en', `${site.url}/`], { timeoutMs: 300_000 });
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('govcheck check: warning: waivers[1] (axe/image-alt ' + `${site.url}/*) expired on 2026-11-26; it no longer applies`);
    const report: CheckReport = JSON.parse(r.stdout);
    expect(report.warnings).toEqual([`waivers[1] (axe/image-alt ${site.url}/*) expired on 2026-11-26; it no longer applies`]);
    const rules = report.sites[0].pages[0].findings.map((f) => f.rule);
    expect(rules).toContain('axe/image-alt');
    expect(rules).not.toContain('axe/label');
    expect(report.sites[0].metrics.waivedFindings).toBeGreaterThan(0);
  }, 320_000);

  it('a bad expiry date or a broken commented file is exit 2 naming the field or line', async () => {
    const bad = join(tmp, 'bad.jsonc');
    writeFileSync(bad, '{\n  // comment\n  "waivers": [{ "rule": "axe/label", "expires": "2026-02-30" }]\n}\n');
    const r1 = await runCli(['check', '--config', bad, '--allow-private', `${site.url}/`]);
    expect(r1.code).toBe(2);
    expect(r1.stderr.trim().split('\n')).toHaveLength(1);
    expect(r1.stderr).toContain('waivers[0].expires');
    writeFileSync(bad, '{\n  // comment\n  "weights": { "accessibility": 35 }\n  "budgets": []\n}\n');
    const r2 = await runCli(['check', '--config', bad, '--allow-private', `${site.url}/`]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/line 4/);
  });
});
