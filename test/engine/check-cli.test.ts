// govcheck check end to end: real CLI process, real Chromium, fixture pages on 127.0.0.1.
import { createServer, type Server } from 'node:net';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { runCli, ROOT } from '../helpers/cli.ts';

let site: FixtureServer;
const tmp = mkdtempSync(join(tmpdir(), 'govcheck-cli-'));

beforeAll(async () => {
  site = await startFixtureServer({ root: join(ROOT, 'test/engine/site') });
});
afterAll(async () => {
  await site.close();
});

const a11yJson = (url: string, extra: string[] = []) => runCli(['check', '--max-pages', '1', '--only', 'accessibility', '--allow-private', '--format', 'json', ...extra, url]);

describe('govcheck check', () => {
  it('reports axe findings for a page with known errors (contract JSON, exit 0)', async () => {
    const r = await a11yJson(`${site.url}/`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.tool.name).toBe('govcheck');
    expect(report.tool.engines['axe-core']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(report.sites).toHaveLength(1);
    const s = report.sites[0];
    expect(s.status).toBe('ok');
    expect(s.error).toBeNull();
    expect(s.pages).toHaveLength(1);
    const rules = new Set(s.pages[0].findings.map((f: { rule: string }) => f.rule));
    expect(rules).toContain('axe/image-alt');
    expect(rules).toContain('axe/label');
    expect(rules).toContain('axe/color-contrast');
    const alt = s.pages[0].findings.find((f: { rule: string }) => f.rule === 'axe/image-alt');
    expect(alt).toMatchObject({ category: 'accessibility', severity: 'critical', wcag: ['1.1.1'] });
    expect(alt.snippet).toContain('<img');
    expect(alt.help).toMatch(/^https:\/\//);
    expect(s.scores.accessibility).toBeLessThan(100);
    expect(s.scores.performance).toBeNull();
    expect(Number.isInteger(s.scores.overall)).toBe(true);
    expect(Array.isArray(s.pages[0].needsReview)).toBe(true);
  });

  it('--screenshots puts the failing elements, as the page showed them, inline in the HTML report', async () => {
    const r = await runCli(['check', '--max-pages', '1', '--only', 'accessibility', '--allow-private', '--screenshots', '--format', 'html', '--lang', 'en', `${site.url}/`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { document } = parseHTML(r.stdout);
    const shots = [...document.querySelectorAll('img.shot')];
    expect(shots.length).toBeGreaterThan(0);
    for (const img of shots) {
      expect(img.getAttribute('src')).toMatch(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/);
      expect(img.getAttribute('alt')).toMatch(/^Screenshot of the element \S.* \((axe|tw|gov)\/[\w-]+\)$/);
    }
    expect(shots.map((i) => i.getAttribute('alt')).join('\n')).toContain('(axe/image-alt)');
  });

  it('gives [] findings and full marks for a clean page', async () => {
    const r = await a11yJson(`${site.url}/clean.html`);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).sites[0];
    expect(s.pages[0].findings).toEqual([]);
    expect(s.scores.accessibility).toBe(100);
  });

  it('exits 1 below --fail-under and writes --output', async () => {
    const out = join(tmp, 'report.json');
    const r = await a11yJson(`${site.url}/`, ['--fail-under', '99', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).sites[0].scores.overall).toBeLessThan(99);
  });

  it('exits 1 when a budget in --config is exceeded', async () => {
    const cfg = join(tmp, 'budget.json');
    writeFileSync(cfg, JSON.stringify({ budgets: [{ scores: { accessibility: 100 } }] }));
    const r = await a11yJson(`${site.url}/`, ['--config', cfg]);
    expect(r.code).toBe(1);
    const budgets = JSON.parse(r.stdout).sites[0].budgets;
    expect(budgets.some((b: { passed: boolean }) => !b.passed)).toBe(true);
  });

  it('exits 2 on usage errors with a one-line reason', async () => {
    for (const args of [
      ['check'],
      ['check', '--bogus', 'http://127.0.0.1/'],
      ['check', '--max-pages', 'many', 'http://127.0.0.1/'],
      ['check', '--only', 'colour', 'http://127.0.0.1/'],
      ['check', '--format', 'pdf', 'http://127.0.0.1/'],
      ['check', '--now', '2026-02-30', 'http://127.0.0.1/'],
      ['check', 'not a url'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('exits 2 on a bad --config naming the field', async () => {
    const cfg = join(tmp, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ budgets: [{ lcpMs: 'fast' }] }));
    const r = await a11yJson(`${site.url}/`, ['--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('budgets[0].lcpMs');
  });

  it('refuses loopback, private and non-http addresses without --allow-private (SSRF)', async () => {
    const before = site.requests.length;
    for (const url of [`${site.url}/`, 'http://localhost/', 'http://10.1.2.3/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'file:///etc/passwd', 'ftp://127.0.0.1/']) {
      const r = await runCli(['check', '--only', 'accessibility', url]);
      expect(r.code, url).toBe(2);
      expect(r.stderr, url).toMatch(/refused/);
    }
    expect(site.requests.length, 'the refused site was never contacted').toBe(before);
  });

  it('exits 3 when a site cannot be checked, with the reason in the report', async () => {
    const closed = await freePort();
    const r = await a11yJson(`http://127.0.0.1:${closed}/`);
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout).sites[0];
    expect(s.status).toBe('unreachable');
    expect(s.error).toMatch(/refused/i);
    expect(s.scores.overall).toBeNull();
    expect(s.scores.accessibility).toBeNull();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv: Server = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}
