// check --baseline: the real CLI twice on a fixture page with known axe errors; the second run is
// compared with the first report (as is, and with findings taken out / made up).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { applyBaseline, parseBaseline } from '../../core/baseline.ts';
import type { CheckReport, Finding } from '../../core/types.ts';
import { reporterFor } from '../../reports/check/index.ts';
import { runCli, ROOT } from '../helpers/cli.ts';

let site: FixtureServer;
const tmp = mkdtempSync(join(tmpdir(), 'govcheck-baseline-'));
let first: CheckReport;
const baselineFile = join(tmp, 'baseline.json');

const check = (extra: string[]) => runCli(['check', '--max-pages', '1', '--only', 'accessibility', '--allow-private', '--quiet', '--format', 'json', ...extra, `${site.url}/`], { timeoutMs: 300_000 });
const findings = (r: CheckReport): Finding[] => r.sites.flatMap((s) => s.pages.flatMap((p) => p.findings));

beforeAll(async () => {
  site = await startFixtureServer({ root: join(ROOT, 'test/engine/site') });
  const r = await check(['--output', baselineFile]);
  expect(r.code).toBe(0);
  first = JSON.parse(readFileSync(baselineFile, 'utf8'));
}, 320_000);
afterAll(async () => {
  await site.close();
});

describe('check --baseline', () => {
  it('marks every finding unchanged against its own earlier report, lists nothing fixed, exit 0', async () => {
    expect(findings(first).length).toBeGreaterThan(2);
    const r = await check(['--baseline', baselineFile]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report: CheckReport = JSON.parse(r.stdout);
    const all = findings(report);
    expect(all.length).toBe(findings(first).length);
    expect(all.filter((f) => f.baseline !== 'unchanged')).toEqual([]);
    expect(report.sites[0].baseline).toMatchObject({ new: 0, unchanged: all.length, fixed: [], unseen: 0 });
  }, 320_000);

  it('a finding missing from the baseline is new (exit 1 when serious/critical); one only in the baseline is fixed; junit, sarif, text and html say so', async () => {
    const edited = structuredClone(first);
    const page = edited.sites[0].pages[0];
    const critical = page.findings.find((f) => f.rule === 'axe/image-alt')!;
    expect(critical.severity).toBe('critical');
    page.findings = page.findings.filter((f) => f !== critical);
    page.findings.push({ ...critical, rule: 'axe/region', severity: 'moderate', selector: '#gone', message: 'was there', fingerprint: 'f1x3d000f1x3d000' });
    const file = join(tmp, 'edited.json');
    writeFileSync(file, JSON.stringify(edited));
    const r = await check(['--baseline', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/new serious or critical/);
    const report: CheckReport = JSON.parse(r.stdout);
    const all = findings(report);
    const added = all.filter((f) => f.baseline === 'new');
    expect(added.map((f) => f.rule)).toEqual(['axe/image-alt']);
    expect(report.sites[0].baseline!.fixed.map((f) => [f.rule, f.selector, f.fingerprint])).toEqual([['axe/region', '#gone', 'f1x3d000f1x3d000']]);
    expect(report.sites[0].baseline!.unchanged).toBe(all.length - 1);

    const junit = reporterFor('junit')!.render(report, { color: false });
    const imageAlt = /<testcase classname="govcheck\.axe" name="axe\/image-alt[^"]*">(.*?)<\/testcase>/s.exec(junit)?.[1] ?? '';
    expect(imageAlt).toContain('<failure');
    expect(imageAlt).toContain('[new]');
    // A rule with only unchanged findings no longer fails the build report; its findings stay visible.
    const label = /<testcase classname="govcheck\.axe" name="axe\/label[^"]*">(.*?)<\/testcase>/s.exec(junit)?.[1] ?? '';
    expect(label).not.toContain('<failure');
    expect(label).toContain('[unchanged]');
    expect(junit).toContain('[fixed] [moderate] axe/region');

    const sarif = JSON.parse(reporterFor('sarif')!.render(report, { color: false }));
    const states = sarif.runs[0].results.map((x: { ruleId: string; baselineState: string }) => `${x.ruleId}:${x.baselineState}`);
    expect(states).toContain('axe/image-alt:new');
    expect(states).toContain('axe/label:unchanged');
    expect(states).toContain('axe/region:absent');

    const text = reporterFor('text')!.render({ ...report, lang: 'en' }, { color: false });
    expect(text).toMatch(/since the baseline: 1 new · \d+ unchanged · 1 fixed/);
    expect(text).toMatch(/axe\/image-alt .*\(1 new, 0 unchanged\)/);
    const html = reporterFor('html')!.render({ ...report, lang: 'en' }, { color: false });
    expect(html).toContain('<strong>new</strong>');
    expect(html).toContain('fixed: <strong>axe/region</strong>');
  }, 320_000);

  it('--fail-under still applies with a baseline', async () => {
    const r = await check(['--baseline', baselineFile, '--fail-under', '100']);
    expect(first.sites[0].scores.overall).toBeLessThan(100);
    expect(r.code).toBe(1);
  }, 320_000);

  it('a bad baseline file is exit 2 with one line naming it', async () => {
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '<html>');
    const noSites = join(tmp, 'nosites.json');
    writeFileSync(noSites, JSON.stringify({ tool: { name: 'govcheck' } }));
    const badFp = join(tmp, 'badfp.json');
    writeFileSync(badFp, JSON.stringify({ sites: [{ url: 'http://x/', pages: [{ url: 'http://x/', findings: [{ rule: 'axe/x', fingerprint: 7 }] }] }] }));
    for (const [file, what] of [
      [join(tmp, 'missing.json'), 'cannot read'],
      [notJson, 'not JSON'],
      [noSites, 'sites'],
      [badFp, 'sites[0].pages[0].findings[0].fingerprint'],
    ]) {
      const r = await runCli(['check', '--allow-private', '--baseline', file, `${site.url}/`]);
      expect(r.code, file).toBe(2);
      expect(r.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(r.stderr, file).toContain(`--baseline ${file}`);
      expect(r.stderr, file).toContain(what);
    }
  }, 320_000);

  it('a baseline finding on a page not checked again, or of a category not run, is not counted fixed', () => {
    const report = structuredClone(first);
    const base = structuredClone(first);
    base.sites[0].pages.push({ ...base.sites[0].pages[0], url: `${site.url}/other.html`, findings: [{ ...base.sites[0].pages[0].findings[0], fingerprint: 'aaaa000000000000' }] });
    base.sites[0].pages[0].findings.push({ ...base.sites[0].pages[0].findings[0], rule: 'perf/x', category: 'performance', fingerprint: 'bbbb000000000000' });
    // The CI server listened on another port this time: sites and pages still match by path.
    const moved = structuredClone(report);
    moved.sites[0].url = moved.sites[0].url.replace(String(site.port), '1');
    for (const p of moved.sites[0].pages) p.url = p.url.replace(String(site.port), '1');
    applyBaseline(moved, parseBaseline(base));
    expect(moved.sites[0].baseline).toMatchObject({ new: 0, fixed: [], unseen: 2 });
  });
});
