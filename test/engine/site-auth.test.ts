// Sites behind a login: the real CLI against a staging site on 127.0.0.1 that answers 401 unless the
// request carries a header, a cookie AND basic auth; two other origins (another host, and another port of
// the same host) record every request and must never see a credential.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { runCli } from '../helpers/cli.ts';
import { FORMATS, reporterFor } from '../../reports/check/index.ts';
import { parseCookie, parseHeader } from '../../core/site-auth.ts';

const TOKEN = 'tok-Staging-9f8e7d6c5b';
const SESSION = 'sess-4a3b2c1d0e9f';
const USER = 'ci-bot';
const PASSWORD = 'pw-Kq7Zr2Vx8Lm';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
const SECRETS = [TOKEN, SESSION, PASSWORD, BASIC];

interface Seen {
  path: string;
  authorised: boolean;
  raw: string;
  userAgent: string;
}

let site: FixtureServer;
let otherHost: FixtureServer;
let otherPort: FixtureServer;
const seenSite: Seen[] = [];
const seenOther: Seen[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'govcheck-auth-'));

const authorised = (req: IncomingMessage) =>
  req.headers['x-staging-token'] === TOKEN && /(?:^|;\s*)session=sess-4a3b2c1d0e9f(?:;|$)/.test(req.headers.cookie ?? '') && req.headers.authorization === `Basic ${BASIC}`;

const record = (list: Seen[], req: IncomingMessage) =>
  list.push({ path: (req.url ?? '').split('?')[0], authorised: authorised(req), raw: JSON.stringify(req.headers), userAgent: req.headers['user-agent'] ?? '' });

function page(title: string, body: string, origin: string, others: string[]): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about.html">About</a> <a href="/go-away">Partner</a> <a href="${others[0]}/partner.html">Partner site</a></nav>
<main><h1>${title}</h1>${body}<p>Updated 2026-11-20</p>
<img alt="partner" src="${others[0]}/logo.png"><img alt="cdn" src="${others[1]}/cdn.png"><script src="${others[1]}/widget.js"></script>
<script>fetch('${others[0]}/api/ping').catch(() => {});</script></main></body></html>`;
}

beforeAll(async () => {
  const recorder = (list: Seen[]) => ({
    catchAll: (req: IncomingMessage, res: import('node:http').ServerResponse) => {
      record(list, req);
      const type = req.url?.endsWith('.js') ? 'text/javascript' : req.url?.endsWith('.png') ? 'image/png' : 'text/html';
      res.writeHead(200, { 'content-type': type }).end(type === 'text/html' ? '<!DOCTYPE html><html lang="en"><head><title>partner</title></head><body><main><h1>Partner</h1></main></body></html>' : '');
    },
  });
  otherHost = await startFixtureServer({ host: '127.0.0.2', ...recorder(seenOther) });
  otherPort = await startFixtureServer({ host: '127.0.0.1', ...recorder(seenOther) });
  const others = [otherHost.url, otherPort.url];
  site = await startFixtureServer({
    catchAll: (req, res) => {
      record(seenSite, req);
      const path = (req.url ?? '/').split('?')[0];
      const origin = site.url;
      if (!authorised(req)) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="staging"', 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>401</title></head><body>Log in first</body></html>');
        return;
      }
      const html = (body: string) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      if (path === '/') {
        // A debug footer echoing the request's cookie and token, inside an image without alt text:
        // axe reports its snippet, and the report must not carry the secrets.
        return html(page('Staging home', `<img src="/debug.png" data-cookie="${req.headers.cookie}" data-token="${req.headers['x-staging-token']}">`, origin, others));
      }
      if (path === '/news/' || path === '/about.html') return html(page(path === '/about.html' ? 'About' : 'News', '<p>content</p>', origin, others));
      if (path === '/go-away') return void res.writeHead(302, { location: `${otherHost.url}/landing.html` }).end();
      if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nSitemap: ${origin}/sitemap.xml\n`);
      if (path === '/sitemap.xml')
        return void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/about.html</loc></url><url><loc>${origin}/news/</loc></url></urlset>`);
      if (path === '/rss.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>n</title><pubDate>Fri, 20 Nov 2026 00:00:00 +0800</pubDate></item></channel></rss>');
      if (path.endsWith('.png')) return void res.writeHead(200, { 'content-type': 'image/png' }).end();
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>');
    },
  });
});
afterAll(async () => {
  await site?.close();
  await otherHost?.close();
  await otherPort?.close();
});

const base = ['check', '--allow-private', '--now', '2026-11-27', '--quiet'];
const creds = ['--header', `X-Staging-Token: ${TOKEN}`, '--cookie', `session=${SESSION}`];
const env = { GOVCHECK_BASIC_AUTH: `${USER}:${PASSWORD}` };
const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

describe('check: sites behind a login', () => {
  it('without credentials the staging site answers 401 and the check says so (exit 3)', async () => {
    const r = await runCli([...base, '--only', 'accessibility', '--max-pages', '1', '--format', 'json', `${site.url}/`]);
    expect(r.code).toBe(3);
    // Chromium answers a Basic challenge it cannot meet with ERR_INVALID_AUTH_CREDENTIALS.
    expect(JSON.parse(r.stdout).sites[0].error).toMatch(/401|AUTH/);
  });

  it('sends --header, --cookie and GOVCHECK_BASIC_AUTH to the site origin only: pages, probes, link checks and Lighthouse; never to other origins; redacted everywhere', async () => {
    seenSite.length = 0;
    seenOther.length = 0;
    const out = join(tmp, 'report.json');
    const r = await runCli([...base, '--max-pages', '3', '--format', 'json', '--output', out, ...creds, `${site.url}/`], { env, timeoutMs: 300_000 });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const text = readFileSync(out, 'utf8');
    const s = JSON.parse(text).sites[0];
    expect(s.status).toBe('ok');
    expect(s.pages.length).toBe(3);

    // The site got the credentials on every kind of request govcheck makes.
    const got = (pred: (x: Seen) => boolean) => seenSite.filter(pred);
    for (const [what, pred] of [
      ['start page', (x: Seen) => x.path === '/'],
      ['sampled pages', (x: Seen) => x.path === '/about.html' || x.path === '/news/'],
      ['robots.txt', (x: Seen) => x.path === '/robots.txt'],
      ['sitemap', (x: Seen) => x.path === '/sitemap.xml'],
      ['feed', (x: Seen) => x.path === '/rss.xml'],
      ['soft-404 probe', (x: Seen) => x.path.startsWith('/govcheck-missing-')],
      ['subresources', (x: Seen) => x.path === '/debug.png'],
      ['link check of the off-site redirect', (x: Seen) => x.path === '/go-away'],
      // Lighthouse emulates a phone: its requests carry an Android user agent, the page loop's do not.
      ['Lighthouse', (x: Seen) => /Android/.test(x.userAgent)],
    ] as const) {
      const hits = got(pred);
      expect(hits.length, what).toBeGreaterThan(0);
      expect(hits.filter((x) => !x.authorised), `${what}: requests without credentials`).toEqual([]);
    }
    expect(seenSite.filter((x) => !x.authorised)).toEqual([]);
    expect(s.lighthouse.length).toBeGreaterThan(0);
    expect(s.lighthouse[0].runtimeError).toBeNull();
    expect(s.scores.performance).not.toBeNull();

    // Other origins were contacted (page images, scripts, fetch, the redirect target, link checks) but never with a credential.
    expect(seenOther.some((x) => x.path === '/landing.html')).toBe(true);
    expect(seenOther.some((x) => x.path === '/cdn.png')).toBe(true);
    expect(seenOther.some((x) => x.path === '/api/ping')).toBe(true);
    expect(seenOther.length).toBeGreaterThan(3);
    expect(seenOther.filter((x) => leaks(x.raw).length > 0 || /x-staging-token|authorization/i.test(x.raw))).toEqual([]);

    // The debug image's snippet was reported, with the secrets redacted.
    const snippets = s.pages[0].findings.map((f: { snippet: string | null }) => f.snippet ?? '').join('\n');
    expect(snippets).toContain('data-token="[redacted]"');
    expect(leaks(text)).toEqual([]);
    expect(leaks(r.stdout + r.stderr)).toEqual([]);
    // Every format renders from this redacted report (reporters are pure), so none can show a secret.
    const report = JSON.parse(text);
    for (const format of FORMATS) {
      const rendered = reporterFor(format)!.render(report, { color: false });
      expect(rendered.length, format).toBeGreaterThan(100);
      expect(leaks(rendered), format).toEqual([]);
    }
    expect(reporterFor('html')!.render(report, { color: false })).toContain('[redacted]');
  }, 600_000);

  it('refuses bad --header / --cookie / GOVCHECK_BASIC_AUTH with exit 2 naming the flag, without echoing the value', async () => {
    // Every rule of the parsers, in process…
    for (const bad of ['X-Token: a\r\nInjected: 1', `X-Token: ${TOKEN}\nb`, 'no colon here', 'Bad Name: v', 'Host: evil.example', 'Cookie: a=b', 'X-Empty:', 'X-Nul: a\u0000b']) {
      expect(() => parseHeader(bad), JSON.stringify(bad)).toThrow(/^--header/);
      try {
        parseHeader(bad);
      } catch (e) {
        expect(leaks((e as Error).message)).toEqual([]);
      }
    }
    for (const bad of ['session', 'session=a b', `session=${SESSION};x`, 'se ssion=abc', 'session=a\r\nb', 'session=a,b', '=abc']) expect(() => parseCookie(bad), JSON.stringify(bad)).toThrow(/^--cookie/);
    expect(parseHeader(`X-Staging-Token:  ${TOKEN} `)).toEqual({ name: 'X-Staging-Token', value: TOKEN });
    expect(parseCookie(`session=${SESSION}`)).toEqual({ name: 'session', value: SESSION });
    expect(parseCookie('q="quoted"')).toEqual({ name: 'q', value: '"quoted"' });
    // …and through the real CLI: exit 2, one line naming the flag, before any browser starts.
    for (const [args, e, flag] of [
      [['--header', `X-Token: ${TOKEN}\r\nInjected: 1`], {}, '--header'],
      [['--cookie', `session=${SESSION} x`], {}, '--cookie'],
      [['--header', `Authorization: Bearer ${TOKEN}`], { GOVCHECK_BASIC_AUTH: `${USER}:${PASSWORD}` }, 'GOVCHECK_BASIC_AUTH'],
      [[], { GOVCHECK_BASIC_AUTH: 'no-colon' }, 'GOVCHECK_BASIC_AUTH'],
    ] as const) {
      const r = await runCli([...base, ...args, `${site.url}/`], { env: e });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toContain(flag);
      expect(leaks(r.stderr)).toEqual([]);
    }
  }, 400_000);
});
