// Checks one site: start page, sampled pages (each loaded once, in sequence, in one context),
// site probes and Lighthouse alongside, then rules → SiteResult. Site failures become a result with
// a status and reason; only programming errors throw.
import { timerMs } from '../core/timers.ts';
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { GovcheckConfig } from '../core/config.ts';
import type { Category, EngineVersions, Lang, LighthouseSlim, PageArtifacts, PageScreenshot, SiteArtifacts, SiteResult } from '../core/types.ts';
import { RULESET_VERSION, VERSION } from '../core/version.ts';
import { Slots } from '../core/concurrency.ts';
import { AXE_VERSION } from './axe-runner.ts';
import { defaultConcurrency } from './concurrency.ts';
import { assembleSiteResult, editionOf, failedSiteResult, pageRuleFindings, stampCodes, type AssembleInput } from './assemble.ts';
import { MAX_SITE_SHOT_BYTES, shotTargets, takeElementShots } from './element-shots.ts';
import { captureOf, type SiteCapture } from './capture.ts';
import { axeRuleIdsFor } from '../rules/accessibility/axe-rules.ts';
import { isDisabled } from '../rules/index.ts';
import { BrowserHost, type BrowserHostOptions, type LeasedContext } from './browser-host.ts';
import { BlockedError, BrowserCrashError, HttpError, classifyFailure, detectBlock } from './failure.ts';
import { POPUP_GUARD_SOURCE } from './gatherers/popups.ts';
import { gatherPage, RequestLog, VITALS_INIT_SOURCE } from './page-gatherer.ts';
import { gatherPlan } from './gather-plan.ts';
import { selectRules } from '../rules/index.ts';
import { samplePages } from './sampler.ts';
import { checkLinks, directoryCandidates, fetchFeeds, fetchRobots, fetchSitemap, probeDirectories, probeHttps, probeSoft404, probeTls } from './site-probes.ts';
import { AddressPolicy, isPrivateAddress, parseSiteUrl, UnsafeUrlError } from './url-guard.ts';
import { GuardProxy } from './guard-proxy.ts';
import { prepareLighthouse, runLighthouse } from './lighthouse/index.ts';
import { authHeadersFor, authOrigins, hasAuth, hasAuthRefs, redactDeep, resolveAuthRefs, secretsOf, SiteAuthError, type SiteAuth, type SiteAuthRefs } from '../core/site-auth.ts';
import { injectSiteAuth } from './auth-injector.ts';
import type { AuthFor } from './site-probes.ts';

export const DEFAULT_USER_AGENT = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 govcheck/${VERSION} (+https://github.com/govcheck/govcheck#for-site-owners)`;

export interface CheckOptions {
  categories: Category[];
  maxPages: number;
  now: Date;
  allowPrivate: boolean;
  config: GovcheckConfig;
  lang: Lang;
  /** Exact private addresses permitted without --allow-private (narrow allowance; tests use it). */
  allowAddresses?: string[];
  /** Run exactly these axe rules instead of the ones the level and edition choose (config.level, config.twEdition). */
  axeRules?: string[];
  /** Answer every request to a host outside loopback with an empty response (offline evaluation runs). */
  loopbackOnly?: boolean;
  /** Pause between pages of one site (politeness). */
  pageDelayMs?: number;
  /** Skip site probes (robots, sitemap, link checks…): for single-page accessibility evaluations. */
  skipProbes?: boolean;
  /** Credentials for a site behind a login, sent only to the site's own origin. In-process only: never
   * put on the wire (toWire refuses it); remote checks use authRefs. */
  auth?: SiteAuth;
  /** Names of environment variables holding the credentials, resolved by the process that checks. */
  authRefs?: SiteAuthRefs;
  /** Receives the site's artifacts (and what replaying them needs) just before the rules run (--save-artifacts). */
  onCapture?: (capture: SiteCapture) => void;
  onPage?: (info: { site: string; url: string; ms: number }) => void;
}

/** A check's credentials and where they may go. */
interface SiteAuthPlan {
  auth: SiteAuth;
  origins: string[];
  authFor: AuthFor;
}

export interface SiteCheckerOptions extends BrowserHostOptions {
  /** Site attempts when the browser crashes mid-check (default 2). */
  crashAttempts?: number;
  /**
   * Sites whose pages load at once (default: defaultConcurrency()). A site gives its slot back as soon
   * as its page loop ends, so a site waiting for its Lighthouse turn or its probes never holds up the
   * page loops of others: callers may run more sites at once than this to keep Lighthouse fed.
   */
  pageLoops?: number;
}

const withCodes = (result: SiteResult, options: CheckOptions) => stampCodes(result, options.config, options.now);

/** A page that leaves its renderer's JavaScript heap above this gets the next page a fresh renderer. */
const FRESH_RENDERER_HEAP_BYTES = 64 * 1024 * 1024;
const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/;

export class SiteChecker {
  readonly host: BrowserHost;
  private readonly crashAttempts: number;
  private readonly pageLoops: Slots;

  constructor(opts: SiteCheckerOptions = {}) {
    this.host = new BrowserHost(opts);
    this.crashAttempts = opts.crashAttempts ?? 2;
    this.pageLoops = new Slots(opts.pageLoops ?? defaultConcurrency());
  }

  engines(lighthouse: LighthouseSlim[] = []): EngineVersions {
    return {
      govcheck: VERSION,
      'axe-core': AXE_VERSION,
      lighthouse: lighthouse.find((l) => l.lighthouseVersion)?.lighthouseVersion ?? null,
      chromium: this.host.version,
      ruleset: RULESET_VERSION,
    };
  }

  async check(url: string, options: CheckOptions): Promise<SiteResult> {
    const startedAt = new Date();
    let auth: SiteAuth | null = hasAuth(options.auth) ? options.auth : null;
    if (!auth && hasAuthRefs(options.authRefs)) {
      try {
        auth = resolveAuthRefs(options.authRefs, process.env);
      } catch (e) {
        if (!(e instanceof SiteAuthError)) throw e;
        return failedSiteResult(url, { status: 'error', kind: 'error', reason: e.message }, this.engines(), options.categories, startedAt);
      }
    }
    let login: SiteAuthPlan | null = null;
    if (auth) {
      const a = auth;
      const origins = authOrigins(url);
      login = { auth: a, origins, authFor: (u) => authHeadersFor(u, a, origins) };
    }
    // Whatever a page echoes back (a debug page printing request headers, an error quoting a cookie)
    // leaves this function without the secrets: results, reports, SQLite rows and Redis results alike.
    const secrets = secretsOf(auth);
    // A wedged browser must not hold a sweep forever: past this budget the attempt is abandoned.
    const shotsMs = screenshotsOn(options, auth) ? options.config.screenshots.pageMs * options.maxPages : 0;
    const budgetMs = options.config.timeouts.pageMs * (options.maxPages + 2) + shotsMs + 30_000;
    for (let attempt = 1; ; attempt++) {
      try {
        return redactDeep(withCodes(await this.withSiteBudget(this.checkOnce(url, options, startedAt, login, secrets), budgetMs), options), secrets);
      } catch (e) {
        const failure = classifyFailure(e);
        if (failure.kind === 'browser' && attempt < this.crashAttempts) continue;
        return redactDeep(withCodes(failedSiteResult(url, failure, this.engines(), options.categories, startedAt), options), secrets);
      }
    }
  }

  async close(): Promise<void> {
    await this.host.close();
  }

  private withSiteBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    work.catch(() => undefined);
    return Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          this.host.discard();
          reject(new BrowserCrashError(`the site check did not finish within ${Math.round(budgetMs / 1000)} s; the browser was restarted`));
        }, timerMs(budgetMs));
      }),
    ]).finally(() => clearTimeout(timer));
  }

  private async checkOnce(url: string, options: CheckOptions, startedAt: Date, login: SiteAuthPlan | null, secrets: string[]): Promise<SiteResult> {
    const releasePageLoop = await this.pageLoops.acquire();
    try {
      return await this.checkInSlot(url, options, startedAt, login, secrets, releasePageLoop);
    } finally {
      releasePageLoop();
    }
  }

  private async checkInSlot(url: string, options: CheckOptions, startedAt: Date, login: SiteAuthPlan | null, secrets: string[], releasePageLoop: () => void): Promise<SiteResult> {
    const start = parseSiteUrl(url);
    const policy = new AddressPolicy({ allowPrivate: options.allowPrivate, allowAddresses: options.allowAddresses });
    await policy.assert(start);
    const ua = options.config.userAgent ?? DEFAULT_USER_AGENT;

    // Every browser connection of a guarded check goes through the proxy (redirect hops included).
    const proxy = options.allowPrivate || options.loopbackOnly ? null : new GuardProxy(() => policy);
    const proxyServer = proxy ? await proxy.start() : null;
    const lease = await this.host.lease({
      ...(proxyServer ? { proxy: { server: proxyServer, bypass: '<-loopback>' } } : {}),
      userAgent: ua,
      viewport: { width: 1280, height: 900 },
      locale: options.lang === 'en' ? 'en-US' : 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
      acceptDownloads: false,
      bypassCSP: false,
    });
    try {
      await this.guardRequests(lease.context, options);
      await lease.context.addInitScript({ content: VITALS_INIT_SOURCE });
      await lease.context.addInitScript({ content: POPUP_GUARD_SOURCE });
      const page = await lease.context.newPage();
      if (login) await injectSiteAuth(lease.context, page, login.auth, login.origins);
      const log = new RequestLog();
      log.attach(page);
      log.popups.attach(page);
      // Playwright can leave a navigation pending forever when the browser crashes mid-load.
      const work = this.checkWithPage(start.href, page, lease, log, policy, ua, options, startedAt, proxy, login, secrets, releasePageLoop);
      // When the browser dies first, the abandoned check rejects later: that is no unhandled rejection.
      work.catch(() => undefined);
      return await Promise.race([work, lease.died]);
    } catch (e) {
      if (lease.browserDied()) throw new BrowserCrashError((e as Error).message.split('\n')[0]);
      const refused = proxy?.refused.at(-1);
      if (refused && /ERR_TUNNEL_CONNECTION_FAILED|ERR_PROXY|403/.test((e as Error).message)) throw new UnsafeUrlError(refused.reason, start.href);
      throw e;
    } finally {
      await lease.release();
      await proxy?.close();
    }
  }

  private async guardRequests(context: BrowserContext, options: CheckOptions): Promise<void> {
    if (options.loopbackOnly) {
      await context.route('**/*', (route: Route) => {
        const host = new URL(route.request().url()).hostname;
        if (LOOPBACK_HOST.test(host) || /^(data|blob):/.test(route.request().url())) return route.continue();
        // A document navigation answered 204 keeps the current page (ACT meta-refresh cases).
        return route.request().isNavigationRequest() ? route.fulfill({ status: 204, body: '' }) : route.abort('blockedbyclient');
      });
      return;
    }
  }

  private async checkWithPage(
    startUrl: string,
    page: Page,
    lease: LeasedContext,
    log: RequestLog,
    policy: AddressPolicy,
    ua: string,
    options: CheckOptions,
    startedAt: Date,
    proxy: GuardProxy | null,
    login: SiteAuthPlan | null,
    secrets: string[],
    releasePageLoop: () => void,
  ): Promise<SiteResult> {
    // What to gather is what the selected rules declare they read (worker/gather-plan.ts).
    const plan = gatherPlan(selectRules(options.categories, options.config.disabledRules, options.config.level));
    const timeouts = options.config.timeouts;
    const axeRules = options.axeRules ?? axeRuleIdsFor(options.config.level, editionOf(options.config, options.now), (id) => isDisabled(id, options.config.disabledRules));
    const gatherOpts = (sampledBecause: string, isStart: boolean) => {
      const p = isStart ? plan.start : plan.other;
      return {
        sampledBecause,
        navigationMs: timeouts.navigationMs,
        pageMs: timeouts.pageMs,
        axe: p.axe ? { rules: axeRules } : null,
        focusOrder: p.focusOrder,
        narrowLayout: p.narrowLayout,
        inPage: p.inPage,
      };
    };
    const probes = !options.skipProbes;
    // Sampling pages beyond the start page reads the sitemap, which robots.txt may name.
    const wantSitemap = probes && (plan.site.sitemap || options.maxPages > 1);
    const origin0 = new URL(startUrl).origin;
    const authFor = login?.authFor;
    const robotsP = probes && (plan.site.robots || wantSitemap) ? fetchRobots(origin0, policy, ua, authFor) : Promise.resolve(null);

    const t0 = Date.now();
    const { artifacts: startPage } = await gatherPage(page, startUrl, log, gatherOpts('start', true));
    startPage.popups = await log.popups.take(page);
    lease.countPage();
    refusedByProxy(startPage);
    options.onPage?.({ site: startUrl, url: startUrl, ms: Date.now() - t0 });
    const block = detectBlock(startPage.httpStatus, startPage.html);
    if (block) throw new BlockedError(startPage.httpStatus, block);
    if (startPage.httpStatus !== null && startPage.httpStatus >= 400) throw new HttpError(startPage.httpStatus);
    if (startPage.contentType && !/html|xml/i.test(startPage.contentType)) {
      return failedSiteResult(startUrl, { status: 'error', kind: 'not-html', reason: `the start page is not HTML (${startPage.contentType})` }, this.engines(), options.categories, startedAt, startPage.finalUrl);
    }

    const origin = new URL(startPage.finalUrl).origin;
    // Element screenshots of the page rules' findings, while each page is still open (never with
    // credentials: pixels cannot be redacted).
    const screenshots: PageScreenshot[] = [];
    let screenshotsMs = 0;
    const shoot = async (sitePages: PageArtifacts[], current: PageArtifacts) => {
      if (!screenshotsOn(options, login?.auth ?? null)) return;
      const shotsStarted = Date.now();
      const known: SiteArtifacts = { ...siteBeforeProbes(startUrl, origin, sitePages), externalNetwork: false };
      const targets = shotTargets(pageRuleFindings({ site: known, categories: options.categories, config: options.config, now: options.now, lang: options.lang }, current), options.config.screenshots);
      const used = screenshots.reduce((n, s) => n + s.base64.length, 0) * 0.75;
      screenshots.push(...(await takeElementShots(page, current.url, targets, options.config.screenshots, MAX_SITE_SHOT_BYTES - used)));
      screenshotsMs += Date.now() - shotsStarted;
    };
    await shoot([startPage], startPage);
    const robots = await robotsP;
    const sitemap = wantSitemap ? await fetchSitemap(origin, origin === origin0 ? robots : null, policy, ua, authFor) : null;
    const sample = samplePages({
      startUrl: startPage.finalUrl,
      origin,
      links: startPage.links,
      sitemapUrls: sitemap?.entries.map((e) => e.loc) ?? [],
      maxPages: options.maxPages,
    });

    // Lighthouse runs in its own process and browser after this site's page loop (page work on the
    // same 2 cores would distort its timings); its child process warms up meanwhile.
    if (plan.site.lighthouse) prepareLighthouse(this.host.chromePath);

    const pagesStarted = Date.now();
    const pages: PageArtifacts[] = [startPage];
    const skippedPages: { url: string; reason: string }[] = [];
    for (const s of sample) {
      if (options.pageDelayMs) await new Promise((r) => setTimeout(r, options.pageDelayMs));
      // Measured on the page before, still loaded: never after the last page, which closes anyway.
      page = await this.renewIfHeavy(page, lease, log, login);
      const t = Date.now();
      try {
        const { artifacts } = await gatherPage(page, s.url, log, gatherOpts(s.reason, false));
        artifacts.popups = await log.popups.take(page);
        lease.countPage();
        refusedByProxy(artifacts);
        // A redirect off the site is not the site's page: never audit another origin.
        if (new URL(artifacts.finalUrl).origin !== origin) skippedPages.push({ url: s.url, reason: `redirected off the site to ${artifacts.finalUrl}` });
        else if (artifacts.contentType && !/html|xml/i.test(artifacts.contentType)) skippedPages.push({ url: s.url, reason: `not HTML (${artifacts.contentType})` });
        else {
          pages.push(artifacts);
          await shoot(pages, artifacts);
        }
      } catch (e) {
        if (lease.browserDied()) throw e;
        const refused = proxy?.refused.at(-1);
        skippedPages.push({ url: s.url, reason: refused && /ERR_TUNNEL|ERR_PROXY/.test((e as Error).message) ? refused.reason : classifyFailure(e).reason });
        // The page may be wedged (e.g. a hung navigation); continue on a fresh one.
        page = await this.freshPage(page, lease, log, login);
      }
      options.onPage?.({ site: startUrl, url: s.url, ms: Date.now() - t });
    }

    const pagesMs = Date.now() - pagesStarted + startPage.timings.totalMs;
    // The browser work of this site is done: its renderer goes, and its page-loop slot passes to the
    // next site while this one waits for its probes and its Lighthouse turn.
    await page.close().catch(() => undefined);
    releasePageLoop();
    const lighthouseP: Promise<LighthouseSlim[]> = plan.site.lighthouse ? this.lighthouse(startPage.finalUrl, pages.slice(1).map((p) => p.finalUrl), options, login) : Promise.resolve([]);
    lighthouseP.catch(() => undefined);
    const probesStarted = Date.now();
    const externalNetwork = !(options.loopbackOnly || isLoopbackOrPrivate(new URL(origin).hostname));
    const site: SiteArtifacts = { ...siteBeforeProbes(startUrl, origin, pages), robots, sitemap, externalNetwork };
    if (probes) {
      const secure = origin.startsWith('https:');
      const host = new URL(origin);
      const want = plan.site;
      const [feeds, httpsProbe, tls, directoryProbes, soft404, linkChecks] = await Promise.all([
        want.feeds ? fetchFeeds(startPage, origin, policy, ua, authFor) : Promise.resolve([]),
        // The http:// form of an https site is not its origin: authFor gives it nothing (no clear-text secrets).
        want.httpsProbe && secure ? probeHttps(startPage.finalUrl, policy, ua, authFor) : Promise.resolve(null),
        want.tls && secure ? probeTls(host.hostname, Number(host.port || 443)) : Promise.resolve(null),
        want.directoryProbes ? probeDirectories(directoryCandidates(pages, origin), policy, ua, authFor) : Promise.resolve([]),
        want.soft404 ? probeSoft404(origin, policy, ua, authFor) : Promise.resolve(null),
        want.linkChecks ? checkLinks(pages, origin, policy, { userAgent: ua, external: externalNetwork, maxLinks: 150, concurrency: 4, authFor }) : Promise.resolve([]),
      ]);
      Object.assign(site, { feeds, httpsProbe, tls, directoryProbes, soft404, linkChecks });
    }
    const probesMs = Date.now() - probesStarted;
    const lighthouseStarted = Date.now();
    site.lighthouse = await lighthouseP.catch((e) => {
      skippedPages.push({ url: startUrl, reason: `Lighthouse: ${(e as Error).message}` });
      return [];
    });

    const lighthouseWait = Date.now() - lighthouseStarted;
    // Artifacts without the credentials: rules, saved artifacts and reports never see them.
    redactDeep(site, secrets);
    const rulesStarted = Date.now();
    const input: AssembleInput = {
      site,
      categories: options.categories,
      config: options.config,
      now: options.now,
      lang: options.lang,
      engines: this.engines(site.lighthouse),
      startedAt,
      skippedPages,
      ...(screenshots.length ? { screenshots } : {}),
    };
    options.onCapture?.(captureOf(input));
    const result = assembleSiteResult(input);
    result.stageMs = { pages: pagesMs, probes: probesMs, lighthouseWait, rules: Date.now() - rulesStarted, ...(screenshotsOn(options, login?.auth ?? null) ? { screenshots: screenshotsMs } : {}) };
    return result;
  }

  /**
   * The next page on a fresh renderer when this one grew its JavaScript heap past
   * FRESH_RENDERER_HEAP_BYTES (axe-core on a page of ~10,000 elements takes it from ~30 to ~140 MB).
   * V8 keeps a heap it has grown, so without this the renderer stays at ~360–400 MB for the rest of
   * the site's pages, and three page loops that each met such a page add up to over a gigabyte.
   */
  private async renewIfHeavy(page: Page, lease: LeasedContext, log: RequestLog, login: SiteAuthPlan | null): Promise<Page> {
    const heapBytes = await page.evaluate(() => (performance as unknown as { memory?: { totalJSHeapSize: number } }).memory?.totalJSHeapSize ?? 0).catch(() => 0);
    return heapBytes > FRESH_RENDERER_HEAP_BYTES ? this.freshPage(page, lease, log, login) : page;
  }

  private async freshPage(old: Page, lease: LeasedContext, log: RequestLog, login: SiteAuthPlan | null): Promise<Page> {
    await old.close().catch(() => undefined);
    const page = await lease.context.newPage();
    if (login) await injectSiteAuth(lease.context, page, login.auth, login.origins);
    log.attach(page);
    log.popups.attach(page);
    return page;
  }

  private lighthouse(startUrl: string, sampled: string[], options: CheckOptions, login: SiteAuthPlan | null): Promise<LighthouseSlim[]> {
    const lh = options.config.lighthouse;
    const count = lh.pages ?? (options.maxPages <= 1 ? 1 : 2);
    const urls = [startUrl, ...sampled].slice(0, Math.max(1, count));
    return runLighthouse(urls, {
      chromePath: this.host.chromePath,
      formFactor: lh.formFactor,
      runs: lh.runs,
      timeoutMs: Math.max(60_000, options.config.timeouts.pageMs),
      locale: options.lang,
      auth: login ? { auth: login.auth, origins: login.origins } : undefined,
    });
  }
}

/** The site's artifacts before robots, sitemap and probes are known. */
function siteBeforeProbes(startUrl: string, origin: string, pages: PageArtifacts[]): Omit<SiteArtifacts, 'externalNetwork'> {
  return { startUrl, origin, pages, robots: null, sitemap: null, feeds: [], httpsProbe: null, tls: null, directoryProbes: [], linkChecks: [], soft404: null, lighthouse: [] };
}

/** Screenshots are taken when the check asks for them, and never for a site checked with credentials. */
function screenshotsOn(options: CheckOptions, auth: SiteAuth | null): boolean {
  return options.config.screenshots?.enabled === true && !auth;
}

/** A navigation the guard proxy refused (e.g. a redirect into a private network) arrives as its 403 page. */
function refusedByProxy(page: PageArtifacts): void {
  const refused = page.headers['x-govcheck-refused'];
  if (refused) throw new UnsafeUrlError(decodeURIComponent(refused), page.finalUrl);
}

function isLoopbackOrPrivate(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return LOOPBACK_HOST.test(host) || bare === 'localhost' || (/^[\d.:a-f]+$/i.test(bare) && isPrivateAddress(bare));
}
