// `govcheck serve`: the dashboard on node:http. Server-rendered pages and a JSON API over the same
// view models; bearer tokens or a login cookie; CSRF-checked forms; an agency token sees only its
// own agency. Re-checks are queued through the SelfCheckService the CLI wires in.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lang } from '../../core/types.ts';
import type { Db } from '../store/db.ts';
import { renderCsv } from '../sweep-report/csv.ts';
import { renderJson } from '../sweep-report/json.ts';
import { buildSweepReport } from '../sweep-report/model.ts';
import { canSeeAgency, csrfTokenFor, dashboardSecret, principalOf, verifyCsrf } from './auth.ts';
import {
  bearerToken,
  clearedCookie,
  cookies,
  COOKIE,
  HttpError,
  readBody,
  redirect,
  safeNext,
  sameOrigin,
  securityHeaders,
  sendDownload,
  sendHtml,
  sendImage,
  sendJson,
  sessionCookie,
} from './http.ts';
import { lx, type Label } from './layout.ts';
import { renderAgency } from './pages/agency.ts';
import { renderDispute, renderDownloads, renderError, renderLogin, renderWaivers } from './pages/forms.ts';
import { renderOverview } from './pages/overview.ts';
import { renderSite } from './pages/site.ts';
import { findingScreenshot, getFinding, getSite, type SiteRow } from './queries.ts';
import type { DashboardOptions, Principal, RenderContext } from './types.ts';
import { AttemptLimiter } from './rate-limit.ts';
import { agencyView, latestNationalSweep, overviewView, ReportCache, siteView } from './views.ts';
import { decideWaiver, getWaiver, listWaivers, requestWaiver, WaiverError } from './waivers.ts';

export interface Dashboard {
  server: Server;
  /** Starts listening; resolves to the base URL, e.g. http://127.0.0.1:8080. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

type Via = 'bearer' | 'cookie' | 'view-as';

interface Request {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  path: string;
  lang: Lang;
  api: boolean;
  principal: Principal | null;
  via: Via | null;
  body: Map<string, string> | null;
}

const FLASH: Record<string, Label> = {
  queued: ['已排入重新檢測，完成後本頁會顯示新結果。', 'The re-check is queued; this page shows the new result once it is recorded.'],
  'already-queued': ['此網站已有排程中的重新檢測。', 'A re-check of this site is already queued.'],
  disputed: ['已送出申覆，待監督機關核定。', 'The dispute was sent; oversight will decide.'],
  'already-disputed': ['此問題已有申覆。', 'This finding is already disputed.'],
  approved: ['已核准申覆。', 'The dispute was approved.'],
  rejected: ['已駁回申覆。', 'The dispute was rejected.'],
};

export function createDashboard(opts: DashboardOptions): Dashboard {
  const db: Db = opts.db;
  const clock = opts.clock ?? (() => new Date());
  const secret = dashboardSecret(db);
  const reports = new ReportCache(db);
  const secure = opts.secureCookie === true;
  // Failed login attempts (form posts and bearer tokens) per client address: past the limit, every
  // attempt is refused with 429 before the token is even looked at.
  const logins = new AttemptLimiter(opts.loginAttemptsPerMinute ?? 10, 60_000, () => clock().getTime());
  const clientOf = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';
  const throttleLogin = (req: IncomingMessage): void => {
    const verdict = logins.check(clientOf(req));
    if (!verdict.allowed) {
      throw new HttpError(429, `too many login attempts from this address; try again in ${verdict.retryAfterS} s`, `登入嘗試次數過多，請於 ${verdict.retryAfterS} 秒後再試`, { 'Retry-After': String(verdict.retryAfterS) });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = e instanceof HttpError ? e.status : 500;
      if (e instanceof HttpError) for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
      if (status === 500) process.stderr.write(`govcheck serve: ${(e as Error).stack ?? e}\n`);
      const en = e instanceof HttpError ? e.message : 'internal error';
      const zh = e instanceof HttpError ? e.zh : '內部錯誤';
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/api/')) sendJson(res, status, { error: en });
      else sendHtml(res, status, renderError({ lang: langOf(req), principal: null, csrf: '', path, query: new URLSearchParams() }, status, [zh, en]));
    });
  });

  function langOf(req: IncomingMessage, body?: Map<string, string> | null): Lang {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('lang');
    return q === 'en' || body?.get('lang') === 'en' ? 'en' : 'zh-TW';
  }

  function authenticate(req: IncomingMessage): { principal: Principal | null; via: Via | null } {
    const bearer = bearerToken(req);
    if (bearer !== undefined) {
      throttleLogin(req);
      const p = principalOf(db, bearer, clock());
      if (!p) {
        logins.record(clientOf(req));
        throw new HttpError(401, 'the bearer token is not valid or was revoked', '存取權杖無效或已撤銷');
      }
      return { principal: p, via: 'bearer' };
    }
    const cookie = cookies(req).get(COOKIE);
    if (cookie) {
      const p = principalOf(db, cookie, clock());
      if (p) return { principal: p, via: 'cookie' };
    }
    if (opts.viewAs) return { principal: opts.viewAs, via: 'view-as' };
    return { principal: null, via: null };
  }

  function ctxOf(r: Request): RenderContext {
    const query = new URLSearchParams(r.url.searchParams);
    query.delete('lang');
    return { lang: r.lang, principal: r.principal!, csrf: r.via === 'bearer' ? '' : csrfTokenFor(secret, r.principal!), path: r.path, query };
  }

  function flashOf(r: Request): { kind: 'ok'; html: string } | null {
    const key = r.url.searchParams.get('msg');
    return key && FLASH[key] ? { kind: 'ok', html: lx(r.lang)(FLASH[key]) } : null;
  }

  /** Back to a page after a form post, keeping the language and saying what happened. */
  function backTo(r: Request, path: string, msg: string): void {
    const q = new URLSearchParams({ msg });
    if (r.lang === 'en') q.set('lang', 'en');
    redirect(r.res, `${path}?${q}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') throw new HttpError(405, 'method not allowed', '不支援的方法');
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const body = method === 'POST' ? await readBody(req) : null;
    const lang = langOf(req, body);
    const api = path.startsWith('/api/');

    if (path === '/login') return login(req, res, url, lang, body);
    const { principal, via } = authenticate(req);
    const r: Request = { req, res, url, path, lang, api, principal, via, body };
    if (path === '/logout' && method === 'POST') {
      if (via === 'cookie') checkCsrf(r);
      res.setHeader('set-cookie', clearedCookie(secure));
      return redirect(res, lang === 'en' ? '/login?lang=en' : '/login');
    }
    if (!principal) {
      if (api) throw new HttpError(401, 'authentication required: send Authorization: Bearer <token>', '需要存取權杖');
      const next = `${path}${url.search}`;
      return redirect(res, `/login?${new URLSearchParams({ next, ...(lang === 'en' ? { lang: 'en' } : {}) })}`);
    }
    if (method === 'POST') {
      if (!sameOrigin(req)) throw new HttpError(403, 'cross-origin form posts are refused', '拒絕跨來源的表單送出');
      if (via !== 'bearer') checkCsrf(r);
    }
    await route(r, method);
  }

  function checkCsrf(r: Request): void {
    if (!r.principal || !verifyCsrf(secret, r.principal, r.body?.get('_csrf'))) {
      throw new HttpError(403, 'the form has expired or did not come from this dashboard; reload the page and try again', '表單已失效或非來自本系統，請重新載入頁面後再試');
    }
  }

  async function route(r: Request, method: string): Promise<void> {
    const p = r.path.replace(/\/+$/, '') || '/';
    const get = method === 'GET' || method === 'HEAD';
    let m: RegExpExecArray | null;
    if (get && p === '/') return overview(r);
    if (get && (m = /^\/(api\/)?agencies\/([^/]+)$/.exec(p))) return agency(r, decodeSegment(m[2]));
    if (get && p === '/api/agencies') return apiAgencies(r);
    if (get && (m = /^\/(api\/)?sites\/(\d+)$/.exec(p))) return site(r, Number(m[2]));
    if (!get && (m = /^\/(api\/)?sites\/(\d+)\/recheck$/.exec(p))) return recheck(r, Number(m[2]));
    if (get && (m = /^\/findings\/(\d+)\/screenshot$/.exec(p))) return screenshot(r, Number(m[1]));
    if ((m = /^\/(api\/)?findings\/(\d+)\/dispute$/.exec(p))) return get ? disputeForm(r, Number(m[2])) : dispute(r, Number(m[2]));
    if (get && (p === '/waivers' || p === '/api/waivers')) return waivers(r);
    if (!get && (m = /^\/(api\/)?waivers\/(\d+)\/decide$/.exec(p))) return decide(r, Number(m[2]));
    if (get && p === '/downloads') return sendHtml(r.res, 200, renderDownloads(ctxOf(r), latestNationalSweep(db)));
    if (get && (m = /^\/download\/sweep\.(csv|json)$/.exec(p))) return download(r, m[1] as 'csv' | 'json');
    if (!get) throw new HttpError(405, 'method not allowed here', '此處不支援此方法');
    throw new HttpError(404, 'no such page', '找不到頁面');
  }

  function decodeSegment(s: string): string {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new HttpError(400, 'malformed path', '路徑格式錯誤');
    }
  }

  function mustSeeAgency(r: Request, agencyId: string): void {
    if (!canSeeAgency(r.principal!, agencyId)) throw new HttpError(403, "this token may not see another agency's results", '此權杖不能檢視其他機關的資料');
  }

  function mustSeeSite(r: Request, siteId: number): SiteRow {
    const s = getSite(db, siteId);
    if (!s) throw new HttpError(404, `no site ${siteId}`, `找不到網站 ${siteId}`);
    mustSeeAgency(r, s.agencyId);
    return s;
  }

  function overview(r: Request): void {
    const p = r.principal!;
    if (p.role === 'agency') return redirect(r.res, `/agencies/${encodeURIComponent(p.agencyId)}${r.lang === 'en' ? '?lang=en' : ''}`);
    sendHtml(r.res, 200, renderOverview(ctxOf(r), overviewView(reports.get(r.lang))));
  }

  function apiAgencies(r: Request): void {
    const model = reports.get(r.lang);
    const p = r.principal!;
    const list = (model?.agencies ?? []).filter((a) => canSeeAgency(p, a.id));
    sendJson(r.res, 200, {
      sweep: model ? { ...model.sweep, scores: model.national.scores } : null,
      trend: p.role === 'oversight' ? (model?.trend ?? []) : undefined,
      agencies: list.map(({ sites: _s, rules: _r, newIssues: _n, fixedIssues: _f, ...a }) => ({ ...a, sites: a.sitesRegistered })),
    });
  }

  function agency(r: Request, id: string): void {
    mustSeeAgency(r, id);
    const v = agencyView(db, reports.get(r.lang), id);
    if (!v) throw new HttpError(404, `no agency ${id}`, `找不到機關 ${id}`);
    if (r.api) return sendJson(r.res, 200, v);
    sendHtml(r.res, 200, renderAgency(ctxOf(r), v, flashOf(r)));
  }

  function site(r: Request, id: number): void {
    const s = mustSeeSite(r, id);
    const v = siteView(db, s);
    if (r.api) return sendJson(r.res, 200, v);
    sendHtml(r.res, 200, renderSite(ctxOf(r), v, flashOf(r)));
  }

  async function recheck(r: Request, siteId: number): Promise<void> {
    const s = mustSeeSite(r, siteId);
    // A re-check is of a registered site only: a URL in the request is never used.
    if (r.body?.has('url')) throw new HttpError(400, 'a re-check takes no URL: only the registered site is checked', '重新檢測不接受網址，只檢測已登錄的網站');
    if (!s.active) throw new HttpError(422, 'the site is no longer registered', '此網站已不在登錄清單中');
    if (!opts.selfCheck) throw new HttpError(503, 're-checks are not available on this dashboard', '此儀表板未提供重新檢測');
    const outcome = await opts.selfCheck.request(siteId);
    if (!outcome.queued) {
      const status = outcome.code === 'refused' ? 422 : outcome.code === 'not-found' ? 404 : 503;
      throw new HttpError(status, `re-check refused: ${outcome.reason}`, `無法重新檢測：${outcome.reason}`);
    }
    if (r.api) return sendJson(r.res, 202, { sweepId: outcome.sweepId, jobId: outcome.jobId, already: outcome.already, status: `/api/sites/${siteId}` });
    backTo(r, `/sites/${siteId}`, outcome.already ? 'already-queued' : 'queued');
  }

  function findingFor(r: Request, id: number) {
    const f = getFinding(db, id);
    if (!f) throw new HttpError(404, `no finding ${id}`, `找不到問題 ${id}`);
    return { f, site: mustSeeSite(r, f.siteId) };
  }

  function screenshot(r: Request, id: number): void {
    findingFor(r, id);
    const shot = findingScreenshot(db, id);
    if (!shot || (shot.type !== 'image/png' && shot.type !== 'image/jpeg')) throw new HttpError(404, `finding ${id} has no screenshot`, `問題 ${id} 沒有截圖`);
    sendImage(r.res, shot.type, shot.image);
  }

  function disputeForm(r: Request, id: number): void {
    const { f, site: s } = findingFor(r, id);
    if (r.api) return sendJson(r.res, 200, { finding: f, waivers: listWaivers(db, { siteIds: [s.id] }).filter((w) => w.fingerprint === f.fingerprint) });
    sendHtml(r.res, 200, renderDispute(ctxOf(r), s, f));
  }

  function dispute(r: Request, id: number): void {
    const { f, site: s } = findingFor(r, id);
    // Oversight decides disputes; asking is the agency's part.
    if (r.principal!.role !== 'agency') throw new HttpError(403, 'disputes are asked by the agency that owns the site', '申覆須由網站所屬機關提出');
    try {
      const { waiver, already } = requestWaiver(db, f, s.agencyId, r.body?.get('reason') ?? '', r.principal!, clock());
      if (r.api) return sendJson(r.res, already ? 200 : 201, { waiver, already });
      backTo(r, `/sites/${s.id}`, already ? 'already-disputed' : 'disputed');
    } catch (e) {
      if (!(e instanceof WaiverError)) throw e;
      if (r.api) throw new HttpError(e.status, e.message);
      sendHtml(r.res, e.status, renderDispute(ctxOf(r), s, f, r.lang === 'en' ? e.message : `請填寫申覆理由（${e.message}）`));
    }
  }

  function waivers(r: Request): void {
    const p = r.principal!;
    const list = listWaivers(db, { agencyId: p.role === 'agency' ? p.agencyId : null });
    if (r.api) return sendJson(r.res, 200, { waivers: list });
    sendHtml(r.res, 200, renderWaivers(ctxOf(r), list, flashOf(r)));
  }

  function decide(r: Request, id: number): void {
    const p = r.principal!;
    if (p.role !== 'oversight') throw new HttpError(403, 'only oversight may decide disputes', '只有監督機關可以核定申覆');
    const decision = r.body?.get('decision');
    if (decision !== 'approve' && decision !== 'reject') throw new HttpError(400, 'decision must be approve or reject', '核定結果須為核准或駁回');
    if (!getWaiver(db, id)) throw new HttpError(404, `no dispute ${id}`, `找不到申覆 ${id}`);
    try {
      const w = decideWaiver(db, id, decision, r.body?.get('note') ?? '', p, clock());
      if (r.api) return sendJson(r.res, 200, { waiver: w });
      backTo(r, '/waivers', decision === 'approve' ? 'approved' : 'rejected');
    } catch (e) {
      if (e instanceof WaiverError) throw new HttpError(e.status, e.message);
      throw e;
    }
  }

  function download(r: Request, format: 'csv' | 'json'): void {
    const sweep = latestNationalSweep(db);
    if (!sweep) throw new HttpError(404, 'the database has no national sweep yet', '資料庫中尚無全國檢測');
    const p = r.principal!;
    const model = buildSweepReport(db, sweep, { agency: p.role === 'agency' ? p.agencyId : null, lang: r.lang });
    const name = `govcheck-sweep-${sweep.id}${p.role === 'agency' ? `-${p.agencyId.replace(/[^A-Za-z0-9_-]/g, '_')}` : ''}`;
    if (format === 'csv') sendDownload(r.res, 'text/csv; charset=utf-8', `${name}.csv`, renderCsv(model));
    else sendDownload(r.res, 'application/json; charset=utf-8', `${name}.json`, renderJson(model));
  }

  function login(req: IncomingMessage, res: ServerResponse, url: URL, lang: Lang, body: Map<string, string> | null): void {
    const next = safeNext(body?.get('next') ?? url.searchParams.get('next'));
    const ctx = { lang, principal: null, csrf: '', path: '/login', query: new URLSearchParams(url.searchParams) };
    ctx.query.delete('lang');
    if (req.method === 'POST') {
      if (!sameOrigin(req)) throw new HttpError(403, 'cross-origin form posts are refused', '拒絕跨來源的表單送出');
      throttleLogin(req);
      const token = (body?.get('token') ?? '').trim();
      const p = principalOf(db, token, clock());
      if (!p) {
        logins.record(clientOf(req));
        return sendHtml(res, 401, renderLogin(ctx, next, true));
      }
      res.setHeader('set-cookie', sessionCookie(token, secure));
      return redirect(res, withLang(next, lang));
    }
    const current = cookies(req).get(COOKIE);
    if (current && principalOf(db, current, clock())) return redirect(res, withLang(next, lang));
    sendHtml(res, 200, renderLogin(ctx, next, false));
  }

  return {
    server,
    listen(port: number, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const a = server.address() as AddressInfo;
          resolve(`http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await opts.selfCheck?.close();
    },
  };
}

function withLang(path: string, lang: Lang): string {
  if (lang !== 'en' || /[?&]lang=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}
