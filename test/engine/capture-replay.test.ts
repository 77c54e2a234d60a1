// Capture and replay through the real CLI: `check --save-artifacts` then `audit` gives the same report
// with no browser; the saved artifacts show the gather plan (what --only leaves out is not gathered);
// every registered rule runs on the captured artifacts reading only what it declares.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageArtifacts, PageRule, SiteResult, SiteRule } from '../../core/types.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { ALL_RULES } from '../../rules/index.ts';
import { contextView, pageOf, siteView, UndeclaredArtifactError } from '../../rules/artifact-view.ts';
import { readArtifactsDir } from '../../cli/artifacts-dir.ts';
import type { SiteCapture } from '../../worker/capture.ts';
import { ROOT, runCli, type CliResult } from '../helpers/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'govcheck-capture-'));
const NOW = '2026-11-27';
let site: FixtureServer;
let full: CliResult;
let a11yOnly: CliResult;

/** The report without what differs between two runs of the same rules (clock readings). */
const withoutTiming = (json: string) => JSON.parse(json, (k, v) => (['startedAt', 'finishedAt', 'durationMs', 'stageMs'].includes(k) ? undefined : v));
const captureIn = (dir: string): SiteCapture => {
  const saved = readArtifactsDir(dir).sites[0];
  if (!('capture' in saved)) throw new Error('no capture saved');
  return saved.capture;
};

beforeAll(async () => {
  site = await startFixtureServer({ root: join(ROOT, 'test/engine/site') });
  const common = ['--allow-private', '--now', NOW, '--lang', 'en', '--format', 'json', '--max-pages', '3'];
  // Lighthouse (performance) is left out: its own browser process would double the cost of this file.
  [full, a11yOnly] = await Promise.all([
    runCli(['check', ...common, '--only', 'accessibility,freshness,governance,security', '--save-artifacts', join(tmp, 'full'), '--output', join(tmp, 'full.json'), `${site.url}/`], { timeoutMs: 240_000 }),
    runCli(['check', ...common, '--only', 'accessibility', '--save-artifacts', join(tmp, 'a11y'), '--output', join(tmp, 'a11y.json'), `${site.url}/`], { timeoutMs: 240_000 }),
  ]);
}, 300_000);
afterAll(async () => {
  await site.close();
});

describe('check --save-artifacts → audit', () => {
  it('audit prints the same findings, scores and fingerprints as the check, without a browser', async () => {
    expect(full.code, full.stderr).toBe(0);
    const checked = JSON.parse(readFileSync(join(tmp, 'full.json'), 'utf8'));
    const audit = await runCli(['audit', '--format', 'json', join(tmp, 'full')]);
    expect(audit.code, audit.stderr).toBe(0);
    const replayed = JSON.parse(audit.stdout);
    expect(withoutTiming(audit.stdout)).toEqual(withoutTiming(readFileSync(join(tmp, 'full.json'), 'utf8')));
    // The comparison is not vacuous: the check found things and scored every category it ran.
    const s: SiteResult = replayed.sites[0];
    expect(s.pages.length).toBe(3);
    const fingerprints = s.pages.flatMap((p) => p.findings.map((f) => f.fingerprint));
    expect(fingerprints.length).toBeGreaterThan(5);
    expect(fingerprints).toEqual(checked.sites[0].pages.flatMap((p: SiteResult['pages'][number]) => p.findings.map((f) => f.fingerprint)));
    expect(s.scores.governance).not.toBeNull();
    expect(s.scores.accessibility).not.toBeNull();
    // No rule read an artifact it did not declare (that would be a rule error in skippedPages).
    expect(s.skippedPages.filter((p) => /rule error/.test(p.reason))).toEqual([]);
  });

  it('audit renders the other formats from the saved artifacts too', async () => {
    const out = join(tmp, 'audit.sarif');
    const audit = await runCli(['audit', '--format', 'sarif', '--output', out, join(tmp, 'full')]);
    expect(audit.code, audit.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(5);
  });

  it('--only accessibility gathers no tab order, no 320 px layout and no site probes', () => {
    expect(a11yOnly.code, a11yOnly.stderr).toBe(0);
    const a11y = captureIn(join(tmp, 'a11y'));
    const all = captureIn(join(tmp, 'full'));
    expect(a11y.site.pages.length).toBe(3);
    expect(all.site.pages.length).toBe(3);
    const start = (c: SiteCapture): PageArtifacts => c.site.pages[0];
    // What governance rules need is there in the full check …
    expect(start(all).focusOrder.length).toBeGreaterThan(0);
    expect(start(all).layout.narrowScrollWidth).toEqual(expect.any(Number));
    expect(all.site.linkChecks.length).toBeGreaterThan(0);
    expect(all.site.soft404).not.toBeNull();
    // … and not gathered when only accessibility runs, while what accessibility rules read is.
    expect(start(a11y).focusOrder).toEqual([]);
    expect(start(a11y).layout.narrowScrollWidth).toBeNull();
    expect(a11y.site.linkChecks).toEqual([]);
    expect(a11y.site.soft404).toBeNull();
    expect(a11y.site.feeds).toEqual([]);
    expect(start(a11y).axe?.violations.length).toBeGreaterThan(0);
    expect(start(a11y).headings?.length).toBeGreaterThan(0);
    expect(start(a11y).landmarks?.length).toBeGreaterThan(0);
  });

  it('every registered rule runs on captured artifacts reading only what it declares', () => {
    const { site: artifacts, now, config } = captureIn(join(tmp, 'full'));
    const ctx = { now: new Date(now), options: config.ruleOptions, site: artifacts };
    expect(ALL_RULES.length).toBeGreaterThan(30);
    let judged = 0;
    for (const rule of ALL_RULES) {
      const view = siteView(artifacts, rule.meta.requires);
      const rctx = contextView(ctx, rule.meta.requires);
      if (rule.meta.scope === 'site') {
        expect(() => (rule as SiteRule).check(view, rctx), rule.meta.id).not.toThrow();
        continue;
      }
      for (const page of artifacts.pages) {
        const r = (rule as PageRule).check(pageOf(view, page), { ...rctx, isStartPage: page === artifacts.pages[0] });
        if (r.applicable) judged++;
      }
    }
    expect(judged).toBeGreaterThan(20);
  });

  it('a rule reading an artifact it did not declare fails', () => {
    const { site: artifacts } = captureIn(join(tmp, 'full'));
    const view = siteView(artifacts, ['html']);
    expect(view.pages[0].html.length).toBeGreaterThan(0);
    expect(view.pages[0].url).toBe(artifacts.pages[0].url);
    expect(() => view.pages[0].focusOrder).toThrow(UndeclaredArtifactError);
    expect(() => view.linkChecks).toThrow(/linkChecks/);
    expect(() => siteView(artifacts, ['layout']).pages[0].layout.narrowScrollWidth).toThrow(/narrowScrollWidth/);
    expect(siteView(artifacts, ['layout', 'narrowLayout']).pages[0].layout.narrowScrollWidth).toEqual(expect.any(Number));
  });

  it('audit --help, and a directory that is not a capture: exit 2 with one line', async () => {
    const help = await runCli(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--save-artifacts/);
    expect((await runCli(['check', '--help'])).stdout).toMatch(/--save-artifacts <dir>/);
    const missing = await runCli(['audit', join(tmp, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no such directory/);
    const notCapture = await runCli(['audit', tmp]);
    expect(notCapture.code).toBe(2);
    expect(notCapture.stderr).toMatch(/no manifest\.json/);
    writeFileSync(join(tmp, 'bad-manifest'), '');
    const file = await runCli(['audit', join(tmp, 'bad-manifest')]);
    expect(file.code).toBe(2);
  });
});
