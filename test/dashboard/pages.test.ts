// The dashboard's pages, API and downloads over a database seeded through the real recorder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, type Dashboard } from '../../reports/dashboard/index.ts';
import { openStore } from '../../reports/store/db.ts';
import { saveRegistry } from '../../reports/store/registry-store.ts';
import { Client, HOSTILE_AGENCY, HOSTILE_SNIPPET, HOSTILE_TITLE, seed, serve, tempDbFile, type Seeded } from './seed.ts';

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

describe('escaping of scanned content', () => {
  it('never emits a hostile title, snippet, message or registry name as markup', async () => {
    const oversight = await Client.login(base, s.tokens.oversight);
    const pages = ['/', `/agencies/A01`, `/agencies/A03`, `/sites/${s.siteIds.a1}`, `/sites/${s.siteIds.c}`, '/?lang=en', `/sites/${s.siteIds.a1}?lang=en`];
    for (const path of pages) {
      const { status, body } = await oversight.text(path);
      expect(status, path).toBe(200);
      expect(body, path).not.toContain('<script>');
      expect(body, path).not.toContain('<img src=x');
      expect(body, path).not.toContain('<b>壞</b>');
      // No live script anywhere: the dashboard itself ships none.
      expect(body, path).not.toMatch(/<script[\s>]/i);
    }
    const site = (await oversight.text(`/sites/${s.siteIds.a1}`)).body;
    expect(site).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(site).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    const overview = (await oversight.text('/')).body;
    expect(overview).toContain('壞&lt;script&gt;alert(2)&lt;/script&gt;署');
    expect(HOSTILE_AGENCY).toContain('<script>');
    expect(HOSTILE_SNIPPET).toContain('onerror');
    expect(HOSTILE_TITLE).toContain('<script>');
  });

  it('serves every page with a script-free content security policy', async () => {
    const oversight = await Client.login(base, s.tokens.oversight);
    const res = await oversight.get('/');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('access', () => {
  it('sends a visitor without a token to the login page', async () => {
    const anon = new Client(base);
    const res = await anon.get('/agencies/A01');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fagencies%2FA01');
    const login = await anon.text('/login?next=%2Fagencies%2FA01');
    expect(login.status).toBe(200);
    expect(login.body).toContain('<label for="token">');
    expect((await anon.get('/api/agencies')).status).toBe(401);
  });

  it('logs in with a token into an HttpOnly SameSite=Strict cookie, and refuses a wrong token', async () => {
    const anon = new Client(base);
    const bad = await anon.post('/login', { token: 'gct_not-a-token', next: '/' });
    expect(bad.status).toBe(401);
    const res = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: s.tokens.a01, next: '//evil.example/' }).toString(), redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/'); // no open redirect
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // The token is stored hashed: the database never holds it.
    const stored = s.db.prepare('SELECT token_hash FROM dashboard_tokens').pluck().all() as string[];
    expect(stored.some((h) => h.includes(s.tokens.a01) || s.tokens.a01.includes(h))).toBe(false);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('an agency token sees its own agency only (403 elsewhere, pages and API)', async () => {
    const a01 = await Client.login(base, s.tokens.a01);
    const home = await a01.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/agencies/A01');
    expect((await a01.get('/agencies/A01')).status).toBe(200);
    expect((await a01.get(`/sites/${s.siteIds.a1}`)).status).toBe(200);
    expect((await a01.get('/agencies/A02')).status).toBe(403);
    expect((await a01.get(`/sites/${s.siteIds.b}`)).status).toBe(403);
    const bearer = new Client(base, s.tokens.a01);
    expect((await bearer.get('/api/agencies/A02')).status).toBe(403);
    expect((await bearer.get(`/api/sites/${s.siteIds.b}`)).status).toBe(403);
    const list = (await (await bearer.get('/api/agencies')).json()) as { agencies: { id: string }[] };
    expect(list.agencies.map((a) => a.id)).toEqual(['A01']);
    const findingB = s.db.prepare('SELECT id FROM findings WHERE site_id = ? LIMIT 1').pluck().get(s.siteIds.b) as number;
    expect((await a01.get(`/findings/${findingB}/dispute`)).status).toBe(403);
    // Downloads are cut to the agency as well.
    const csv = await (await a01.get('/download/sweep.csv')).text();
    expect(csv).toContain('A01,');
    expect(csv).not.toContain('A02,');
  });

  it('refuses a revoked or unknown bearer token', async () => {
    expect((await new Client(base, 'gct_unknown').get('/api/agencies')).status).toBe(401);
  });

  it('refuses a form post without the CSRF token or from another origin', async () => {
    const a01 = await Client.login(base, s.tokens.a01);
    const finding = s.db.prepare('SELECT id FROM findings WHERE site_id = ? LIMIT 1').pluck().get(s.siteIds.a1) as number;
    expect((await a01.post(`/findings/${finding}/dispute`, { reason: 'x' })).status).toBe(403);
    const csrf = await a01.csrf(`/findings/${finding}/dispute`);
    expect((await a01.post(`/findings/${finding}/dispute`, { reason: 'x', _csrf: csrf }, { origin: 'http://evil.example' })).status).toBe(403);
    // Another principal's CSRF token does not fit this session.
    const oversight = await Client.login(base, s.tokens.oversight);
    const foreign = await oversight.csrf('/waivers').catch(() => 'none');
    expect((await a01.post(`/findings/${finding}/dispute`, { reason: 'x', _csrf: foreign })).status).toBe(403);
    expect(s.db.prepare('SELECT COUNT(*) FROM waivers').pluck().get()).toBe(0);
  });
});

describe('pages', () => {
  it('national overview: ranking with coverage flag, distribution and trend', async () => {
    const oversight = await Client.login(base, s.tokens.oversight);
    const { body } = await oversight.text('/');
    expect(body).toContain('<html lang="zh-Hant-TW">');
    expect(body).toContain('機關排名');
    expect(body).toMatch(/<th scope="row"><a href="\/agencies\/A01">模範部<\/a><\/th>/);
    // A02's only site timed out: no score, coverage 0% and flagged.
    expect(body).toMatch(/冷門局[\s\S]*?0%[\s\S]*?⚠/);
    expect(body).toContain('id="dist-chart-title"');
    expect(body).toContain('id="trend-chart-title"');
    expect(body).toContain('#1');
    const en = (await oversight.text('/?lang=en')).body;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Agency ranking');
    expect(en).toContain('href="/agencies/A01?lang=en"');
  });

  it('agency page: findings grouped by rule with titles, how to fix, counts and lifecycle', async () => {
    const a01 = await Client.login(base, s.tokens.a01);
    const { body } = await a01.text('/agencies/A01');
    const view = (await (await new Client(base, s.tokens.a01).get('/api/agencies/A01')).json()) as {
      rules: { rule: string; elements: number; pages: number; sites: number; lifecycle: Record<string, number>; title: Record<string, string> | null; howToFix: Record<string, string | null> }[];
      sites: { id: number; current: { sweepId: number } | null }[];
      national: { rank: number | null; coverage: number };
    };
    const alt = view.rules.find((r) => r.rule === 'axe/image-alt')!;
    expect(alt).toMatchObject({ elements: 3, pages: 2, sites: 1, lifecycle: { new: 1, open: 1, regressed: 0, fixed: 0 } });
    expect(alt.title?.['zh-TW']).toBeTruthy();
    expect(alt.title?.en).toMatch(/alternative text/i);
    const privacy = view.rules.find((r) => r.rule === 'gov/privacy-policy')!;
    expect(privacy).toMatchObject({ elements: 0, lifecycle: { fixed: 1 } });
    expect(view.rules.find((r) => r.rule === 'tw/skip-link')!.howToFix['zh-TW']).toBeTruthy();
    expect(view.national.rank).toBe(1);
    // The page shows the same: zh-TW title with the English one, lifecycle tags, a re-check button per site.
    expect(body).toContain(alt.title!['zh-TW']);
    expect(body).toContain(`<span lang="en" class="en">${alt.title!.en}</span>`);
    expect(body).toMatch(/life-new">新發現 <span lang="en" class="en">new<\/span> 1/);
    expect(body).toMatch(/life-open">仍未修正 <span lang="en" class="en">still open<\/span> 1/);
    expect(body).toMatch(/life-fixed">已修正/);
    expect(body.match(/action="\/sites\/\d+\/recheck"/g)?.length).toBe(2);
  });

  it('site page: sampled pages, findings with selector and snippet, needs-review items', async () => {
    const a01 = await Client.login(base, s.tokens.a01);
    const { body } = await a01.text(`/sites/${s.siteIds.a1}`);
    expect(body).toContain('#banner &gt; img');
    expect(body).toContain('<pre class="snippet"><code>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code></pre>');
    expect(body).toContain('待人工檢視');
    expect(body).toContain('.hero h2');
    expect(body).toContain('最新消息');
    const api = (await (await new Client(base, s.tokens.a01).get(`/api/sites/${s.siteIds.a1}`)).json()) as { pages: { url: string; findings: unknown[]; needsReview: unknown[] }[]; history: unknown[] };
    expect(api.pages).toHaveLength(2);
    expect(api.pages[0].findings).toHaveLength(3);
    expect(api.pages[0].needsReview).toHaveLength(1);
    expect(api.history).toHaveLength(2);
  });

  it('downloads the current sweep as CSV with a BOM and as JSON', async () => {
    const oversight = await Client.login(base, s.tokens.oversight);
    const res = await oversight.get('/download/sweep.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="govcheck-sweep-\d+\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe('\uFEFFagency_id,agency_name,site_url,status,overall,accessibility,performance,freshness,governance,security,last_updated,findings');
    expect(text).toContain('A02,冷門局,https://www.a02.gov.tw/,timeout');
    const json = (await (await oversight.get('/download/sweep.json')).json()) as { sweep: { id: number }; agencies: { id: string; rank: number | null }[] };
    expect(json.sweep.id).toBe(s.sweeps[1]);
    expect(json.agencies[0]).toMatchObject({ id: 'A01', rank: 1 });
  });
});

describe('a database without a national sweep yet', () => {
  it('shows empty pages instead of failing', async () => {
    const db = openStore(tempDbFile());
    saveRegistry(db, { agencies: [{ id: 'B01', name: '新設署', parentId: null, line: 2 }], sites: [{ agencyId: 'B01', url: 'https://www.b01.gov.tw/', name: null, line: 2 }] });
    const token = createToken(db, { role: 'oversight' }).token;
    const { dashboard: d, url } = await serve({ db });
    try {
      const c = await Client.login(url, token);
      const overview = await c.text('/');
      expect(overview.status).toBe(200);
      expect(overview.body).toContain('尚無全國檢測');
      const agency = await c.text('/agencies/B01');
      expect(agency.status).toBe(200);
      expect(agency.body).toContain('尚未檢測');
      expect((await c.get('/download/sweep.csv')).status).toBe(404);
      expect((await c.get('/agencies/NOPE')).status).toBe(404);
      expect(await (await new Client(url, token).get('/api/agencies')).json()).toMatchObject({ sweep: null, agencies: [] });
      // Logging out ends the cookie session.
      const csrf = await c.csrf('/');
      const out = await c.post('/logout', { _csrf: csrf });
      expect(out.status).toBe(303);
      expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      expect((await c.get('/')).status).toBe(303);
    } finally {
      await d.close();
      db.close();
    }
  });
});
