// 規範檢核 in the store and the sweep report: the verdict recorded per site and code (real SQLite file),
// the HTML section and ranking by level met, the codes CSV, JSON, escaping of untrusted text.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import { codesForLevel } from '../../core/tw-a11y.ts';
import type { Conformance, SiteResult } from '../../core/types.ts';
import { openStore } from '../../reports/store/db.ts';
import { recordSiteResult } from '../../reports/store/recorder.ts';
import { saveRegistry } from '../../reports/store/registry-store.ts';
import { resolveSweep, type SweepOptions } from '../../reports/store/sweeps.ts';
import { buildSweepReport, renderSweepReport } from '../../reports/sweep-report/index.ts';
import { currentResult } from '../../reports/dashboard/queries.ts';
import { planSweep } from '../../scheduler/queue.ts';
import { finishSweep } from '../../scheduler/sweep.ts';
import { finding, page, siteResult } from '../store/site-result.ts';
import { htmlReporter } from '../../reports/check/html.ts';
import { textReporter } from '../../reports/check/text.ts';
import { junitReporter } from '../../reports/check/junit.ts';

const HOSTILE = '<script>alert("x")</script>';
const NOW = '2026-12-01T00:00:00+08:00';

/** A 115.11 AA verdict where `failing` codes fail on one page and every other code passes. */
function verdict(failing: string[]): Conformance {
  const codes = codesForLevel('115.11', 'AA').map((c) => ({ code: c.code, level: c.level, sc: c.sc, status: failing.includes(c.code) ? ('fail' as const) : ('pass' as const), pages: failing.includes(c.code) ? 1 : 0, findings: failing.includes(c.code) ? 1 : 0, rules: [] }));
  return {
    edition: '115.11',
    level: 'AA',
    meets: failing.length ? (failing.some((f) => codesForLevel('115.11', 'A').some((c) => c.code === f)) ? null : 'A') : 'AA',
    codes,
    pagesChecked: 1,
    pagesNotChecked: [],
    openFormatList: failing.includes('ME1320200C') ? [{ pageUrl: 'https://b.gov.tw/', href: `/f.doc?${HOSTILE}`, format: 'doc', snippet: HOSTILE }] : [],
    mark: null,
  };
}

function withVerdict(r: SiteResult, c: Conformance): SiteResult {
  return { ...r, twEdition: '115.11', level: 'AA', conformance: c };
}

describe('規範檢核 in the store and the sweep report', () => {
  const db = openStore(join(mkdtempSync(join(tmpdir(), 'govcheck-codes-')), 'r.db'));
  const { siteIds } = saveRegistry(db, {
    agencies: [
      { id: 'A01', name: '模範部', parentId: null, line: 2 },
      { id: 'A02', name: `惡意署 ${HOSTILE}`, parentId: null, line: 3 },
    ],
    sites: [
      { agencyId: 'A01', url: 'https://a.gov.tw/', name: '甲', line: 2 },
      { agencyId: 'A02', url: 'https://b.gov.tw/', name: '乙', line: 3 },
    ],
  });
  const options: SweepOptions = { categories: ['accessibility'], maxPages: 5, now: NOW, allowPrivate: true, lang: 'zh-TW', config: defaultConfig() };
  const sweep = planSweep(db, { siteIds, options });
  const good = withVerdict(siteResult('https://a.gov.tw/', { overall: 70, categories: ['accessibility'] }), verdict([]));
  const bad = withVerdict(
    siteResult('https://b.gov.tw/', { overall: 90, categories: ['accessibility'], pages: [page('https://b.gov.tw/', [finding('axe/image-alt', { twCodes: ['HM1110100C'], message: HOSTILE, selector: `img[alt="${HOSTILE}"]` }), finding('tw/open-formats', { twCodes: ['ME1320200C'] })])] }),
    verdict(['HM1110100C', 'ME1320200C']),
  );
  recordSiteResult(db, { sweepId: sweep, siteId: siteIds[0], agencyId: 'A01', result: good, nowAt: NOW });
  recordSiteResult(db, { sweepId: sweep, siteId: siteIds[1], agencyId: 'A02', result: bad, nowAt: NOW });
  finishSweep(db, sweep);
  const model = buildSweepReport(db, resolveSweep(db, String(sweep)));

  it('records edition, level, level met and one row per code', () => {
    const row = db.prepare('SELECT tw_edition, tw_level, conformance_meets FROM site_results WHERE site_id = ?').get(siteIds[1]);
    expect(row).toEqual({ tw_edition: '115.11', tw_level: 'AA', conformance_meets: null });
    const codes = db.prepare("SELECT code, status, pages FROM site_codes WHERE sweep_id = ? AND site_id = ? AND status = 'fail' ORDER BY code").all(sweep, siteIds[1]);
    expect(codes).toEqual([{ code: 'HM1110100C', status: 'fail', pages: 1 }, { code: 'ME1320200C', status: 'fail', pages: 1 }]);
    expect(currentResult(db, siteIds[0])!.conformance!.meets).toBe('AA');
  });

  it('summarises each code over the sweep and ranks agencies by the level all their sites meet', () => {
    expect(model.codes).toHaveLength(23);
    expect(model.codes[0]).toMatchObject({ code: 'HM1110100C', sitesFailing: 1, sitesPassing: 1, pagesFailing: 1 });
    expect(model.agencies.find((a) => a.id === 'A01')!.conformance).toEqual({ meets: 'AA', sitesJudged: 1, sitesMeeting: { A: 1, AA: 1, AAA: 0 } });
    expect(model.agencies.find((a) => a.id === 'A02')!.conformance.meets).toBeNull();
    const html = renderSweepReport('html', model);
    expect(html).toContain('id="conformance"');
    const section = html.slice(html.indexOf('id="conformance"'), html.indexOf('id="changes"'));
    // A01 (lower overall score) comes first in the ranking by level met.
    expect(section.indexOf('模範部')).toBeLessThan(section.indexOf('惡意署'));
    expect(html).not.toContain(HOSTILE);
    const json = JSON.parse(renderSweepReport('json', model));
    expect(json.codes).toHaveLength(23);
    expect(json.agencies.find((a: { id: string }) => a.id === 'A02').sites[0]).toMatchObject({ twEdition: '115.11', level: 'AA', conformance: { meets: null } });
  });

  it('exports one CSV row per site and code', () => {
    const csv = renderSweepReport('codes-csv', model);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('agency_id,agency_name,site_url,edition,level_checked,level_met,code,code_level,status,pages_failing,findings');
    expect(lines).toHaveLength(1 + 2 * 23);
    expect(lines).toContain('A02,"惡意署 <script>alert(""x"")</script>",https://b.gov.tw/,115.11,AA,,HM1110100C,A,fail,1,1');
    expect(lines).toContain('A01,模範部,https://a.gov.tw/,115.11,AA,AA,HM1110100C,A,pass,0,0');
  });

  it('check reports show the 規範檢核 section, escaped', () => {
    const report = { tool: { name: 'govcheck' as const, version: 't', engines: {} }, now: NOW, lang: 'zh-TW' as const, sites: [bad] };
    const html = htmlReporter.render(report, { color: false });
    expect(html).toContain('規範檢核');
    expect(html).toContain('HM1110100C');
    expect(html).not.toContain(HOSTILE);
    const text = textReporter.render(report, { color: false });
    expect(text).toMatch(/✗ HM1110100C \(A, 1\.1\.1\) 未通過/);
    expect(text).toContain('ME1320200C 清單');
    const junit = junitReporter.render(report, { color: false });
    expect(junit).toMatch(/<testcase classname="govcheck\.tw-115\.11" name="HM1110100C[^"]*"><failure/);
    expect(junit).not.toContain(HOSTILE);
  });
});
