// npm run bench:national-db: the store and dashboard at national size.
// A year of weekly national sweeps (default 400 sites × 52 sweeps) is written through the real store:
// registry import, sweeps planned by the real queue, SiteResults recorded by the real recorder (issue
// lifecycle included), statistics computed as a finished sweep does. Synthetic results carry realistic
// finding counts: ~5 pages a site, tens of findings a page, most of them the same from week to week
// (fixed, new and regressed findings each week), ~4 % of sites failing. Then it measures:
//   - database size, and its growth per sweep;
//   - `govcheck report` wall time (html, json, csv) through the real CLI;
//   - the dashboard's overview, agency and site pages and /api/agencies (warm, median and worst of 20);
//   - `govcheck prune --keep-sweeps 12 --vacuum`: the size it keeps.
// Measurements only: nothing here is asserted by npm test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../core/config.ts';
import type { Category, Finding, PageResult, Severity, SiteResult } from '../core/types.ts';
import { createDashboard, createToken } from '../reports/dashboard/index.ts';
import { openStore, type Db } from '../reports/store/db.ts';
import { recordSiteResult } from '../reports/store/recorder.ts';
import { saveRegistry } from '../reports/store/registry-store.ts';
import type { SweepOptions } from '../reports/store/sweeps.ts';
import { planSweep } from '../scheduler/queue.ts';
import { finishSweep } from '../scheduler/sweep.ts';
import { createRandom } from '../fixtures/lib/random.ts';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '400' },
    sweeps: { type: 'string', default: '52' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
    /** Measure a database built by an earlier run (--db) instead of building one. */
    reuse: { type: 'boolean', default: false },
    /** Skip the prune step (it rewrites the database). */
    'no-prune': { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
  },
});
const SITES = Number(values.sites);
const SWEEPS = Number(values.sweeps);
const PAGES = 5;
const CATEGORIES: Category[] = ['accessibility', 'performance', 'freshness', 'governance', 'security'];

const random = createRandom(Number(values.seed));
const rand = random.next;
const pick = random.pick;

/** Rules with their category and typical severity, roughly in the mix real sweeps show. */
const RULES: [string, Category, Severity][] = [
  ['axe/color-contrast', 'accessibility', 'serious'],
  ['axe/image-alt', 'accessibility', 'critical'],
  ['axe/link-name', 'accessibility', 'serious'],
  ['axe/label', 'accessibility', 'critical'],
  ['axe/heading-order', 'accessibility', 'moderate'],
  ['axe/region', 'accessibility', 'moderate'],
  ['axe/landmark-one-main', 'accessibility', 'moderate'],
  ['axe/frame-title', 'accessibility', 'serious'],
  ['tw/new-window', 'governance', 'minor'],
  ['tw/absolute-font-size', 'governance', 'minor'],
  ['tw/open-formats', 'governance', 'moderate'],
  ['gov/broken-links', 'governance', 'moderate'],
  ['gov/metadata', 'governance', 'minor'],
  ['security/headers', 'security', 'minor'],
  ['perf/render-blocking-resources', 'performance', 'moderate'],
];

interface SiteModel {
  id: number;
  agencyId: string;
  url: string;
  /** Standing findings per page: index into RULES and element number. */
  standing: { page: number; rule: number; el: number }[];
  quality: number;
}

function findingOf(site: SiteModel, s: { page: number; rule: number; el: number }): Finding {
  const [rule, category, severity] = RULES[s.rule];
  const selector = `#main > div:nth-child(${s.el}) > a`;
  return {
    rule,
    category,
    severity,
    wcag: category === 'accessibility' ? ['1.1.1'] : [],
    selector,
    snippet: `<a href="/News_Content.aspx?n=${s.el}&amp;s=${site.id}">最新消息 ${s.el}</a>`,
    message: `${rule}：第 ${s.el} 個元素未通過檢測`,
    help: 'https://dequeuniversity.com/rules/axe/4.10/',
    fingerprint: `${site.id}-${s.page}-${s.rule}-${s.el}`,
  };
}

function resultOf(site: SiteModel, week: number, nowIso: string): SiteResult {
  const failed = rand() < 0.04;
  const base = {
    url: site.url,
    engines: { govcheck: '0.1.0', 'axe-core': '4.14.1', lighthouse: '12.2.3', chromium: '156.0', ruleset: '2026.11.1' },
    categories: CATEGORIES,
    startedAt: nowIso,
    finishedAt: nowIso,
    durationMs: 20_000 + Math.floor(rand() * 40_000),
    budgets: [],
    lighthouse: [],
  };
  if (failed) {
    const status = pick(['timeout', 'unreachable', 'blocked'] as const);
    return {
      ...base,
      status,
      error: `${status} (synthetic)`,
      failureKind: status === 'blocked' ? 'blocked' : status === 'timeout' ? 'timeout' : 'refused',
      finalUrl: null,
      scores: { accessibility: null, performance: null, freshness: null, governance: null, security: null, overall: null },
      freshness: null,
      metrics: { lcpMs: null, cls: null, tbtMs: null, fcpMs: null, transferBytes: null, performanceScore: null },
      pages: [],
      outcomes: [],
      skippedPages: [],
    };
  }
  // Week to week: ~3 % of standing findings get fixed, a few new ones appear.
  site.standing = site.standing.filter(() => rand() > 0.03);
  for (let n = Math.floor(rand() * 4); n > 0; n--) site.standing.push({ page: Math.floor(rand() * PAGES), rule: Math.floor(rand() * RULES.length), el: 1 + Math.floor(rand() * 200) });
  const pages: PageResult[] = [];
  for (let p = 0; p < PAGES; p++) {
    const url = p === 0 ? site.url : `${site.url}cp.aspx?n=${p}`;
    pages.push({
      url,
      finalUrl: url,
      httpStatus: 200,
      sampledBecause: p === 0 ? 'start' : 'template',
      title: `第 ${p} 頁`,
      findings: site.standing.filter((s) => s.page === p).map((s) => findingOf(site, s)),
      needsReview: [],
      vitals: { lcpMs: 1500, cls: 0.02, fcpMs: 900, ttfbMs: 200, domContentLoadedMs: 1000, loadMs: 1800, transferBytes: 600_000, requestCount: 40 },
      timings: { navigationMs: 900, settleMs: 300, axeMs: 1200, gatherMs: 400, totalMs: 2800 },
      accessibilityScore: Math.round(site.quality),
      error: null,
    });
  }
  const score = () => Math.max(0, Math.min(100, Math.round(site.quality + (rand() - 0.5) * 20)));
  const scores = { accessibility: score(), performance: score(), freshness: score(), governance: score(), security: score(), overall: 0 };
  scores.overall = Math.round((scores.accessibility + scores.performance + scores.freshness + scores.governance + scores.security) / 5);
  return {
    ...base,
    status: 'ok',
    error: null,
    failureKind: null,
    finalUrl: site.url,
    scores,
    freshness: { lastUpdated: nowIso.slice(0, 10), source: 'news-list', raw: `115/11/${1 + (week % 28)}`, ageDays: week % 40 },
    metrics: { lcpMs: 2000, cls: 0.05, tbtMs: 150, fcpMs: 1000, transferBytes: 900_000, performanceScore: scores.performance },
    pages,
    outcomes: RULES.map(([rule, category, severity]) => {
      const failedPages = new Set(site.standing.filter((s) => RULES[s.rule][0] === rule).map((s) => s.page)).size;
      return { rule, category, severity, outcome: failedPages ? 'fail' : 'pass', failedPages, applicablePages: PAGES };
    }),
    skippedPages: [],
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function fileSize(file: string): number {
  let size = statSync(file).size;
  try {
    size += statSync(`${file}-wal`).size;
  } catch {
    /* no WAL file */
  }
  return size;
}

function seedDatabase(db: Db): { sizes: number[]; siteIds: number[]; agencies: string[]; buildMs: number } {
  const agencies = Array.from({ length: Math.max(1, Math.round(SITES / 3.3)) }, (_, i) => `A${String(i + 1).padStart(3, '0')}`);
  const saved = saveRegistry(db, {
    agencies: agencies.map((id, i) => ({ id, name: `第${i + 1}號機關`, parentId: null, line: i + 2 })),
    sites: Array.from({ length: SITES }, (_, i) => ({ agencyId: agencies[i % agencies.length], url: `https://www${i}.example${i % agencies.length}.gov.tw/`, name: `網站 ${i}`, line: i + 2 })),
  });
  const models: SiteModel[] = saved.siteIds.map((id, i) => {
    const quality = 40 + rand() * 55;
    const count = Math.round((100 - quality) * 1.2 + rand() * 20);
    return {
      id,
      agencyId: agencies[i % agencies.length],
      url: `https://www${i}.example${i % agencies.length}.gov.tw/`,
      quality,
      standing: Array.from({ length: count }, () => ({ page: Math.floor(rand() * PAGES), rule: Math.floor(rand() * RULES.length), el: 1 + Math.floor(rand() * 200) })),
    };
  });
  const options = (now: string): SweepOptions => ({ categories: CATEGORIES, maxPages: PAGES, now, allowPrivate: false, lang: 'zh-TW', config: defaultConfig() });
  const sizes: number[] = [];
  const started = Date.now();
  const firstWeek = Date.parse('2025-12-01T00:00:00+08:00');
  for (let w = 0; w < SWEEPS; w++) {
    const at = new Date(firstWeek + w * 7 * 86_400_000);
    const nowIso = at.toISOString();
    const sweepId = planSweep(db, { siteIds: saved.siteIds, options: options(nowIso), startedAt: at });
    for (const m of models) recordSiteResult(db, { sweepId, siteId: m.id, agencyId: m.agencyId, result: resultOf(m, w, nowIso), nowAt: nowIso, recordedAt: at });
    db.prepare("UPDATE jobs SET state = 'done', finished_ms = ? WHERE sweep_id = ?").run(at.getTime(), sweepId);
    finishSweep(db, sweepId, new Date(at.getTime() + 3_600_000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    sizes.push(fileSize(dbFile));
    if ((w + 1) % 13 === 0 || w === SWEEPS - 1) process.stderr.write(`national-db: ${w + 1}/${SWEEPS} sweeps recorded, ${mb(sizes.at(-1)!)}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  return { sizes, siteIds: saved.siteIds, agencies, buildMs: Date.now() - started };
}

function timeCli(args: string[]): number {
  const t = Date.now();
  execFileSync(process.execPath, ['cli/govcheck.js', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  return Date.now() - t;
}

async function timePages(db: Db, paths: string[]): Promise<{ path: string; medianMs: number; worstMs: number; bytes: number }[]> {
  const token = createToken(db, { role: 'oversight', label: 'bench' }).token;
  const dashboard = createDashboard({ db });
  const base = await dashboard.listen(0, '127.0.0.1');
  const out: { path: string; medianMs: number; worstMs: number; bytes: number }[] = [];
  try {
    for (const path of paths) {
      const get = async () => {
        const t = performance.now();
        const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
        return { ms: performance.now() - t, bytes: body.byteLength };
      };
      await get(); // warm: the first request builds the report cache
      const runs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 20; i++) {
        const r = await get();
        runs.push(r.ms);
        bytes = r.bytes;
      }
      runs.sort((a, b) => a - b);
      out.push({ path, medianMs: (runs[9] + runs[10]) / 2, worstMs: runs[19], bytes });
    }
  } finally {
    await dashboard.close();
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'govcheck-national-'));
const dbFile = values.db ?? join(dir, 'national.db');
const db = openStore(dbFile);
try {
  let seeded: ReturnType<typeof seedDatabase>;
  if (values.reuse) {
    if (!values.db) throw new Error('--reuse needs --db <file> of an earlier run');
    const siteIds = db.prepare<[], { id: number }>('SELECT id FROM sites ORDER BY id').all().map((r) => r.id);
    const sweeps = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sweeps').get()!.n;
    const size = fileSize(dbFile);
    seeded = { sizes: Array.from({ length: sweeps }, (_, i) => (i === 0 ? size / sweeps : size)), siteIds, agencies: [], buildMs: 0 };
  } else {
    process.stderr.write(`national-db: recording ${SITES} sites × ${SWEEPS} weekly sweeps into ${dbFile} …\n`);
    seeded = seedDatabase(db);
  }
  const total = seeded.sizes.at(-1)!;
  const growth = seeded.sizes.length > 1 ? (total - seeded.sizes[0]) / (seeded.sizes.length - 1) : total;
  const counts = db.prepare<[], { findings: number; issues: number; results: number }>('SELECT (SELECT COUNT(*) FROM findings) AS findings, (SELECT COUNT(*) FROM issues) AS issues, (SELECT COUNT(*) FROM site_results) AS results').get()!;
  console.log(`database: ${mb(total)} for ${SWEEPS} sweeps × ${SITES} sites (${counts.results} site results, ${counts.findings} findings, ${counts.issues} issues); first sweep ${mb(seeded.sizes[0])}, growth ${mb(growth)} per sweep; built in ${(seeded.buildMs / 1000).toFixed(0)} s`);

  for (const format of ['html', 'json', 'csv']) {
    const ms = timeCli(['report', '--db', dbFile, '--format', format, '--output', join(dir, `report.${format}`)]);
    console.log(`report --format ${format}: ${(ms / 1000).toFixed(2)} s (CLI wall time incl. start-up), ${mb(statSync(join(dir, `report.${format}`)).size)}`);
  }

  const busiest = db.prepare<[], { agency_id: string }>('SELECT agency_id FROM sites GROUP BY agency_id ORDER BY COUNT(*) DESC LIMIT 1').get()!.agency_id;
  const pages = await timePages(db, ['/', '/?lang=en', `/agencies/${busiest}`, `/sites/${seeded.siteIds[0]}`, '/api/agencies', `/api/sites/${seeded.siteIds[0]}`]);
  for (const p of pages) console.log(`dashboard ${p.path.padEnd(22)} median ${p.medianMs.toFixed(1)} ms, worst ${p.worstMs.toFixed(1)} ms of 20 (${(p.bytes / 1024).toFixed(0)} KB)`);

  db.close();
  if (values['no-prune']) process.exit(0);
  const pruneMs = timeCli(['prune', '--db', dbFile, '--keep-sweeps', '12', '--vacuum']);
  console.log(`prune --keep-sweeps 12 --vacuum: ${(pruneMs / 1000).toFixed(1)} s, file now ${mb(fileSize(dbFile))}`);
  const worst = Math.max(...pages.map((p) => p.worstMs));
  console.log(`bench-national-db: ${SITES} sites × ${SWEEPS} sweeps = ${mb(total)}, dashboard worst ${worst.toFixed(0)} ms, pruned to ${mb(fileSize(dbFile))}`);
} finally {
  if (db.open) db.close();
  if (!values.keep && !values.db) rmSync(dir, { recursive: true, force: true });
}
