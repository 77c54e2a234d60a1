// Puts a site's credentials (headers, cookies, basic auth) on the browser's requests to the site's own
// origin, and on nothing else. Playwright's route.continue({ headers }) is not usable for this: its
// overrides follow a redirect to another origin, and a Cookie override is dropped. The DevTools Fetch
// domain pauses every request hop (redirect hops included) and the override applies to that hop only, so
// each hop is judged by its own URL. The credentials never enter the cookie jar (a jar cookie would also
// go to other ports of the same host).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { authHeaders, type SiteAuth } from '../core/site-auth.ts';

interface RequestPaused {
  requestId: string;
  request: { url: string; headers: Record<string, string> };
}

/** Header list for one request: the browser's own headers with the credentials merged in. */
export function mergeAuthHeaders(browserHeaders: Record<string, string>, auth: SiteAuth): { name: string; value: string }[] {
  const extra = authHeaders(auth);
  const replaced = new Set(extra.map((h) => h.name.toLowerCase()));
  const out: { name: string; value: string }[] = [];
  let pageCookie: string | null = null;
  for (const [name, value] of Object.entries(browserHeaders)) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') pageCookie = value;
    else if (!replaced.has(lower)) out.push({ name, value });
  }
  for (const h of extra) {
    // The site's own cookies (set while checking, e.g. after a redirect to /login?ok) are kept.
    if (h.name === 'Cookie' && pageCookie) out.push({ name: 'Cookie', value: `${pageCookie}; ${h.value}` });
    else out.push(h);
  }
  if (pageCookie !== null && !extra.some((h) => h.name === 'Cookie')) out.push({ name: 'Cookie', value: pageCookie });
  return out;
}

/** Intercepts the page's requests until the page closes. Call it for every page of the check. */
export async function injectSiteAuth(context: BrowserContext, page: Page, auth: SiteAuth, origins: readonly string[]): Promise<CDPSession> {
  const session = await context.newCDPSession(page);
  await interceptWithAuth(session, auth, origins);
  return session;
}

/** The part of a DevTools session the interception uses: Playwright's and puppeteer's (the Lighthouse child's) both fit. */
export interface FetchSession {
  on(event: 'Fetch.requestPaused', handler: (ev: RequestPaused) => void): unknown;
  send(method: 'Fetch.continueRequest', params: { requestId: string; headers?: { name: string; value: string }[] }): Promise<unknown>;
  send(method: 'Fetch.enable', params: { patterns: { urlPattern: string; requestStage: 'Request' }[] }): Promise<unknown>;
}

/** On a page session: that page's requests; on a browser session (Lighthouse's browser): every target's. */
export async function interceptWithAuth(session: FetchSession, auth: SiteAuth, origins: readonly string[]): Promise<void> {
  session.on('Fetch.requestPaused', (ev: RequestPaused) => {
    let own = false;
    try {
      own = origins.includes(new URL(ev.request.url).origin);
    } catch {
      own = false;
    }
    const params = own ? { requestId: ev.requestId, headers: mergeAuthHeaders(ev.request.headers, auth) } : { requestId: ev.requestId };
    // The page may close while a request is paused; nothing to continue then.
    session.send('Fetch.continueRequest', params).catch(() => undefined);
  });
  // Every hop is paused, not only the site's: a hop that leaves the origin is continued explicitly bare.
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
}
