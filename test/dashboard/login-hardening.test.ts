// Login hardening on a real dashboard server on 127.0.0.1 over a seeded SQLite file: the target
// after login never leaves the dashboard's origin, and failed login attempts are rate-limited per
// client address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../reports/dashboard/index.ts';
import { safeNext } from '../../reports/dashboard/http.ts';
import { Client, seed, serve, type Seeded } from './seed.ts';

let s: Seeded;
let dashboard: Dashboard;
let base: string;
let now = new Date('2026-11-28T00:00:00Z').getTime();

beforeAll(async () => {
  s = seed();
  ({ dashboard, url: base } = await serve({ db: s.db, clock: () => new Date(now) }));
});
afterAll(async () => {
  await dashboard?.close();
  s?.db.close();
});

const loginTo = (next: string, token = s.tokens.oversight) =>
  fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, next }).toString(), redirect: 'manual' });

describe('the target after login', () => {
  const offsite = ['/\t/evil.example/x', '/\n/evil.example/', '/\r//evil.example/', '/ /evil.example/', '/\u0000/evil.example/', '/.//evil.example/x', '/\\evil.example/', '//evil.example/', 'https://evil.example/', '/%2F/evil.example', 'javascript:alert(1)'];

  it('stays on the dashboard origin for /login?next=/%09/evil.example/x and every other off-site form', async () => {
    expect(offsite.length).toBeGreaterThan(5);
    for (const next of offsite) {
      const res = await loginTo(next);
      expect(res.status, JSON.stringify(next)).toBe(303);
      const location = res.headers.get('location')!;
      // Resolved as a browser would (after stripping tabs and newlines), it stays here.
      expect(new URL(location.replace(/[\t\n\r]/g, ''), base).origin, JSON.stringify(next)).toBe(base);
      expect(location.startsWith('//'), JSON.stringify(next)).toBe(false);
    }
    // The GET form of the issue: a logged-in user opening the crafted link.
    const c = await Client.login(base, s.tokens.oversight);
    const res = await c.get('/login?next=/%09/evil.example/x');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  });

  it('keeps a genuine local target with its query', async () => {
    const res = await loginTo('/agencies/A01?lang=en');
    expect(res.headers.get('location')).toBe('/agencies/A01?lang=en');
    expect(safeNext('/sites/3#findings')).toBe('/sites/3#findings');
    expect(safeNext('/a/../agencies/A01')).toBe('/agencies/A01');
  });
});

describe('login attempts', () => {
  it('refuses the 11th failed attempt within a minute from one address with 429 and Retry-After, then recovers', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await loginTo('/', `gct_wrong-${i}`);
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await loginTo('/', 'gct_wrong-11');
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    const body = await limited.text();
    expect(body).toContain('登入嘗試次數過多');
    // Even the right token waits: the limit applies before the token is looked at.
    expect((await loginTo('/', s.tokens.oversight)).status).toBe(429);
    // Failing bearer tokens count too.
    expect((await new Client(base, 'gct_guess').get('/api/agencies')).status).toBe(429);
    // A minute later the address may try again.
    now += 61_000;
    expect((await loginTo('/', s.tokens.oversight)).status).toBe(303);
  });
});
