// Intranet sweeps: registry rows reference GOVCHECK_AUTH_* environment variables; SQLite and job data
// hold the names only; the checking process resolves them and sends them to the site's origin.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { parseRegistry } from '../../scheduler/registry.ts';
import { BadJobError, parseJobData, toWire } from '../../scheduler/distributed/wire.ts';
import type { CheckOptions } from '../../worker/site-checker.ts';
import { runCli } from '../helpers/cli.ts';

const TOKEN = 'intranet-Tok-5e4d3c2b1a';
const SESSION = 'intranet-Sess-0a9b8c7d';
const BASIC = 'hr:intranet-Pw-77aa88bb';
let site: FixtureServer;
const unauthorised: string[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'govcheck-auth-sweep-'));

const ok = (req: IncomingMessage) =>
  req.headers['x-intranet-token'] === TOKEN && req.headers.cookie === `session=${SESSION}` && req.headers.authorization === `Basic ${Buffer.from(BASIC).toString('base64')}`;

beforeAll(async () => {
  site = await startFixtureServer({
    catchAll: (req, res) => {
      if (!ok(req)) {
        unauthorised.push(req.url ?? '');
        return void res.writeHead(401, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>401</title></head><body>login</body></html>');
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html lang="zh-Hant-TW"><head><title>人事室內網</title></head><body><main><h1>人事室</h1><p>公告</p></main></body></html>');
    },
  });
});
afterAll(async () => {
  await site.close();
});

const csvHeader = 'agency_id,agency_name,parent_agency_id,site_url,site_name,auth\n';

describe('registry credentials for intranet sweeps', () => {
  it('reads GOVCHECK_AUTH_* references from CSV and JSON; a literal secret, another variable or bad syntax rejects the row with its line and field', () => {
    const csv = Buffer.from(
      csvHeader +
        'A1,人事總處,,https://hr.example.gov.tw/,內網,header:X-Intranet-Token=GOVCHECK_AUTH_HR_TOKEN; cookie:session=GOVCHECK_AUTH_HR_SESSION; basic=GOVCHECK_AUTH_HR_BASIC\n' +
        'A1,人事總處,,https://a.example.gov.tw/,a,header:Authorization=Bearer abc123secret\n' +
        'A1,人事總處,,https://b.example.gov.tw/,b,header:Authorization=AWS_SECRET_ACCESS_KEY\n' +
        'A1,人事總處,,https://c.example.gov.tw/,c,token=GOVCHECK_AUTH_X\n' +
        'A1,人事總處,,https://d.example.gov.tw/,d,\n',
    );
    const r = parseRegistry(csv, 'r.csv');
    expect(r.sites.map((s) => s.url)).toEqual(['https://hr.example.gov.tw/', 'https://d.example.gov.tw/']);
    expect(r.sites[0].authRefs).toEqual({
      headers: [{ name: 'X-Intranet-Token', env: 'GOVCHECK_AUTH_HR_TOKEN' }],
      cookies: [{ name: 'session', env: 'GOVCHECK_AUTH_HR_SESSION' }],
      basicEnv: 'GOVCHECK_AUTH_HR_BASIC',
    });
    expect(r.sites[1].authRefs).toBeNull();
    const errors = r.issues.filter((i) => i.level === 'error');
    expect(errors.map((i) => [i.line, i.field])).toEqual([
      [3, 'auth'],
      [4, 'auth'],
      [5, 'auth'],
    ]);
    expect(errors[0].message).not.toContain('abc123secret');

    const json = Buffer.from(
      JSON.stringify([{ id: 'A2', name: '內政部', sites: [{ url: 'https://moi.example.gov.tw/', name: 'x', auth: { headers: { 'X-Intranet-Token': 'GOVCHECK_AUTH_MOI' }, basic: 'GOVCHECK_AUTH_MOI_BASIC' } }, { url: 'https://y.example.gov.tw/', name: 'y', auth: { basic: 'user:password' } }] }], null, 1),
    );
    const j = parseRegistry(json, 'r.json');
    expect(j.sites.map((s) => s.authRefs)).toEqual([{ headers: [{ name: 'X-Intranet-Token', env: 'GOVCHECK_AUTH_MOI' }], basicEnv: 'GOVCHECK_AUTH_MOI_BASIC' }]);
    expect(j.issues.filter((i) => i.level === 'error').map((i) => i.field)).toEqual(['[0].sites[1].auth']);
  });

  it('job data carries variable names only: literal credentials are refused on the wire, and so are references outside GOVCHECK_AUTH_*', () => {
    const options: CheckOptions = { categories: ['accessibility'], maxPages: 1, now: new Date(), allowPrivate: false, config: defaultConfig(), lang: 'en' };
    expect(() => toWire({ ...options, auth: { headers: [{ name: 'X', value: TOKEN }], cookies: [], basic: null } })).toThrow(BadJobError);
    const wire = toWire({ ...options, authRefs: { headers: [{ name: 'X-Intranet-Token', env: 'GOVCHECK_AUTH_HR_TOKEN' }] } });
    expect(JSON.stringify(wire)).toContain('GOVCHECK_AUTH_HR_TOKEN');
    const job = (o: unknown) => ({ url: 'https://hr.example.gov.tw/', options: o, lane: 'sweep', sweepId: 1, siteId: 1, queuedAt: '' });
    expect(parseJobData(job(wire)).options.authRefs).toEqual(wire.authRefs);
    expect(() => parseJobData(job({ ...wire, authRefs: { headers: [{ name: 'X', env: 'AWS_SECRET_ACCESS_KEY' }] } }))).toThrow(/GOVCHECK_AUTH_/);
    expect(() => parseJobData(job({ ...wire, auth: { headers: [{ name: 'X', value: 'v' }], cookies: [], basic: null } }))).toThrow(/literal credentials/);
  });

  it('a sweep resolves the references from its environment: the site is checked, SQLite holds the names but no secret, and a missing variable is an error naming it', async () => {
    const other = await startFixtureServer({ catchAll: (_q, r) => void r.writeHead(401).end() });
    const registry = join(tmp, 'registry.csv');
    writeFileSync(
      registry,
      csvHeader +
        `HR,人事總處,,${site.url}/,內網,header:X-Intranet-Token=GOVCHECK_AUTH_HR_TOKEN;cookie:session=GOVCHECK_AUTH_HR_SESSION;basic=GOVCHECK_AUTH_HR_BASIC\n` +
        `HR,人事總處,,${other.url}/,差勤,basic=GOVCHECK_AUTH_MISSING\n`,
    );
    const db = join(tmp, 'intranet.db');
    const r = await runCli(['sweep', registry, '--db', db, '--allow-private', '--only', 'accessibility', '--max-pages', '1', '--page-delay', '0', '--quiet', '--lang', 'en'], {
      env: { GOVCHECK_AUTH_HR_TOKEN: TOKEN, GOVCHECK_AUTH_HR_SESSION: SESSION, GOVCHECK_AUTH_HR_BASIC: BASIC },
      timeoutMs: 400_000,
    });
    await other.close();
    expect(r.code).toBe(0);
    const rows = new Database(db, { readonly: true }).prepare('SELECT s.url, r.status, r.error, s.auth_refs FROM site_results r JOIN sites s ON s.id = r.site_id ORDER BY s.url').all() as { url: string; status: string; error: string | null; auth_refs: string }[];
    const byUrl = Object.fromEntries(rows.map((x) => [x.url, x]));
    expect(byUrl[`${site.url}/`].status).toBe('ok');
    expect(unauthorised).toEqual([]);
    expect(byUrl[`${other.url}/`].status).toBe('error');
    expect(byUrl[`${other.url}/`].error).toContain('GOVCHECK_AUTH_MISSING');
    expect(byUrl[`${site.url}/`].auth_refs).toContain('GOVCHECK_AUTH_HR_TOKEN');
    const bytes = readFileSync(db).toString('latin1') + (await readWal(db));
    for (const secret of [TOKEN, SESSION, BASIC, Buffer.from(BASIC).toString('base64')]) expect(bytes.includes(secret), secret).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  }, 420_000);
});

async function readWal(db: string): Promise<string> {
  try {
    return readFileSync(`${db}-wal`).toString('latin1');
  } catch {
    return '';
  }
}
