// One real check per rule family on the capture fixture pages (test/captures/pages): the outcomes a
// browser produces today are the ones the committed captures replay (else: npm run capture), and the
// tw/* and gov/* outcomes hold end to end. One browser and one fixture server for the whole file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import type { Category, SiteResult } from '../../core/types.ts';
import { startFixtureServer, type FixtureServer, type RouteHandler } from '../../fixtures/server.ts';
import { SiteChecker } from '../../worker/site-checker.ts';
import { findingsOf, outcomeOf, replayed, type CaptureName } from '../helpers/captures.ts';
import { ROOT } from '../helpers/cli.ts';

let server: FixtureServer;
let checker: SiteChecker;
/** /changing/a11y.html serves the a11y page, or with a notice inserted above everything when set. */
let insertNotice = false;
/** /changing/tw-bad.html serves the tw-bad page, or with a hidden copy of a link inserted above it when set. */
let insertHiddenCopy = false;

async function check(name: CaptureName | 'changing/a11y' | 'changing/tw-bad', categories: Category[]): Promise<SiteResult> {
  const config = defaultConfig();
  config.timeouts = { navigationMs: 30_000, pageMs: 60_000 };
  const r = await checker.check(`${server.url}/${name}.html`, { categories, maxPages: 1, now: new Date('2026-11-27T00:00:00+08:00'), allowPrivate: true, config, lang: 'en' });
  expect(r.status, r.error ?? '').toBe('ok');
  return r;
}

/** Rule → outcome of the rules of these prefixes (axe rules left out: the axe-core engine is tested elsewhere). */
const outcomes = (r: SiteResult, prefix: string) => Object.fromEntries(r.outcomes.filter((o) => o.rule.startsWith(prefix)).map((o) => [o.rule, o.outcome]));

beforeAll(async () => {
  const a11y = readFileSync(join(ROOT, 'test/captures/pages/a11y.html'), 'utf8');
  const withNotice = a11y.replace('<body>', '<body>\n<div class="notice"><p>公告：系統維護</p><p>請見諒</p></div>');
  const twBad = readFileSync(join(ROOT, 'test/captures/pages/tw-bad.html'), 'utf8');
  const withHiddenCopy = twBad.replace('<main>', '<main>\n  <p><a class="print-only" href="/apply/" target="_blank">線上申辦</a></p>');
  const html = (body: () => string): RouteHandler => (_q, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body());
  server = await startFixtureServer({
    root: join(ROOT, 'test/captures/pages'),
    routes: {
      '/changing/a11y.html': html(() => (insertNotice ? withNotice : a11y)),
      '/changing/tw-bad.html': html(() => (insertHiddenCopy ? withHiddenCopy : twBad)),
    },
  });
  checker = new SiteChecker();
});
afterAll(async () => {
  await checker.close();
  await server.close();
});

describe('rule families end to end (real Chromium)', () => {
  it('tw/*: a legacy page fails the Taiwan conventions as its capture says; a hidden copy of a link inserted above changes no fingerprint', async () => {
    // With accessibility too: tw/mark-at-risk judges the mark against the accessibility verdict.
    insertHiddenCopy = false;
    const r = await check('changing/tw-bad', ['accessibility', 'governance']);
    expect(outcomes(r, 'tw/')).toEqual(outcomes(replayed('tw-bad'), 'tw/'));
    expect(outcomeOf(r, 'tw/skip-link')).toBe('fail');
    expect(outcomeOf(r, 'tw/new-window')).toBe('fail');
    expect(outcomeOf(r, 'tw/zoom-locked')).toBe('fail');
    expect(outcomeOf(r, 'tw/accessibility-mark-expired')).toBe('fail');
    expect(findingsOf(r, 'tw/new-window').map((f) => f.selector)).toContain('#apply');
    // A stylesheet-hidden link with the same href and text inserted above: rules join the DOM to the browser's
    // records by ref, not by the n-th occurrence of an href, so the visible link keeps its record and its finding.
    insertHiddenCopy = true;
    const changed = await check('changing/tw-bad', ['accessibility', 'governance']);
    const tw = (x: SiteResult) => x.pages.flatMap((p) => p.findings.filter((f) => f.rule.startsWith('tw/')).map((f) => `${f.rule} ${f.fingerprint}`)).sort();
    expect(tw(r).length).toBeGreaterThan(5);
    expect(tw(changed)).toEqual(tw(r));
  });

  it('gov/*: a bare page lacks the government-site elements and shows a national ID', async () => {
    const r = await check('gov-bare', ['governance']);
    expect(outcomes(r, 'gov/')).toEqual(outcomes(replayed('gov-bare'), 'gov/'));
    expect(outcomeOf(r, 'gov/privacy-policy')).toBe('fail');
    expect(findingsOf(r, 'gov/national-id-exposed')).toHaveLength(1);
    expect(findingsOf(r, 'gov/mobile-viewport').length).toBeGreaterThan(0);
  });

  it('freshness: the stale news list', async () => {
    const r = await check('news', ['freshness']);
    expect(r.freshness?.lastUpdated).toBe('2026-03-02');
    expect(outcomes(r, 'freshness/')).toEqual(outcomes(replayed('news'), 'freshness/'));
  });

  it('security: plain HTTP', async () => {
    const r = await check('gov-home', ['security']);
    expect(outcomeOf(r, 'security/no-https')).toBe('fail');
    expect(outcomes(r, 'security/')).toEqual(outcomes(replayed('gov-home'), 'security/'));
  });

  it('a11y/*: table headers and contrast over a gradient; fingerprints survive a reload and an element inserted above', async () => {
    insertNotice = false;
    const first = await check('changing/a11y', ['accessibility', 'governance']);
    expect(outcomes(first, 'a11y/')).toEqual(outcomes(replayed('a11y'), 'a11y/'));
    expect(outcomeOf(first, 'a11y/contrast-over-backgrounds')).toBe('fail');
    const prints = (r: SiteResult) => r.pages.flatMap((p) => p.findings.map((f) => `${f.rule} ${f.fingerprint}`)).sort();
    expect(prints(first).length).toBeGreaterThan(10);
    // The same page loaded again: the very same fingerprints.
    expect(prints(await check('changing/a11y', ['accessibility', 'governance']))).toEqual(prints(first));
    // A notice inserted above everything: every earlier finding keeps its fingerprint; only the notice's own are new.
    insertNotice = true;
    const changed = await check('changing/a11y', ['accessibility', 'governance']);
    expect(prints(changed)).toEqual(expect.arrayContaining(prints(first)));
    const added = changed.pages.flatMap((p) => p.findings).filter((f) => !prints(first).includes(`${f.rule} ${f.fingerprint}`));
    expect(added.length).toBeGreaterThan(0);
    for (const f of added) expect(f.snippet ?? '', f.rule).toMatch(/notice|公告/);
  });
});
