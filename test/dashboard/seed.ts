// A dashboard database seeded through the real store: registry, one or two national sweeps planned
// with the real queue and SiteResult objects written by the real recorder, tokens created hashed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../core/config.ts';
import type { Category, SiteResult } from '../../core/types.ts';
import { createDashboard, createToken, type Dashboard, type DashboardOptions } from '../../reports/dashboard/index.ts';
import { openStore, type Db } from '../../reports/store/db.ts';
import { recordSiteResult } from '../../reports/store/recorder.ts';
import { saveRegistry } from '../../reports/store/registry-store.ts';
import type { SweepOptions } from '../../reports/store/sweeps.ts';
import { planSweep } from '../../scheduler/queue.ts';
import { finishSweep } from '../../scheduler/sweep.ts';
import { finding, page, siteResult } from '../store/site-result.ts';

export const HOSTILE_TITLE = '<script>alert("title")</script>';
export const HOSTILE_SNIPPET = '"><img src=x onerror=alert(1)>';
export const HOSTILE_AGENCY = '壞<script>alert(2)</script>署';

export function tempDbFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'govcheck-dashboard-')), 'dash.db');
}

export const sweepOptions = (now: string, categories: Category[] = ['accessibility', 'governance'], maxPages = 1): SweepOptions => ({
  categories,
  maxPages,
  now,
  allowPrivate: true,
  lang: 'zh-TW',
  config: defaultConfig(),
  pageDelayMs: 0,
});

export interface Seeded {
  db: Db;
  file: string;
  siteIds: { a1: number; a2: number; b: number; c: number };
  sweeps: number[];
  tokens: { oversight: string; a01: string; a02: string };
}

export interface SeedOptions {
  /** Start URL of agency A01's first site (a live fixture server for re-check tests). */
  a1Url?: string;
  /** Result recorded for site a1 in the latest sweep (default: hostile findings). */
  a1Result?: (url: string) => SiteResult;
}

/** Agencies A01 (two sites), A02 (one site, one could not be checked) and A03 (hostile name); two national sweeps. */
export function seed(opts: SeedOptions = {}): Seeded {
  const file = tempDbFile();
  const db = openStore(file);
  const a1Url = opts.a1Url ?? 'https://www.a01.gov.tw/';
  const saved = saveRegistry(db, {
    agencies: [
      { id: 'A01', name: '模範部', parentId: null, line: 2 },
      { id: 'A02', name: '冷門局', parentId: 'A01', line: 3 },
      { id: 'A03', name: HOSTILE_AGENCY, parentId: null, line: 4 },
    ],
    sites: [
      { agencyId: 'A01', url: a1Url, name: '模範部全球資訊網', line: 2 },
      { agencyId: 'A01', url: 'https://data.a01.gov.tw/', name: '模範部開放資料', line: 3 },
      { agencyId: 'A02', url: 'https://www.a02.gov.tw/', name: '冷門局', line: 4 },
      { agencyId: 'A03', url: 'https://www.a03.gov.tw/', name: '<b>壞</b>站', line: 5 },
    ],
  });
  const [a1, a2, b, c] = saved.siteIds;
  const record = (sweepId: number, siteId: number, agencyId: string, result: SiteResult, nowAt: string) => recordSiteResult(db, { sweepId, siteId, agencyId, result, nowAt });

  // Sweep 1: A01's main site has an image-alt problem and a privacy-policy problem.
  const now1 = '2026-10-27T00:00:00+08:00';
  const s1 = planSweep(db, { siteIds: [a1, a2, b, c], options: sweepOptions(now1), startedAt: new Date('2026-10-27T00:00:00Z') });
  record(s1, a1, 'A01', siteResult(a1Url, { overall: 60, pages: [page(a1Url, [finding('axe/image-alt', { severity: 'critical', selector: '#logo > img' }), finding('gov/privacy-policy', { selector: null })])] }), now1);
  record(s1, a2, 'A01', siteResult('https://data.a01.gov.tw/', { overall: 90 }), now1);
  record(s1, b, 'A02', siteResult('https://www.a02.gov.tw/', { overall: 40, pages: [page('https://www.a02.gov.tw/', [finding('axe/color-contrast', { selector: '.menu a' })])] }), now1);
  record(s1, c, 'A03', siteResult('https://www.a03.gov.tw/', { overall: 50 }), now1);
  finishSweep(db, s1, new Date('2026-10-27T01:00:00Z'));

  // Sweep 2: privacy policy fixed, image-alt still open, a new hostile finding; A02's site times out.
  const now2 = '2026-11-27T00:00:00+08:00';
  const s2 = planSweep(db, { siteIds: [a1, a2, b, c], options: sweepOptions(now2), startedAt: new Date('2026-11-27T00:00:00Z') });
  const hostile = (url: string) =>
    siteResult(url, {
      overall: 70,
      pages: [
        page(url, [
          finding('axe/image-alt', { severity: 'critical', selector: '#logo > img', snippet: '<img src="logo.png">' }),
          finding('axe/image-alt', { severity: 'critical', selector: '#banner > img', snippet: HOSTILE_SNIPPET, fingerprint: 'axe/image-alt|#banner > img|/' }),
          finding('tw/skip-link', { severity: 'serious', selector: 'body', snippet: '<body>', message: `缺少跳到主要內容連結 ${HOSTILE_TITLE}` }),
        ], {
          title: HOSTILE_TITLE,
          needsReview: [{ rule: 'color-contrast', impact: 'serious', help: 'Elements must meet minimum color contrast ratio thresholds', helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/color-contrast', nodes: [{ selector: '.hero h2', snippet: HOSTILE_SNIPPET, reason: 'background image' }] }],
        }),
        page(`${url}news/`, [finding('axe/image-alt', { severity: 'critical', selector: '#logo > img', snippet: '<img src="logo.png">', fingerprint: 'axe/image-alt|#logo > img|/' })], { sampledBecause: 'news-list', title: '最新消息' }),
      ],
    });
  record(s2, a1, 'A01', (opts.a1Result ?? hostile)(a1Url), now2);
  record(s2, a2, 'A01', siteResult('https://data.a01.gov.tw/', { overall: 92 }), now2);
  record(s2, b, 'A02', siteResult('https://www.a02.gov.tw/', { status: 'timeout', error: 'navigation timed out after 30 s' }), now2);
  record(s2, c, 'A03', siteResult('https://www.a03.gov.tw/', { overall: 55, pages: [page('https://www.a03.gov.tw/', [finding('gov/contact-info', { selector: null, snippet: null, message: HOSTILE_TITLE })], { title: HOSTILE_TITLE })] }), now2);
  finishSweep(db, s2, new Date('2026-11-27T01:00:00Z'));

  const tokens = {
    oversight: createToken(db, { role: 'oversight', label: 'test oversight' }).token,
    a01: createToken(db, { role: 'agency', agencyId: 'A01' }).token,
    a02: createToken(db, { role: 'agency', agencyId: 'A02' }).token,
  };
  return { db, file, siteIds: { a1, a2, b, c }, sweeps: [s1, s2], tokens };
}

export async function serve(opts: DashboardOptions): Promise<{ dashboard: Dashboard; url: string }> {
  const dashboard = createDashboard(opts);
  const url = await dashboard.listen(0, '127.0.0.1');
  return { dashboard, url };
}

/** A browser-like client: keeps the login cookie, reads the CSRF token from served forms. */
export class Client {
  cookie: string | null = null;

  constructor(
    readonly base: string,
    readonly bearer: string | null = null,
  ) {}

  static async login(base: string, token: string): Promise<Client> {
    const c = new Client(base);
    const res = await c.post('/login', { token, next: '/' });
    if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
    return c;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}), ...extra };
  }

  async get(path: string): Promise<Response> {
    return fetch(this.base + path, { headers: this.headers(), redirect: 'manual' });
  }

  async text(path: string): Promise<{ status: number; body: string }> {
    const res = await this.get(path);
    return { status: res.status, body: await res.text() };
  }

  async post(path: string, form: Record<string, string>, extra: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...extra }),
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0].endsWith('=') ? null : set.split(';')[0];
    return res;
  }

  /** The CSRF token of the forms on a page. */
  async csrf(path: string): Promise<string> {
    const { body } = await this.text(path);
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    if (!m) throw new Error(`no form with a CSRF token on ${path}`);
    return m[1];
  }
}
