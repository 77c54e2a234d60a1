// Site-level artifacts fetched outside the browser: robots.txt, sitemap.xml, feeds, the http→https
// redirect, the TLS certificate, open directory listings, a soft-404 probe and link checks.
// Every hop goes through the AddressPolicy, so a redirect cannot lead the scanner inward.
import { timerMs } from '../core/timers.ts';
import { randomBytes } from 'node:crypto';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import type { DirectoryProbe, FeedArtifact, FetchedResource, HttpsProbe, LinkCheck, PageArtifacts, SitemapArtifact, TlsProbe } from '../core/types.ts';
import type { AddressPolicy } from './url-guard.ts';

export interface FetchOptions {
  method?: 'GET' | 'HEAD';
  timeoutMs?: number;
  maxRedirects?: number;
  maxBytes?: number;
  userAgent: string;
  /** Credentials for one hop's URL (only the site's own origin gets any; see core/site-auth.ts). */
  authFor?: AuthFor;
}

/** Extra request headers for a URL: the site's credentials on its own origin, {} elsewhere. */
export type AuthFor = (url: string) => Record<string, string>;

export interface FetchOutcome extends FetchedResource {
  /** URLs visited, first to last, with their status. */
  hops: { url: string; status: number }[];
}

/** fetch() with manual redirects checked against the policy, a timeout and a body cap. */
export async function guardedFetch(url: string, policy: AddressPolicy, opts: FetchOptions): Promise<FetchOutcome> {
  const hops: { url: string; status: number }[] = [];
  let current = url;
  for (let i = 0; i <= (opts.maxRedirects ?? 5); i++) {
    const refused = await policy.check(current).catch((e: Error) => e.message);
    if (refused) return { url: current, status: null, headers: {}, body: null, error: refused, hops };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timerMs(opts.timeoutMs ?? 15_000));
    try {
      const res = await fetch(current, {
        method: opts.method ?? 'GET',
        redirect: 'manual',
        signal: controller.signal,
        // Per hop: a redirect off the site's origin gets no credentials.
        headers: { ...opts.authFor?.(current), 'user-agent': opts.userAgent, accept: '*/*' },
      });
      hops.push({ url: current, status: res.status });
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => undefined);
        current = new URL(location, current).href;
        continue;
      }
      const body = opts.method === 'HEAD' ? null : await readCapped(res, opts.maxBytes ?? 2_000_000);
      return { url: current, status: res.status, headers, body, error: null, hops };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const detail = controller.signal.aborted ? 'timed out' : (err.cause?.code ?? err.cause?.message ?? err.message);
      return { url: current, status: null, headers: {}, body: null, error: detail, hops };
    } finally {
      clearTimeout(timer);
    }
  }
  return { url: current, status: null, headers: {}, body: null, error: 'too many redirects', hops };
}

async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= max) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

const decodeXml = (s: string) =>
  s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

export function parseSitemap(xml: string, limit = 5000): { entries: { loc: string; lastmod: string | null }[]; children: string[] } {
  const entries: { loc: string; lastmod: string | null }[] = [];
  const children: string[] = [];
  const isIndex = /<sitemapindex[\s>]/i.test(xml);
  for (const m of xml.matchAll(/<(url|sitemap)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const loc = /<loc>([\s\S]*?)<\/loc>/i.exec(m[2])?.[1];
    if (!loc) continue;
    const lastmod = /<lastmod>([\s\S]*?)<\/lastmod>/i.exec(m[2])?.[1] ?? null;
    if (isIndex) children.push(decodeXml(loc));
    else if (entries.length < limit) entries.push({ loc: decodeXml(loc), lastmod: lastmod ? decodeXml(lastmod) : null });
  }
  return { entries, children };
}

export function parseFeed(xml: string, limit = 50): FeedArtifact['items'] {
  const items: FeedArtifact['items'] = [];
  for (const m of xml.matchAll(/<(item|entry)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    if (items.length >= limit) break;
    const body = m[2];
    const title = decodeXml(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1] ?? '');
    const link = /<link[^>]*href="([^"]+)"/i.exec(body)?.[1] ?? /<link>([\s\S]*?)<\/link>/i.exec(body)?.[1] ?? null;
    const date = /<(pubDate|updated|published|dc:date)>([\s\S]*?)<\/\1>/i.exec(body)?.[2] ?? null;
    items.push({ title, link: link ? decodeXml(link) : null, date: date ? decodeXml(date) : null });
  }
  return items;
}

export async function fetchRobots(origin: string, policy: AddressPolicy, ua: string, authFor?: AuthFor): Promise<FetchedResource> {
  const r = await guardedFetch(`${origin}/robots.txt`, policy, { userAgent: ua, maxBytes: 200_000, timeoutMs: 10_000, authFor });
  return { url: r.url, status: r.status, headers: r.headers, body: r.body, error: r.error };
}

export async function fetchSitemap(origin: string, robots: FetchedResource | null, policy: AddressPolicy, ua: string, authFor?: AuthFor): Promise<SitemapArtifact> {
  const declared = robots?.status === 200 && robots.body ? [...robots.body.matchAll(/^\s*sitemap:\s*(\S+)/gim)].map((m) => m[1]) : [];
  const candidates = [...declared.filter((u) => safeOrigin(u) === origin), `${origin}/sitemap.xml`];
  let last: SitemapArtifact = { url: candidates[candidates.length - 1], status: null, entries: [], error: 'not fetched' };
  for (const url of [...new Set(candidates)].slice(0, 2)) {
    const r = await guardedFetch(url, policy, { userAgent: ua, maxBytes: 5_000_000, timeoutMs: 15_000, authFor });
    last = { url, status: r.status, entries: [], error: r.error };
    if (r.status !== 200 || !r.body || !/<(urlset|sitemapindex)[\s>]/i.test(r.body)) {
      if (r.status === 200 && !r.error) last.error = 'not a sitemap (no <urlset> or <sitemapindex>)';
      continue;
    }
    const parsed = parseSitemap(r.body);
    last.entries = parsed.entries;
    for (const child of parsed.children.filter((c) => safeOrigin(c) === origin).slice(0, 3)) {
      const c = await guardedFetch(child, policy, { userAgent: ua, maxBytes: 5_000_000, timeoutMs: 15_000, authFor });
      if (c.status === 200 && c.body) last.entries.push(...parseSitemap(c.body).entries);
    }
    return last;
  }
  return last;
}

export async function fetchFeeds(start: PageArtifacts, origin: string, policy: AddressPolicy, ua: string, authFor?: AuthFor): Promise<FeedArtifact[]> {
  const hrefs = new Set<string>();
  for (const m of start.html.matchAll(/<link\b[^>]*type=["']application\/(rss|atom)\+xml["'][^>]*>/gi)) {
    const href = /href=["']([^"']+)["']/i.exec(m[0])?.[1];
    if (href) hrefs.add(new URL(href, start.finalUrl).href);
  }
  for (const l of start.links) if (/\.(rss|xml)$|\/rss\/?$|[?&]rss\b|\/feed\/?$/i.test(l.href) && !/sitemap/i.test(l.href)) hrefs.add(l.href);
  const feeds: FeedArtifact[] = [];
  for (const url of [...hrefs].filter((u) => safeOrigin(u) === origin).slice(0, 2)) {
    const r = await guardedFetch(url, policy, { userAgent: ua, maxBytes: 2_000_000, timeoutMs: 10_000, authFor });
    feeds.push({ url, status: r.status, items: r.status === 200 && r.body ? parseFeed(r.body) : [], error: r.error });
  }
  return feeds;
}

/** authFor is honoured per hop: the http:// URL of an https site is not the site's origin, so it gets no credentials (they would cross the network in clear text). */
export async function probeHttps(startUrl: string, policy: AddressPolicy, ua: string, authFor?: AuthFor): Promise<HttpsProbe> {
  const u = new URL(startUrl);
  u.protocol = 'http:';
  if (u.port === '443') u.port = '';
  const r = await guardedFetch(u.href, policy, { userAgent: ua, method: 'GET', maxBytes: 100_000, timeoutMs: 10_000, authFor });
  return {
    httpUrl: u.href,
    finalUrl: r.status !== null ? r.url : null,
    redirectsToHttps: r.url.startsWith('https:') && r.status !== null,
    firstStatus: r.hops[0]?.status ?? null,
    error: r.error,
  };
}

export function probeTls(host: string, port: number, timeoutMs = 10_000): Promise<TlsProbe> {
  return new Promise((resolve) => {
    const done = (p: Partial<TlsProbe>) =>
      resolve({ host, authorized: false, authorizationError: null, validTo: null, daysLeft: null, protocol: null, error: null, ...p });
    const socket = tlsConnect({ host, port, servername: host, rejectUnauthorized: false, timeout: timeoutMs }, () => {
      const cert: PeerCertificate = socket.getPeerCertificate();
      const validTo = cert?.valid_to ? new Date(cert.valid_to) : null;
      done({
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : null,
        validTo: validTo ? validTo.toISOString() : null,
        daysLeft: validTo ? Math.floor((validTo.getTime() - Date.now()) / 86_400_000) : null,
        protocol: socket.getProtocol(),
      });
      socket.end();
    });
    socket.on('timeout', () => {
      socket.destroy();
      done({ error: 'timed out' });
    });
    socket.on('error', (e) => done({ error: e.message }));
  });
}

const LISTING = /<title>\s*Index of \/|Directory Listing --|\[To Parent Directory\]|<h1>Index of \//i;

/** Parent folders of the site's own asset URLs (uploads, images, files), probed for open listings. */
export function directoryCandidates(pages: PageArtifacts[], origin: string, limit = 6): string[] {
  const dirs = new Map<string, number>();
  for (const p of pages) {
    const urls = [...p.images.map((i) => i.src), ...p.links.map((l) => l.href)];
    for (const m of p.html.matchAll(/\b(?:src|href)=["']([^"'#?]+\.(?:js|css|png|jpe?g|gif|pdf|docx?|odt|xlsx?|ods|zip))["']/gi)) urls.push(new URL(m[1], p.finalUrl).href);
    for (const raw of urls) {
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        continue;
      }
      if (u.origin !== origin) continue;
      const parts = u.pathname.split('/').filter(Boolean).slice(0, -1);
      for (let i = parts.length; i >= 1; i--) {
        const dir = `${origin}/${parts.slice(0, i).join('/')}/`;
        dirs.set(dir, (dirs.get(dir) ?? 0) + 1);
      }
    }
  }
  return [...dirs.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length).slice(0, limit).map(([d]) => d);
}

export async function probeDirectories(candidates: string[], policy: AddressPolicy, ua: string, authFor?: AuthFor): Promise<DirectoryProbe[]> {
  const out: DirectoryProbe[] = [];
  for (const url of candidates) {
    const r = await guardedFetch(url, policy, { userAgent: ua, maxBytes: 100_000, timeoutMs: 10_000, maxRedirects: 2, authFor });
    out.push({ url, status: r.status, listing: r.status === 200 && LISTING.test(r.body ?? '') });
  }
  return out;
}

export async function probeSoft404(origin: string, policy: AddressPolicy, ua: string, authFor?: AuthFor): Promise<FetchedResource> {
  const url = `${origin}/govcheck-missing-${randomBytes(6).toString('hex')}.html`;
  const r = await guardedFetch(url, policy, { userAgent: ua, maxBytes: 50_000, timeoutMs: 10_000, authFor });
  return { url, status: r.status, headers: r.headers, body: null, error: r.error };
}

export interface LinkCheckOptions {
  userAgent: string;
  /** Fetch external links too (false when the scanner has no network beyond the site). */
  external: boolean;
  maxLinks: number;
  concurrency: number;
  authFor?: AuthFor;
}

/** HEAD each distinct link (GET when HEAD is refused), a few at a time, same-origin first. */
export async function checkLinks(pages: PageArtifacts[], origin: string, policy: AddressPolicy, opts: LinkCheckOptions): Promise<LinkCheck[]> {
  const byUrl = new Map<string, LinkCheck>();
  for (const p of pages) {
    for (const l of p.links) {
      if (!/^https?:/i.test(l.href)) continue;
      const u = new URL(l.href);
      u.hash = '';
      if (byUrl.has(u.href) || pages.some((q) => q.url === u.href || q.finalUrl === u.href)) continue;
      const external = u.origin !== origin;
      byUrl.set(u.href, { url: u.href, fromPage: p.finalUrl, status: null, ok: true, external, error: null, skipped: external && !opts.external, linkText: l.name.slice(0, 120), selector: l.selector });
    }
  }
  const all = [...byUrl.values()].sort((a, b) => Number(a.external) - Number(b.external));
  const toFetch = all.filter((c) => !c.skipped).slice(0, opts.maxLinks);
  for (const c of all.filter((c) => !c.skipped).slice(opts.maxLinks)) c.skipped = true;
  let next = 0;
  const worker = async () => {
    while (next < toFetch.length) {
      const c = toFetch[next++];
      let r = await guardedFetch(c.url, policy, { userAgent: opts.userAgent, method: 'HEAD', timeoutMs: 10_000, authFor: opts.authFor });
      if (r.status === 405 || r.status === 501 || r.status === 403 || (r.status === null && !r.error?.startsWith('refused'))) {
        r = await guardedFetch(c.url, policy, { userAgent: opts.userAgent, method: 'GET', timeoutMs: 15_000, maxBytes: 1, authFor: opts.authFor });
      }
      c.status = r.status;
      c.error = r.error;
      c.ok = r.status !== null && r.status < 400;
      if (r.error?.startsWith('refused')) {
        c.skipped = true;
        c.ok = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, toFetch.length) }, worker));
  return all;
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
