// 網站無障礙規範 codes end to end: real Chromium on fixture pages (one browser, one server for the file),
// the contract's JSON shape, conformance per page and site, mark-at-risk, edition default from --now,
// level choosing axe rules, and config for axe rules through the real CLI.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import { codesForLevel } from '../../core/tw-a11y.ts';
import type { SiteResult } from '../../core/types.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { SiteChecker, type CheckOptions } from '../../worker/site-checker.ts';
import { runCli } from '../helpers/cli.ts';

const html = (body: string, title = 'Page') =>
  `<!DOCTYPE html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

// Fails HM1110100C (img without alt), HM1130104C (unlabelled input), HM1410201C (iframe without title) and
// ME1320200C (.doc without an open alternative); shows an AA mark issued 2025-01-01 (a 110.07 mark).
const BAD = html(`<header><a href="https://accessibility.moda.gov.tw/Applications/Detail?category=20250101120000"><img src="/mark.png" alt="通過AA檢測等級無障礙網頁檢測" width="88" height="31"></a></header>
<main><h1>申請表單</h1><img src="/photo.png" width="20" height="20"><form><input type="text" name="q"></form>
<iframe srcdoc="<p>map</p>"></iframe><p><a href="/files/form.doc">申請表下載</a></p><p><a href="/good">好的頁面</a></p></main>`, '不良頁面');
const GOOD = html(`<main><h1>服務說明</h1><p>本頁符合規範。</p><img src="/photo.png" alt="服務櫃台" width="20" height="20">
<form><label for="n">姓名</label><input id="n" type="text" name="n"></form><p><a href="/files/form.odt">申請表（ODT）</a> <a href="/files/form.pdf">申請表（PDF）</a></p></main>`, '良好頁面');

let site: FixtureServer;
let checker: SiteChecker;
const tmp = mkdtempSync(join(tmpdir(), 'govcheck-tw-'));

const options = (over: Partial<CheckOptions> = {}): CheckOptions => {
  const config = defaultConfig();
  config.timeouts = { navigationMs: 15_000, pageMs: 60_000 };
  return { categories: ['accessibility', 'governance'], maxPages: 2, now: new Date('2026-12-01T00:00:00+08:00'), allowPrivate: true, config, lang: 'en', skipProbes: true, ...over };
};

beforeAll(async () => {
  const page = (body: string) => (_q: unknown, r: import('node:http').ServerResponse) => void r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  site = await startFixtureServer({ routes: { '/': page(BAD), '/good': page(GOOD) } });
  checker = new SiteChecker();
}, 60_000);
afterAll(async () => {
  await checker?.close();
  await site?.close();
});

describe('網站無障礙規範 codes on a real browser', () => {
  let bad: SiteResult;
  beforeAll(async () => {
    bad = await checker.check(`${site.url}/`, options());
  }, 240_000);

  it('records edition and level, and puts the codes of that edition on findings (contract)', () => {
    expect(bad.status).toBe('ok');
    expect(bad.twEdition).toBe('115.11');
    expect(bad.level).toBe('AA');
    const findings = bad.pages[0].findings;
    expect(findings.find((f) => f.rule === 'axe/image-alt')?.twCodes).toEqual(['HM1110100C']);
    expect(findings.find((f) => f.rule === 'axe/frame-title')?.twCodes).toEqual(['HM1410201C']);
    expect(findings.find((f) => f.rule === 'tw/open-formats')?.twCodes).toEqual(['ME1320200C']);
    expect(findings.find((f) => f.rule === 'axe/region')?.twCodes).toBeUndefined();
  });

  it('gives the per-code verdict per site and per page in the contract shape', () => {
    const c = bad.conformance!;
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['edition', 'level', 'meets', 'codes']));
    expect(c).toMatchObject({ edition: '115.11', level: 'AA', meets: null, pagesChecked: 2 });
    expect(c.codes.map((x) => x.code)).toEqual(codesForLevel('115.11', 'AA').map((x) => x.code));
    const code = (k: string) => c.codes.find((x) => x.code === k)!;
    expect(code('HM1110100C')).toMatchObject({ level: 'A', status: 'fail', pages: 1 });
    expect(code('HM1130104C')).toMatchObject({ status: 'fail', pages: 1 });
    expect(code('HM1410201C')).toMatchObject({ status: 'fail', pages: 1 });
    expect(code('HM1240200C')).toMatchObject({ status: 'pass', pages: 0 });
    expect(code('HM1310100C').status).toBe('pass');
    for (const x of c.codes) expect(['pass', 'fail', 'not-applicable', 'not-checked']).toContain(x.status);
    expect(c.openFormatList).toHaveLength(1);
    expect(c.openFormatList[0]).toMatchObject({ pageUrl: `${site.url}/`, format: 'doc' });
    const good = bad.pages.find((p) => p.url.endsWith('/good'))!;
    expect(good.conformance!.codes.find((x) => x.code === 'HM1110100C')!.status).toBe('pass');
    expect(bad.pages[0].conformance!.codes.find((x) => x.code === 'HM1110100C')!).toMatchObject({ status: 'fail', findings: 1 });
    expect(good.conformance!.codes.some((x) => x.status === 'fail')).toBe(false);
  });

  it('reads the mark and flags tw/mark-at-risk with the failing codes at or below its level', () => {
    const m = bad.conformance!.mark!;
    expect(m).toMatchObject({ level: 'AA', markNumber: '20250101120000', edition: '110.07', issued: '2025-01-01', expires: '2028-01-01', expired: false });
    expect(m.failingCodes).toEqual(expect.arrayContaining(['HM1110100C', 'HM1130104C', 'HM1410201C', 'ME1320200C']));
    const risk = bad.pages[0].findings.find((f) => f.rule === 'tw/mark-at-risk')!;
    expect(risk.severity).toBe('serious');
    expect(risk.message).toContain('HM1110100C');
    expect(bad.outcomes.find((o) => o.rule === 'tw/mark-at-risk')?.outcome).toBe('fail');
  });

  it('defaults to 110.07 before 2026-11-30; AAA judges every code and runs the AAA axe rules', async () => {
    const r = await checker.check(`${site.url}/good`, options({ maxPages: 1, now: new Date('2026-11-29T12:00:00+08:00'), config: { ...options().config, level: 'AAA' } }));
    expect(r.status).toBe('ok');
    expect(r.twEdition).toBe('110.07');
    expect(r.level).toBe('AAA');
    expect(r.conformance!.codes.map((x) => x.code)).toEqual(codesForLevel('110.07', 'AAA').map((x) => x.code));
    expect(r.conformance!.codes.map((x) => x.code)).toContain('HM1130103C_1');
    expect(r.outcomes.map((o) => o.rule)).toContain('axe/color-contrast-enhanced');
    expect(r.conformance!.codes.find((x) => x.code === 'HM1110100C')!.status).toBe('pass');
    expect(r.conformance!.mark).toBeNull();
  }, 240_000);
});

describe('govcheck check with codes (CLI)', () => {
  it('applies --level and a config that switches an axe rule off and re-levels another (JSON verdict)', async () => {
    const cfg = join(tmp, 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'axe/frame-title': 'off', 'axe/image-alt': { severity: 'minor' } } }));
    const r = await runCli(['check', '--max-pages', '1', '--only', 'accessibility', '--allow-private', '--format', 'json', '--level', 'A', '--now', '2026-12-01', '--config', cfg, `${site.url}/`], { timeoutMs: 240_000 });
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout).sites[0];
    expect(s).toMatchObject({ twEdition: '115.11', level: 'A' });
    expect(s.conformance.codes).toHaveLength(21);
    const rules = s.pages[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('axe/frame-title');
    expect(rules).not.toContain('axe/color-contrast');
    expect(s.pages[0].findings.find((f: { rule: string }) => f.rule === 'axe/image-alt').severity).toBe('minor');
    // frame-title off: HM1410201C is no longer checked by anything.
    expect(s.conformance.codes.find((c: { code: string }) => c.code === 'HM1410201C').status).toBe('not-checked');
  }, 300_000);

  it('refuses unknown rule ids, codes and levels with exit 2 naming the path', async () => {
    const cfg = join(tmp, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'axe/no-such-rule': 'off' } }));
    const r = await runCli(['check', '--allow-private', '--config', cfg, `${site.url}/`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.axe/no-such-rule');
    const lvl = await runCli(['check', '--allow-private', '--level', 'AAAA', `${site.url}/`]);
    expect(lvl.code).toBe(2);
    expect(lvl.stderr).toContain('--level');
    const ed = await runCli(['check', '--allow-private', '--tw-edition', '2.2', `${site.url}/`]);
    expect(ed.code).toBe(2);
    expect(ed.stderr).toContain('--tw-edition');
  }, 300_000);
});
