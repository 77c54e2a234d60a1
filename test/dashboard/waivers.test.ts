// Dispute → decision: the agency asks with a reason, oversight approves or rejects; an approved
// waiver leaves the agency's open findings list (also in later checks) and never changes stored scores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../reports/dashboard/index.ts';
import { recordSiteResult } from '../../reports/store/recorder.ts';
import { planSweep } from '../../scheduler/queue.ts';
import { finishSweep } from '../../scheduler/sweep.ts';
import { finding, page, siteResult } from '../store/site-result.ts';
import { Client, seed, serve, sweepOptions, type Seeded } from './seed.ts';

let s: Seeded;
let dashboard: Dashboard;
let base: string;

beforeAll(async () => {
  s = seed();
  ({ dashboard, url: base } = await serve({ db: s.db }));
});
afterAll(async () => {
  await dashboard?.close();
  s?.db.close();
});

interface AgencyApi {
  rules: { rule: string; elements: number; waived: number }[];
  waivers: { id: number; state: string; reason: string }[];
}

const bannerFinding = () =>
  s.db.prepare("SELECT id FROM findings WHERE site_id = ? AND selector = '#banner > img' ORDER BY id DESC LIMIT 1").pluck().get(s.siteIds.a1) as number;

describe('dispute and waiver', () => {
  it('agency disputes, oversight approves, the finding leaves the open list and scores stay', async () => {
    const scoresBefore = s.db.prepare('SELECT id, overall, accessibility FROM site_results ORDER BY id').all();
    const a01 = await Client.login(base, s.tokens.a01);
    const findingId = bannerFinding();

    // The form shows the finding (escaped) and needs a reason.
    const form = await a01.text(`/findings/${findingId}/dispute`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('<textarea id="reason" name="reason"');
    const csrf = await a01.csrf(`/findings/${findingId}/dispute`);
    expect((await a01.post(`/findings/${findingId}/dispute`, { reason: '   ', _csrf: csrf })).status).toBe(400);

    const asked = await a01.post(`/findings/${findingId}/dispute`, { reason: '此圖片為裝飾用，已設 role="presentation"', _csrf: csrf });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe(`/sites/${s.siteIds.a1}?msg=disputed`);
    const site = (await a01.text(`/sites/${s.siteIds.a1}?msg=disputed`)).body;
    expect(site).toContain('已送出申覆');
    expect(site).toContain('role=&quot;presentation&quot;');

    // Asking again for the same finding does not make a second dispute.
    expect((await a01.post(`/findings/${findingId}/dispute`, { reason: 'again', _csrf: csrf })).headers.get('location')).toContain('msg=already-disputed');

    const bearerA = new Client(base, s.tokens.a01);
    let view = (await (await bearerA.get('/api/agencies/A01')).json()) as AgencyApi;
    expect(view.waivers).toHaveLength(1);
    expect(view.waivers[0]).toMatchObject({ state: 'requested' });
    const waiverId = view.waivers[0].id;
    // Still open until oversight decides.
    expect(view.rules.find((r) => r.rule === 'axe/image-alt')).toMatchObject({ elements: 3, waived: 0 });

    // The agency cannot decide its own dispute, nor can another agency dispute its findings.
    const decideCsrf = await a01.csrf(`/sites/${s.siteIds.a1}`);
    expect((await a01.post(`/waivers/${waiverId}/decide`, { decision: 'approve', _csrf: decideCsrf })).status).toBe(403);
    expect((await new Client(base, s.tokens.a02).post(`/api/findings/${findingId}/dispute`, { reason: 'not mine' })).status).toBe(403);

    // Oversight sees it waiting and approves it.
    const oversight = await Client.login(base, s.tokens.oversight);
    const waiting = await oversight.text('/waivers');
    expect(waiting.body).toContain(`action="/waivers/${waiverId}/decide"`);
    expect(waiting.body).toContain(`<label for="note-${waiverId}">`);
    const ocsrf = await oversight.csrf('/waivers');
    const approved = await oversight.post(`/waivers/${waiverId}/decide`, { decision: 'approve', note: '同意', _csrf: ocsrf });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe('/waivers?msg=approved');
    expect((await oversight.post(`/waivers/${waiverId}/decide`, { decision: 'reject', _csrf: ocsrf })).status).toBe(409);

    view = (await (await bearerA.get('/api/agencies/A01')).json()) as AgencyApi;
    expect(view.waivers[0]).toMatchObject({ state: 'approved' });
    expect(view.rules.find((r) => r.rule === 'axe/image-alt')).toMatchObject({ elements: 2, waived: 1 });
    const sitePage = (await a01.text(`/sites/${s.siteIds.a1}`)).body;
    const waivedSection = sitePage.slice(sitePage.indexOf('id="waived"'), sitePage.indexOf('id="fixed"'));
    expect(waivedSection).toContain('#banner &gt; img');
    const openSection = sitePage.slice(sitePage.indexOf('id="findings"'), sitePage.indexOf('id="waived"'));
    expect(openSection).not.toContain('#banner &gt; img');

    // Stored scores are untouched.
    expect(s.db.prepare('SELECT id, overall, accessibility FROM site_results ORDER BY id').all()).toEqual(scoresBefore);
  });

  it('an approved waiver also covers the same finding in a later check', async () => {
    const url = 'https://www.a01.gov.tw/';
    const now = '2026-12-27T00:00:00+08:00';
    const sweep = planSweep(s.db, { siteIds: [s.siteIds.a1], options: sweepOptions(now), lane: 'self-check' });
    recordSiteResult(s.db, {
      sweepId: sweep,
      siteId: s.siteIds.a1,
      agencyId: 'A01',
      nowAt: now,
      result: siteResult(url, { overall: 75, pages: [page(url, [finding('axe/image-alt', { severity: 'critical', selector: '#banner > img', fingerprint: 'axe/image-alt|#banner > img|/' })])] }),
    });
    finishSweep(s.db, sweep);
    const view = (await (await new Client(base, s.tokens.a01).get('/api/agencies/A01')).json()) as AgencyApi;
    expect(view.rules.find((r) => r.rule === 'axe/image-alt')).toMatchObject({ elements: 0, waived: 1 });
  });

  it('oversight can reject a dispute, and the finding stays open', async () => {
    const a02 = new Client(base, s.tokens.a02);
    const findingB = s.db.prepare('SELECT id FROM findings WHERE site_id = ? ORDER BY id DESC LIMIT 1').pluck().get(s.siteIds.b) as number;
    const asked = await fetch(`${base}/api/findings/${findingB}/dispute`, { method: 'POST', headers: { authorization: `Bearer ${s.tokens.a02}`, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '對比足夠' }) });
    expect(asked.status).toBe(201);
    const { waiver } = (await asked.json()) as { waiver: { id: number } };
    const rejected = await fetch(`${base}/api/waivers/${waiver.id}/decide`, { method: 'POST', headers: { authorization: `Bearer ${s.tokens.oversight}`, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'reject', note: '對比 3.2:1 未達 4.5:1' }) });
    expect(rejected.status).toBe(200);
    const list = (await (await a02.get('/api/waivers')).json()) as { waivers: { state: string; agencyId: string }[] };
    expect(list.waivers.every((w) => w.agencyId === 'A02')).toBe(true);
    expect(list.waivers[0].state).toBe('rejected');
  });
});
