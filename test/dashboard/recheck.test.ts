// Re-check from the dashboard with the real engine: only an agency's own registered site, the stored
// URL re-validated against the address rules, queued in the 'self-check' lane and run by the serve
// process itself (QueueRunner + SiteChecker), the new result recorded and shown.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { EmbeddedSelfCheck } from '../../cli/self-check.ts';
import type { Dashboard } from '../../reports/dashboard/index.ts';
import { ROOT } from '../helpers/cli.ts';
import { Client, seed, serve, type Seeded } from './seed.ts';

let site: FixtureServer;
let s: Seeded;
let guarded: { dashboard: Dashboard; url: string };
let allowed: { dashboard: Dashboard; url: string };

beforeAll(async () => {
  site = await startFixtureServer({ root: join(ROOT, 'test/sweep/sites/good') });
  s = seed({ a1Url: `${site.url}/` });
  // The default: private and loopback addresses refused, so this fixture on 127.0.0.1 may not be checked.
  guarded = await serve({ db: s.db, selfCheck: new EmbeddedSelfCheck({ db: s.db, allowPrivate: false }) });
  // As with --allow-private (tests only), one category and one page to stay quick.
  allowed = await serve({ db: s.db, selfCheck: new EmbeddedSelfCheck({ db: s.db, allowPrivate: true, categories: ['accessibility'], maxPages: 1 }) });
});
afterAll(async () => {
  await guarded?.dashboard.close();
  await allowed?.dashboard.close();
  await site?.close();
  s?.db.close();
});

const selfCheckJobs = () => s.db.prepare("SELECT COUNT(*) FROM jobs WHERE lane = 'self-check'").pluck().get() as number;

describe('re-check', () => {
  it('refuses a site of another agency, and never takes a URL from the request', async () => {
    const a01 = await Client.login(allowed.url, s.tokens.a01);
    const csrf = await a01.csrf('/agencies/A01');
    expect((await a01.post(`/sites/${s.siteIds.b}/recheck`, { _csrf: csrf })).status).toBe(403);
    const withUrl = await a01.post(`/sites/${s.siteIds.a1}/recheck`, { _csrf: csrf, url: 'http://169.254.169.254/latest/meta-data/' });
    expect(withUrl.status).toBe(400);
    expect(await withUrl.text()).toContain('重新檢測不接受網址');
    expect((await new Client(allowed.url, s.tokens.a01).post(`/api/sites/${s.siteIds.b}/recheck`, {})).status).toBe(403);
    expect(selfCheckJobs()).toBe(0);
  });

  it('re-validates the stored URL: a loopback site is refused without --allow-private', async () => {
    const a01 = await Client.login(guarded.url, s.tokens.a01);
    const csrf = await a01.csrf('/agencies/A01');
    const res = await a01.post(`/sites/${s.siteIds.a1}/recheck`, { _csrf: csrf });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/refused private or loopback address 127\.0\.0\.1/);
    expect(selfCheckJobs()).toBe(0);
  });

  it('queues a self-check job for the own site, runs it in the serve process and shows the recorded result', async () => {
    const a01 = await Client.login(allowed.url, s.tokens.a01);
    const csrf = await a01.csrf('/agencies/A01');
    const res = await a01.post(`/sites/${s.siteIds.a1}/recheck`, { _csrf: csrf });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/sites/${s.siteIds.a1}?msg=queued`);
    const job = s.db.prepare("SELECT sweep_id AS sweepId, site_id AS siteId, url, lane FROM jobs WHERE lane = 'self-check'").get() as { sweepId: number; siteId: number; url: string; lane: string };
    expect(job).toMatchObject({ siteId: s.siteIds.a1, url: `${site.url}/`, lane: 'self-check' });
    const sweep = s.db.prepare('SELECT lane, options FROM sweeps WHERE id = ?').get(job.sweepId) as { lane: string; options: string };
    expect(sweep.lane).toBe('self-check');
    expect(JSON.parse(sweep.options)).toMatchObject({ categories: ['accessibility'], maxPages: 1, allowPrivate: true });

    // A second click while it waits does not queue another check.
    const again = await a01.post(`/sites/${s.siteIds.a1}/recheck`, { _csrf: csrf });
    expect(again.headers.get('location')).toContain('msg=already-queued');

    const bearer = new Client(allowed.url, s.tokens.a01);
    type SiteApi = { current: { sweepId: number; lane: string; status: string; scores: { accessibility: number | null } } | null; history: unknown[]; selfCheck: { state: string; recorded: boolean } | null };
    let view: SiteApi;
    for (;;) {
      view = (await (await bearer.get(`/api/sites/${s.siteIds.a1}`)).json()) as SiteApi;
      if (view.current?.sweepId === job.sweepId) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(view.current).toMatchObject({ lane: 'self-check', status: 'ok' });
    expect(view.current!.scores.accessibility).toEqual(expect.any(Number));
    expect(view.history).toHaveLength(3);
    expect(view.selfCheck).toMatchObject({ state: 'done', recorded: true });
    expect(site.requests.some((q) => q.userAgent?.includes('govcheck/'))).toBe(true);
    expect(s.db.prepare('SELECT finished_at FROM sweeps WHERE id = ?').pluck().get(job.sweepId)).toEqual(expect.any(String));

    const page = (await a01.text(`/sites/${s.siteIds.a1}`)).body;
    expect(page).toContain(`自行複檢 <span lang="en" class="en">self-check</span> #${job.sweepId}`);
    // The national ranking stays on the national sweep.
    const agencies = (await (await bearer.get('/api/agencies')).json()) as { sweep: { id: number } };
    expect(agencies.sweep.id).toBe(s.sweeps[1]);
  });
});
