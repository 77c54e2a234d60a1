// The dashboard passes govcheck's own accessibility checks: the real engine (SiteChecker, real
// Chromium, axe-core) on the served pages must report no axe violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '../../core/concurrency.ts';
import { defaultConfig } from '../../core/config.ts';
import type { SiteResult } from '../../core/types.ts';
import type { Dashboard } from '../../reports/dashboard/index.ts';
import { SiteChecker } from '../../worker/site-checker.ts';
import { seed, serve, type Seeded } from './seed.ts';

let s: Seeded;
let oversightView: { dashboard: Dashboard; url: string };
let agencyView: { dashboard: Dashboard; url: string };
let anonymous: { dashboard: Dashboard; url: string };
let checker: SiteChecker;

beforeAll(async () => {
  s = seed();
  // The engine cannot log in: these servers show their pages as the given principal (a test-only option).
  oversightView = await serve({ db: s.db, viewAs: { tokenId: null, role: 'oversight' } });
  agencyView = await serve({ db: s.db, viewAs: { tokenId: null, role: 'agency', agencyId: 'A01' } });
  anonymous = await serve({ db: s.db });
  // One pending dispute, so the oversight's decision forms are on the waivers page.
  const finding = s.db.prepare('SELECT id, fingerprint, rule FROM findings WHERE site_id = ? ORDER BY id DESC LIMIT 1').get(s.siteIds.a1) as { id: number; fingerprint: string; rule: string };
  s.db
    .prepare("INSERT INTO waivers (site_id, agency_id, fingerprint, rule, finding_id, reason, requested_at) VALUES (?, 'A01', ?, ?, ?, '裝飾圖片 <img>', '2026-11-28T00:00:00Z')")
    .run(s.siteIds.a1, finding.fingerprint, finding.rule, finding.id);
  checker = new SiteChecker();
});
afterAll(async () => {
  await checker?.close();
  for (const d of [oversightView, agencyView, anonymous]) await d?.dashboard.close();
  s?.db.close();
});

async function check(url: string): Promise<SiteResult> {
  return checker.check(url, { categories: ['accessibility'], maxPages: 1, now: new Date('2026-11-28T00:00:00+08:00'), allowPrivate: true, config: defaultConfig(), lang: 'zh-TW' });
}

function axeViolations(r: SiteResult): string[] {
  return r.pages.flatMap((p) => p.findings.filter((f) => f.rule.startsWith('axe/')).map((f) => `${p.url} ${f.rule} ${f.selector ?? ''}: ${f.message}`));
}

describe('the dashboard on govcheck itself', () => {
  const pages = () => [
    `${oversightView.url}/`,
    `${oversightView.url}/?lang=en`,
    `${oversightView.url}/agencies/A01`,
    `${oversightView.url}/sites/${s.siteIds.a1}`,
    `${oversightView.url}/sites/${s.siteIds.a1}?lang=en`,
    `${oversightView.url}/waivers`,
    `${agencyView.url}/agencies/A01?lang=en`,
    `${agencyView.url}/sites/${s.siteIds.a1}`,
    `${agencyView.url}/findings/${s.db.prepare('SELECT MAX(id) FROM findings WHERE site_id = ?').pluck().get(s.siteIds.a1)}/dispute`,
    `${anonymous.url}/login`,
  ];

  it('has no axe violations on the overview, agency, site, waiver, dispute and login pages', async () => {
    const problems: string[] = [];
    const other: string[] = [];
    const urls = pages();
    // Two pages at a time, as a sweep's page loops would: the checker shares one browser.
    const results = await mapLimit(urls, 2, (url) => check(url));
    expect(results).toHaveLength(urls.length);
    for (const [i, r] of results.entries()) {
      const url = urls[i];
      expect(r.status, `${url}: ${r.error}`).toBe('ok');
      expect(r.pages[0].httpStatus, url).toBe(200);
      problems.push(...axeViolations(r));
      other.push(...r.pages.flatMap((p) => p.findings.filter((f) => !f.rule.startsWith('axe/')).map((f) => `${p.url} ${f.rule}`)));
    }
    expect(problems).toEqual([]);
    // The Taiwan conventions that fit an internal tool hold as well (skip link, new windows).
    expect(other.filter((o) => /tw\/(skip-link|new-window)/.test(o))).toEqual([]);
  });
});
