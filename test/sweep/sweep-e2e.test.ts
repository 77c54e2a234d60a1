// National sweeps end to end through the real CLI, real Chromium and a temp SQLite file, over small
// fixture agency sites served on 127.0.0.1 (test/sweep/sites/). A fixture site is changed between
// two sweeps: the second report must show what was fixed and what is new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { defaultConfig } from '../../core/config.ts';
import { SiteChecker } from '../../worker/site-checker.ts';
import { ROOT, runCli } from '../helpers/cli.ts';
import { openStore } from '../../reports/store/db.ts';
import { createToken } from '../../reports/dashboard/index.ts';
import { Client, serve } from '../dashboard/seed.ts';

const SITES = join(ROOT, 'test/sweep/sites');
const COMMON = ['--allow-private', '--only', 'accessibility,freshness,governance', '--max-pages', '2', '--now', '2026-11-27', '--concurrency', '2', '--page-delay', '0'];

let dir: string;
let servers: Record<string, FixtureServer>;
let closedPort: number;
let changing: string;
/** The first national sweep into national.db, shared by both tests (started once in beforeAll). */
let firstSweep: ReturnType<typeof runCli>;

interface ReportJson {
  sweep: { id: number; sites: number; ok: number; failed: number; finishedAt: string | null };
  agencies: {
    id: string;
    name: string;
    rank: number | null;
    coverage: number;
    fullCoverage: boolean;
    scores: Record<string, number | null>;
    changes: { newFindings: number; regressed: number; fixed: number };
    sites: { url: string; status: string; scores: Record<string, number | null>; findings: number; lastUpdated: string | null }[];
  }[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcheck-sweep-'));
  // The site that changes between sweeps is a copy we are free to edit.
  changing = join(dir, 'changing');
  cpSync(join(SITES, 'mid'), changing, { recursive: true });
  servers = {
    good: await startFixtureServer({ root: join(SITES, 'good') }),
    poor: await startFixtureServer({ root: join(SITES, 'poor') }),
    mid: await startFixtureServer({ root: changing }),
  };
  // A port nobody listens on: the site is unreachable and must count against coverage, not as 0.
  const gone = await startFixtureServer({});
  closedPort = gone.port;
  await gone.close();
  writeFileSync(
    join(dir, 'registry.csv'),
    '\uFEFFagency_id,agency_name,parent_agency_id,site_url,site_name\n' +
      `A01,模範部,,${servers.good.url}/,模範部全球資訊網\n` +
      `A02,冷門局,A01,${servers.poor.url}/,冷門局\n` +
      `A03,中庸署,,${servers.mid.url}/,中庸署\n` +
      `A03,中庸署,,http://127.0.0.1:${closedPort}/,中庸署舊站\n` +
      'A04,錯誤署,,ftp://127.0.0.1/,檔案站\n',
  );
  firstSweep = runCli(['sweep', join(dir, 'registry.csv'), '--db', join(dir, 'national.db'), ...COMMON]);
  await firstSweep;
}, 240_000);

afterAll(async () => {
  await Promise.all(Object.values(servers ?? {}).map((s) => s.close()));
});

async function reportJson(db: string, sweep = 'latest'): Promise<ReportJson> {
  const r = await runCli(['report', '--db', db, '--format', 'json', '--sweep', sweep]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

describe('govcheck sweep → report', () => {
  it('sweeps the registry into SQLite, ranks agencies and counts failures against coverage', async () => {
    const db = join(dir, 'national.db');
    const sweep = await firstSweep;
    expect(sweep.code, sweep.stderr).toBe(0);
    // The bad registry row is reported with its line and field; the good rows were swept.
    expect(sweep.stderr).toMatch(/registry\.csv:6: error: site_url: scheme "ftp"/);
    expect(sweep.stdout).toMatch(/govcheck sweep 1: .*finished · 4 sites: 3 checked, 1 could not be checked \(unreachable 1\)/);
    expect(sweep.stdout).toContain('Report:   govcheck report');

    const report = await reportJson(db);
    expect(report.sweep).toMatchObject({ id: 1, sites: 4, ok: 3, failed: 1 });
    expect(report.sweep.finishedAt).not.toBeNull();
    const byId = Object.fromEntries(report.agencies.map((a) => [a.id, a]));
    expect(Object.keys(byId).sort()).toEqual(['A01', 'A02', 'A03']);
    // Ranked best first; the neglected site is last; ranks follow the scores.
    expect(report.agencies[0].id).toBe('A01');
    expect(byId.A02.rank).toBe(3);
    const overall = report.agencies.map((a) => a.scores.overall!);
    expect([...overall].sort((a, b) => b - a)).toEqual(overall);
    expect(byId.A01.scores.overall!).toBeGreaterThan(byId.A02.scores.overall!);
    // A03: one site checked, one unreachable → scored on the checked one, coverage 50 %, flagged.
    expect(byId.A03).toMatchObject({ coverage: 0.5, fullCoverage: false, rank: 2 });
    expect(byId.A03.scores.overall).toBe(byId.A03.sites.find((s) => s.status === 'ok')!.scores.overall);
    const dead = byId.A03.sites.find((s) => s.url.includes(String(closedPort)))!;
    expect(dead).toMatchObject({ status: 'unreachable', scores: { overall: null, accessibility: null } });
    expect(byId.A01).toMatchObject({ coverage: 1, fullCoverage: true });
    expect(byId.A01.sites[0].lastUpdated).toBe('2026-11-20');
    expect(byId.A02.sites[0].findings).toBeGreaterThan(byId.A01.sites[0].findings);

    // CSV for Excel and a self-contained HTML file.
    const csvFile = join(dir, 'national.csv');
    expect((await runCli(['report', '--db', db, '--format', 'csv', '--output', csvFile])).code).toBe(0);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[1]).toMatch(/^A01,模範部,http:\/\/127\.0\.0\.1:\d+\/,ok,\d+/);

    const htmlFile = join(dir, 'national.html');
    expect((await runCli(['report', '--db', db, '--format', 'html', '--output', htmlFile])).code).toBe(0);
    const { document } = parseHTML(readFileSync(htmlFile, 'utf8'));
    expect([...document.querySelectorAll('#ranking tbody th')].map((th) => th.textContent)).toEqual(report.agencies.map((a) => a.name));

    // The report itself passes govcheck's own accessibility checks in a real browser.
    const reportServer = await startFixtureServer({ root: dir });
    const checker = new SiteChecker();
    try {
      const self = await checker.check(`${reportServer.url}/national.html`, {
        categories: ['accessibility'],
        maxPages: 1,
        now: new Date('2026-11-27T00:00:00+08:00'),
        allowPrivate: true,
        config: defaultConfig(),
        lang: 'en',
      });
      const axe = self.pages.flatMap((p) => p.findings).filter((f) => f.rule.startsWith('axe/'));
      expect(axe.map((f) => `${f.rule} ${f.selector}`)).toEqual([]);
    } finally {
      await checker.close();
      await reportServer.close();
    }
  });

  it('a site fixed between two sweeps shows its fixed and new findings in the report', async () => {
    // The first sweep is the one the test above checked (a copy of its database: one sweep less to run).
    const db = join(dir, 'twice.db');
    expect((await firstSweep).code).toBe(0);
    copyFileSync(join(dir, 'national.db'), db);
    const before = await reportJson(db);
    expect(before.agencies.find((a) => a.id === 'A03')!.changes.fixed).toBe(0);
    await dashboardServesScreenshots(db);

    // The agency adds the missing alt text and, in the same edit, a search box without a label.
    const index = join(changing, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<img src="photo.jpg">', '<img src="photo.jpg" alt="署長視察"><input type="text" name="q">'));

    const second = await runCli(['sweep', join(dir, 'registry.csv'), '--db', db, ...COMMON]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/govcheck sweep 2:/);
    const after = await reportJson(db);
    expect(after.sweep.id).toBe(2);
    const a03 = after.agencies.find((a) => a.id === 'A03')!;
    expect(a03.changes.fixed).toBeGreaterThanOrEqual(1);
    expect(a03.changes.newFindings).toBeGreaterThanOrEqual(1);
    // Untouched sites: nothing new, nothing fixed.
    for (const id of ['A01', 'A02']) expect(after.agencies.find((a) => a.id === id)!.changes).toMatchObject({ newFindings: 0, fixed: 0, regressed: 0 });

    const html = await runCli(['report', '--db', db, '--format', 'html', '--agency', 'A03']);
    expect(html.code).toBe(0);
    const { document } = parseHTML(html.stdout);
    const section = document.querySelector('#agency-A03')!;
    const listAfter = (heading: string) => [...section.querySelectorAll('h4')].find((h) => h.textContent?.includes(heading))?.nextElementSibling?.textContent ?? '';
    expect(listAfter('已修正的問題')).toContain('axe/image-alt');
    expect(listAfter('新發現的問題')).toMatch(/axe\/(label|form-field)/);

    // Retention: the first sweep loses its page-level detail but keeps its ranking and scores.
    const firstReport = await reportJson(db, '1');
    const pruned = await runCli(['prune', '--db', db, '--keep-sweeps', '1', '--vacuum']);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.stdout).toMatch(/pruned sweep\(s\) 1: removed \d+ pages, \d+ findings/);
    const afterPrune = await reportJson(db, '1');
    expect(afterPrune.agencies.map((a) => [a.id, a.rank, a.scores, a.coverage])).toEqual(firstReport.agencies.map((a) => [a.id, a.rank, a.scores, a.coverage]));
    expect(existsSync(db)).toBe(true);
    // The pruned sweep's screenshots went with its findings; the kept sweep's stay.
    expect(pruned.stdout).toMatch(/, [1-9]\d* screenshots/);
    const store = openStore(db, { mustExist: true });
    try {
      const count = (sweep: number) => (store.prepare('SELECT count(*) AS n FROM finding_screenshots WHERE sweep_id = ?').get(sweep) as { n: number }).n;
      expect(count(1)).toBe(0);
      expect(count(2)).toBeGreaterThan(0);
      expect((store.prepare('SELECT count(*) AS n FROM finding_screenshots WHERE finding_id NOT IN (SELECT id FROM findings)').get() as { n: number }).n).toBe(0);
    } finally {
      store.close();
    }
  });
});

/** Sweeps take screenshots by default; the dashboard shows them on the site page and serves them to whoever may see the site. */
async function dashboardServesScreenshots(dbFile: string): Promise<void> {
  const store = openStore(dbFile, { mustExist: true });
  const { dashboard, url } = await serve({ db: store });
  try {
    const shots = store
      .prepare('SELECT s.finding_id AS id, s.type, s.width, s.height, f.site_id AS siteId, r.agency_id AS agencyId FROM finding_screenshots s JOIN findings f ON f.id = s.finding_id JOIN site_results r ON r.id = f.site_result_id WHERE s.sweep_id = 1')
      .all() as { id: number; type: string; width: number; height: number; siteId: number; agencyId: string }[];
    expect(shots.length).toBeGreaterThan(0);
    const shot = shots[0];
    const oversight = await Client.login(url, createToken(store, { role: 'oversight' }).token);
    expect((await oversight.text(`/sites/${shot.siteId}`)).body).toContain(`src="/findings/${shot.id}/screenshot" width="${shot.width}" height="${shot.height}"`);
    const res = await oversight.get(`/findings/${shot.id}/screenshot`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(shot.type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const png = Buffer.from(await res.arrayBuffer());
    expect(shot.type).toBe('image/png');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([shot.width, shot.height]);
    // Another agency's token may not see it; without a token the visitor is sent to log in.
    const other = ['A01', 'A02', 'A03'].find((a) => a !== shot.agencyId)!;
    expect((await new Client(url, createToken(store, { role: 'agency', agencyId: other }).token).get(`/findings/${shot.id}/screenshot`)).status).toBe(403);
    expect((await new Client(url).get(`/findings/${shot.id}/screenshot`)).status).toBe(303);
  } finally {
    await dashboard.close();
    store.close();
  }
}
