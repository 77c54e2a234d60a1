// The 網站無障礙規範 code rules on real pages in real Chromium: for each code govcheck's own rules decide,
// a failing and a passing page in each markup style (Hyweb CMS, 2010 table layout, modern HTML5) go through
// the whole engine (load, gather, rules). One browser and one fixture server for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../core/config.ts';
import type { SiteResult } from '../../../core/types.ts';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/server.ts';
import { SiteChecker, type CheckOptions } from '../../../worker/site-checker.ts';
import { CODE_CASES, codePage, STYLE_NAMES, STYLESHEETS, type Style } from './code-pages.ts';

let server: FixtureServer;
let checker: SiteChecker;
const results = new Map<string, SiteResult>();

function options(): CheckOptions {
  // Level AAA so the AAA code rules (CS31408xx, HM3240900C, HM3241000C) run; 115.11 codes.
  const config = defaultConfig();
  config.level = 'AAA';
  config.twEdition = '115.11';
  config.timeouts = { navigationMs: 20_000, pageMs: 60_000 };
  return { categories: ['governance'], maxPages: 1, now: new Date('2026-12-01T10:00:00+08:00'), allowPrivate: true, config, lang: 'zh-TW', loopbackOnly: true, skipProbes: true };
}

const key = (style: Style, kind: 'fail' | 'pass') => `${style}-${kind}`;

beforeAll(async () => {
  const routes: Record<string, (req: unknown, res: import('node:http').ServerResponse) => void> = {};
  for (const style of STYLE_NAMES) {
    for (const kind of ['fail', 'pass'] as const) {
      routes[`/${key(style, kind)}.html`] = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(codePage(style, kind));
    }
  }
  for (const [path, css] of Object.entries(STYLESHEETS)) routes[path] = (_req, res) => void res.writeHead(200, { 'content-type': 'text/css' }).end(css);
  server = await startFixtureServer({ routes });
  checker = new SiteChecker();
  for (const style of STYLE_NAMES) {
    for (const kind of ['fail', 'pass'] as const) {
      results.set(key(style, kind), await checker.check(`${server.url}/${key(style, kind)}.html`, options()));
    }
  }
}, 600_000);

afterAll(async () => {
  await checker?.close();
  await server?.close();
});

function page(style: Style, kind: 'fail' | 'pass') {
  const r = results.get(key(style, kind))!;
  expect(r.status).toBe('ok');
  expect(r.pages).toHaveLength(1);
  return r.pages[0]!;
}

/** Findings of own code rules carrying the code (axe did not run: governance only). */
function findingsWith(style: Style, kind: 'fail' | 'pass', code: string) {
  return page(style, kind).findings.filter((f) => f.twCodes?.includes(code));
}

describe('網站無障礙規範 code rules in Chromium', () => {
  const cases = CODE_CASES.flatMap((c) => STYLE_NAMES.map((style) => [c.code, style, c] as const));

  it.each(cases.filter(([, , c]) => !c.review))('%s fails on the %s failing page, from its own rule', (code, style, c) => {
    const found = findingsWith(style, 'fail', code);
    expect(found.length).toBeGreaterThan(0);
    expect(c.rules).toContain(found[0]!.rule);
    expect(found[0]!.message).not.toBe('');
  });

  it.each(cases.filter(([, , c]) => !c.review))('%s passes on the %s passing page', (code, style, c) => {
    expect(findingsWith(style, 'pass', code)).toEqual([]);
    // The rule ran and judged the page: an outcome is recorded for it.
    const outcomes = results.get(key(style, 'pass'))!.outcomes.filter((o) => c.rules.includes(o.rule));
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.outcome !== 'fail')).toBe(true);
  });

  it.each(STYLE_NAMES)('HM1110103C (emoji, kaomoji) is listed for review on the %s failing page, never as a finding', (style) => {
    const review = page(style, 'fail').needsReview.filter((n) => n.rule === 'tw/text-art-title');
    expect(review).toHaveLength(1);
    expect(review[0]!.nodes.length).toBeGreaterThan(0);
    expect(review[0]!.nodes[0]!.reason).toMatch(/title/);
    expect(page(style, 'fail').findings.filter((f) => f.rule === 'tw/text-art-title')).toEqual([]);
    expect(page(style, 'pass').needsReview.filter((n) => n.rule === 'tw/text-art-title')).toEqual([]);
  });

  it('reads linked same-origin stylesheets gathered by the browser, style attributes and legacy <body bgcolor text>', () => {
    const widths = findingsWith('modern', 'fail', 'CS3140801C');
    expect(widths).toHaveLength(1);
    // The media query's (max-width: 600px) is a condition, not a column width: one declaration counts.
    expect(widths[0]!.data).toMatchObject({ count: 1, bySource: { [`${server.url}/css/layout-fail.css`]: 1 } });
    const fonts = findingsWith('modern', 'fail', 'CS2140401C');
    expect(fonts[0]!.data).toMatchObject({ bySource: { 'style attribute': 1 } });
    const colours = findingsWith('legacy', 'fail', 'CS3140800C');
    expect(colours[0]!.message).toContain('bgcolor');
  });
});
