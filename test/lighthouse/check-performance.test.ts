// `govcheck check --only performance` end to end (the "done when"): contract metrics and a
// performance score in the JSON, perf/* findings, and budgets deciding the exit status.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { runCli } from '../helpers/cli.ts';
import { heavinessRoutes } from './fixture-pages.ts';

let server: FixtureServer;
let tmp: string;

beforeAll(async () => {
  server = await startFixtureServer({ routes: heavinessRoutes() });
  tmp = mkdtempSync(join(tmpdir(), 'govcheck-perf-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const check = (config: unknown) => {
  const file = join(tmp, `budgets-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  return runCli(['check', '--only', 'performance', '--allow-private', '--max-pages', '1', '--format', 'json', '--config', file, `${server.url}/blocking.html`], { timeoutMs: 280_000 });
};

describe('govcheck check --only performance', () => {
  it('reports contract metrics, a performance score and perf/* findings; an exceeded budget exits 1', async () => {
    const r = await check({ budgets: [{ tbtMs: 300, scores: { performance: 90 } }, { url: '*/blocking.html', transferBytes: 100_000 }] });
    expect(r.code, r.stderr).toBe(1);
    const site = JSON.parse(r.stdout).sites[0];
    expect(site.status).toBe('ok');
    expect(site.metrics).toMatchObject({ lcpMs: expect.any(Number), cls: expect.any(Number), tbtMs: expect.any(Number), fcpMs: expect.any(Number), transferBytes: expect.any(Number) });
    expect(site.metrics.tbtMs).toBeGreaterThan(300);
    expect(site.scores.performance).toBeGreaterThanOrEqual(0);
    expect(site.scores.performance).toBeLessThan(90);
    expect(site.metrics.performanceScore).toBe(site.scores.performance);
    const rules = site.pages[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['perf/render-blocking-resources', 'perf/total-blocking-time']));
    expect(site.budgets.map((b: { metric: string; passed: boolean }) => [b.metric, b.passed])).toEqual([
      ['tbtMs', false],
      ['scores.performance', false],
      ['transferBytes', false],
    ]);
  }, 300_000);

  it('exits 0 when every budget holds', async () => {
    const r = await check({ budgets: [{ lcpMs: 120_000, cls: 1, transferBytes: 50_000_000 }] });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).sites[0].budgets.every((b: { passed: boolean }) => b.passed)).toBe(true);
  }, 300_000);
});
