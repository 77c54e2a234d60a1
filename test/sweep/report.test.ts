import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { defaultConfig } from '../../core/config.ts';
import { openStore, type Db } from '../../reports/store/db.ts';
import { recordSiteResult } from '../../reports/store/recorder.ts';
import { saveRegistry } from '../../reports/store/registry-store.ts';
import { resolveSweep, type SweepOptions } from '../../reports/store/sweeps.ts';
import { buildSweepReport, renderSweepReport } from '../../reports/sweep-report/index.ts';
import { planSweep } from '../../scheduler/queue.ts';
import { finishSweep } from '../../scheduler/sweep.ts';
import { finding, page, siteResult } from '../store/site-result.ts';
import { csvDocument, csvField } from '../../reports/escape.ts';
import { registryCsv } from '../../fixtures/serve.ts';

const options = (now: string): SweepOptions => ({ categories: ['accessibility', 'performance', 'freshness', 'governance', 'security'], maxPages: 5, now, allowPrivate: true, lang: 'zh-TW', config: defaultConfig() });
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

/** Four agencies: A01 best, A02 and A03 tied (A03 with a failed site), A04 with nothing checked. */
function nationalDb(): { db: Db; sweeps: number[] } {
  const db = openStore(join(mkdtempSync(join(tmpdir(), 'govcheck-report-')), 'r.db'));
  const { siteIds } = saveRegistry(db, {
    agencies: [
      { id: 'A01', name: '模範部', parentId: null, line: 2 },
      { id: 'A02', name: `=HYPERLINK("http://evil") ${HOSTILE}`, parentId: 'A01', line: 3 },
      { id: 'A03', name: '中庸署, 北區', parentId: null, line: 4 },
      { id: 'A04', name: '冷門局', parentId: null, line: 5 },
    ],
    sites: [
      { agencyId: 'A01', url: 'https://a.gov.tw/', name: '甲', line: 2 },
      { agencyId: 'A02', url: 'https://b.gov.tw/', name: '乙', line: 3 },
      { agencyId: 'A03', url: 'https://c.gov.tw/', name: '丙', line: 4 },
      { agencyId: 'A03', url: 'https://c2.gov.tw/', name: '丙二', line: 5 },
      { agencyId: 'A04', url: 'https://d.gov.tw/', name: '丁', line: 6 },
    ],
  });
  const [a, b, c, c2, d] = siteIds;
  const s1 = planSweep(db, { siteIds, options: options('2026-10-01T00:00:00+08:00') });
  const hostileFinding = finding('axe/image-alt', { selector: `img[alt="${HOSTILE}"]`, message: HOSTILE, snippet: HOSTILE, fingerprint: 'fp-hostile' });
  recordSiteResult(db, { sweepId: s1, siteId: a, agencyId: 'A01', result: siteResult('https://a.gov.tw/', { overall: 80, pages: [page('https://a.gov.tw/', [hostileFinding, finding('gov/privacy-policy')])] }), nowAt: '2026-10-01T00:00:00+08:00' });
  recordSiteResult(db, { sweepId: s1, siteId: b, agencyId: 'A02', result: siteResult('https://b.gov.tw/', { overall: 70 }), nowAt: '2026-10-01T00:00:00+08:00' });
  recordSiteResult(db, { sweepId: s1, siteId: c, agencyId: 'A03', result: siteResult('https://c.gov.tw/', { overall: 75 }), nowAt: '2026-10-01T00:00:00+08:00' });
  recordSiteResult(db, { sweepId: s1, siteId: c2, agencyId: 'A03', result: siteResult('https://c2.gov.tw/', { overall: 75 }), nowAt: '2026-10-01T00:00:00+08:00' });
  recordSiteResult(db, { sweepId: s1, siteId: d, agencyId: 'A04', result: siteResult('https://d.gov.tw/', { status: 'blocked', error: `HTTP 403 ${HOSTILE}` }), nowAt: '2026-10-01T00:00:00+08:00' });
  finishSweep(db, s1);

  const s2 = planSweep(db, { siteIds, options: options('2026-11-01T00:00:00+08:00') });
  const now = '2026-11-01T00:00:00+08:00';
  // A01 fixed the image and gained a new problem; A03's second site timed out.
  recordSiteResult(db, { sweepId: s2, siteId: a, agencyId: 'A01', result: siteResult('https://a.gov.tw/', { overall: 90, pages: [page('https://a.gov.tw/', [finding('gov/privacy-policy'), finding('axe/html-has-lang', { severity: 'serious' })])] }), nowAt: now });
  recordSiteResult(db, { sweepId: s2, siteId: b, agencyId: 'A02', result: siteResult('https://b.gov.tw/', { overall: 72 }), nowAt: now });
  recordSiteResult(db, { sweepId: s2, siteId: c, agencyId: 'A03', result: siteResult('https://c.gov.tw/', { overall: 72 }), nowAt: now });
  recordSiteResult(db, { sweepId: s2, siteId: c2, agencyId: 'A03', result: siteResult('https://c2.gov.tw/', { status: 'timeout' }), nowAt: now });
  recordSiteResult(db, { sweepId: s2, siteId: d, agencyId: 'A04', result: siteResult('https://d.gov.tw/', { status: 'blocked' }), nowAt: now });
  finishSweep(db, s2);
  return { db, sweeps: [s1, s2] };
}

describe('sweep report', () => {
  it('json follows the contract: agencies by rank, ties share a rank, coverage beside the score', () => {
    const { db, sweeps } = nationalDb();
    const model = buildSweepReport(db, resolveSweep(db, 'latest'));
    const json = JSON.parse(renderSweepReport('json', model));
    expect(json.sweep).toMatchObject({ id: sweeps[1], sites: 5, ok: 3, failed: 2 });
    expect(typeof json.sweep.startedAt).toBe('string');
    expect(typeof json.sweep.finishedAt).toBe('string');
    expect(json.agencies.map((a: { id: string; rank: number | null; scores: { overall: number | null }; coverage: number; fullCoverage: boolean }) => [a.id, a.rank, a.scores.overall, a.coverage, a.fullCoverage])).toEqual([
      ['A01', 1, 90, 1, true],
      ['A02', 2, 72, 1, true],
      ['A03', 2, 72, 0.5, false],
      ['A04', null, null, 0, false],
    ]);
    const a01 = json.agencies[0];
    expect(a01.sites).toEqual([expect.objectContaining({ url: 'https://a.gov.tw/', status: 'ok', lastUpdated: '2026-11-01', findings: 2 })]);
    expect(Object.keys(a01.scores).sort()).toEqual(['accessibility', 'freshness', 'governance', 'overall', 'performance', 'security']);
    expect(a01.changes).toMatchObject({ newFindings: 1, fixed: 1 });
    expect(json.agencies[2].sites.find((s: { url: string }) => s.url === 'https://c2.gov.tw/')).toMatchObject({ status: 'timeout', scores: { overall: null } });
    expect(json.agencies[0].previousRank).toBe(1);
    db.close();
  });

  it('csv has a BOM, CRLF rows in rank order, quotes commas and defuses formulas', () => {
    const { db } = nationalDb();
    const csv = renderSweepReport('csv', buildSweepReport(db, resolveSweep(db, 'latest')));
    expect(csv.startsWith('\uFEFFagency_id,agency_name,site_url,status,overall,accessibility,performance,freshness,governance,security,last_updated,findings\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toBe('A01,模範部,https://a.gov.tw/,ok,90,90,90,90,90,90,2026-11-01,2');
    expect(rows[2].startsWith(`A02,"'=HYPERLINK(""http://evil"")`)).toBe(true);
    expect(rows.some((r) => r.startsWith('A03,"中庸署, 北區",https://c2.gov.tw/,timeout,,,,,,,,0'))).toBe(true);
    db.close();
  });

  it('csv keeps a numeric agency id such as -5 as it is while still defusing formulas', () => {
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'govcheck-report-')), 'n.db'));
    const { siteIds } = saveRegistry(db, {
      agencies: [
        { id: '-5', name: '負五署', parentId: null, line: 2 },
        { id: 'A7', name: '-減號開頭的名稱', parentId: null, line: 3 },
      ],
      sites: [
        { agencyId: '-5', url: 'https://n.gov.tw/', name: 'n', line: 2 },
        { agencyId: 'A7', url: 'https://p.gov.tw/', name: 'p', line: 3 },
      ],
    });
    const s = planSweep(db, { siteIds, options: options('2026-11-01T00:00:00+08:00') });
    recordSiteResult(db, { sweepId: s, siteId: siteIds[0], agencyId: '-5', result: siteResult('https://n.gov.tw/', { overall: 80 }), nowAt: '2026-11-01T00:00:00+08:00' });
    recordSiteResult(db, { sweepId: s, siteId: siteIds[1], agencyId: 'A7', result: siteResult('https://p.gov.tw/', { overall: 70 }), nowAt: '2026-11-01T00:00:00+08:00' });
    finishSweep(db, s);
    const rows = renderSweepReport('csv', buildSweepReport(db, resolveSweep(db, 'latest'))).slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1].startsWith('-5,負五署,https://n.gov.tw/,ok,80,')).toBe(true);
    expect(rows[2].startsWith("A7,'-減號開頭的名稱,https://p.gov.tw/,ok,70,")).toBe(true);
    db.close();
  });

  it('the one CSV writer defuses formulas but never a plain number, and the fixture registry uses it', () => {
    expect(['-5', '+3', '-0.5', '1e3', '-2E-4', '42'].map(csvField)).toEqual(['-5', '+3', '-0.5', '1e3', '-2E-4', '42']);
    expect(['=1+1', '-5+cmd|x', '@SUM(A1)', '+A1', '\t-5', '-', '-5,6'].map(csvField)).toEqual(["'=1+1", "'-5+cmd|x", "'@SUM(A1)", "'+A1", "'\t-5", "'-", '"\'-5,6"']);
    const csv = registryCsv([{ agencyId: '-5', agencyName: '負五署', parentAgencyId: null, url: 'https://n.gov.tw/', name: '=站' }]);
    expect(csv).toBe(csvDocument([['agency_id', 'agency_name', 'parent_agency_id', 'site_url', 'site_name'], ['-5', '負五署', '', 'https://n.gov.tw/', '=站']]));
    expect(csv.split('\r\n')[1]).toBe("-5,負五署,,https://n.gov.tw/,'=站");
  });

  it('html is one self-contained file that escapes everything from scanned pages and the registry', () => {
    const { db, sweeps } = nationalDb();
    const html = renderSweepReport('html', buildSweepReport(db, resolveSweep(db, String(sweeps[0]))));
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<img /);
    expect(html).toContain('&lt;script&gt;');
    // Nothing fetched from elsewhere: no external scripts, styles, images or fonts.
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/url\(/);
    const { document } = parseHTML(html);
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hant-TW');
    expect(document.querySelector('title')!.textContent).toContain('第');
    expect(document.querySelector('a.skip')!.getAttribute('href')).toBe('#main');
    expect(document.querySelectorAll('table caption').length).toBeGreaterThan(3);
    expect(document.querySelector('#trend svg[role="img"] title')).not.toBeNull();
    db.close();
  });

  it('html shows ranking, coverage flags, fixed and new findings since the previous sweep, and the trend', () => {
    const { db } = nationalDb();
    const html = renderSweepReport('html', buildSweepReport(db, resolveSweep(db, 'latest'), { now: new Date('2026-11-02T00:00:00Z') }));
    const { document } = parseHTML(html);
    const ranking = [...document.querySelectorAll('#ranking tbody tr')].map((tr) => [tr.querySelector('td')!.textContent, tr.querySelector('th')!.textContent]);
    expect(ranking.map((r) => r[0])).toEqual(['1', '2', '2', '–']);
    expect(document.querySelector('#ranking tbody tr:nth-child(3)')!.textContent).toContain('⚠');
    const a01 = document.querySelector('#agency-A01')!;
    const lists = [...a01.querySelectorAll('h4')].map((h) => h.textContent);
    expect(lists.some((t) => t!.includes('新發現的問題'))).toBe(true);
    expect(lists.some((t) => t!.includes('已修正的問題'))).toBe(true);
    expect(a01.textContent).toContain('axe/html-has-lang');
    expect(a01.textContent).toContain('axe/image-alt'); // the fixed one
    expect(a01.textContent).toContain('31 天修正');
    expect(document.querySelectorAll('#trend svg circle.s-overall').length).toBe(2);
    expect(document.querySelector('#failures')!.textContent).toContain('https://c2.gov.tw/');
    db.close();
  });
});
