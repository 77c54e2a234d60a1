// Builders for hand-made artifacts, for what the captures of real Chromium loads (test/captures,
// helpers/captures.ts) cannot express compactly: a rule test states only the fields it cares about.
// Defaults follow what Chromium gathers: text is the rendered text (hidden elements, scripts and styles
// left out, as innerText does), links and images in hidden markup are not visible, 3 tab stops.
import { parseHTML } from 'linkedom';
import { defaultRuleOptions } from '../../core/config.ts';
import { ELEMENT_REF_ATTRIBUTE } from '../../core/element-identity.js';
import { selectorOf, snippetOf } from '../../rules/lib/dom.ts';
import type { PageArtifacts, PageRuleContext, RuleContext, SiteArtifacts } from '../../core/types.ts';

/** Tab stops the page gatherer records (worker/page-gatherer.ts). */
export const TAB_STOPS = 3;

/** Hidden by markup alone (hidden attribute, inline display:none / visibility:hidden): not rendered by Chromium. */
function hiddenInMarkup(el: any): boolean {
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    if (n.hasAttribute('hidden') || /(display:\s*none|visibility:\s*hidden)/i.test(n.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** Gives elements refs as the browser's gatherers do; an element that already has one (stamped by an earlier helper) keeps it. */
export function stamper(document: any): ((el: any) => string) & { count: number } {
  let next = Math.max(0, ...Array.from(document.querySelectorAll(`[${ELEMENT_REF_ATTRIBUTE}]`)).map((el: any) => Number(el.getAttribute(ELEMENT_REF_ATTRIBUTE))));
  const stamp = Object.assign(
    (el: any): string => {
      stamp.count++;
      const had = el.getAttribute(ELEMENT_REF_ATTRIBUTE);
      if (had) return had;
      const ref = String(++next);
      el.setAttribute(ELEMENT_REF_ATTRIBUTE, ref);
      return ref;
    },
    { count: 0 },
  );
  return stamp;
}

/** Page artifacts from HTML; links, meta, title and text are derived from the markup unless given. Links and
 * images carry refs in the page's html, as the browser's records do (core/element-identity.js). */
export function makePage(source: string, overrides: Partial<PageArtifacts> = {}): PageArtifacts {
  const url = overrides.url ?? 'https://www.example.gov.tw/';
  const { document } = parseHTML(source);
  const stamp = stamper(document);
  const links = Array.from(document.querySelectorAll('a')).map((a: any) => {
    const raw = a.getAttribute('href');
    let href = '';
    try {
      href = raw && !/^\s*javascript:/i.test(raw) ? new URL(raw, url).href : '';
    } catch {
      href = '';
    }
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    const imgAlts = Array.from(a.querySelectorAll('img')).map((im: any) => im.getAttribute('alt'));
    const region = a.closest('footer,[role=contentinfo],.footer,#footer')
      ? 'footer'
      : a.closest('nav,[role=navigation]')
        ? 'nav'
        : a.closest('header,[role=banner],.header,#header')
          ? 'header'
          : a.closest('main,[role=main]')
            ? 'main'
            : 'other';
    return {
      href,
      rawHref: raw,
      text,
      name: a.getAttribute('aria-label') || text || imgAlts.filter(Boolean).join(' ') || a.getAttribute('title') || '',
      title: a.getAttribute('title'),
      ariaLabel: a.getAttribute('aria-label'),
      accesskey: a.getAttribute('accesskey'),
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel'),
      hreflang: a.getAttribute('hreflang'),
      imgAlts,
      region,
      visible: !hiddenInMarkup(a),
      box: null,
      ref: stamp(a),
      selector: selectorOf(a),
      snippet: snippetOf(a),
    } as PageArtifacts['links'][number];
  });
  const images = Array.from(document.querySelectorAll('img')).map((im: any) => ({
    src: im.getAttribute('src') ? new URL(im.getAttribute('src'), url).href : '',
    alt: im.getAttribute('alt'),
    title: im.getAttribute('title'),
    naturalWidth: Number(im.getAttribute('width') ?? 0),
    naturalHeight: Number(im.getAttribute('height') ?? 0),
    box: null,
    visible: !hiddenInMarkup(im),
    linkHref: im.closest('a')?.getAttribute('href') ? new URL(im.closest('a').getAttribute('href'), url).href : null,
    region: im.closest('footer,.footer,#footer') ? 'footer' : 'other',
    ref: stamp(im),
    selector: selectorOf(im),
    snippet: snippetOf(im),
  })) as PageArtifacts['images'];
  const html = stamp.count ? document.toString() : source;
  const meta = Array.from(document.querySelectorAll('meta')).map((m: any) => ({
    name: m.getAttribute('name'),
    property: m.getAttribute('property'),
    httpEquiv: m.getAttribute('http-equiv'),
    content: m.getAttribute('content') ?? '',
  }));
  const body = document.querySelector('body');
  body?.querySelectorAll('script,style,noscript,template').forEach((el: any) => el.remove());
  body?.querySelectorAll('*').forEach((el: any) => {
    if (el.isConnected !== false && hiddenInMarkup(el)) el.remove();
  });
  return {
    url,
    finalUrl: url,
    sampledBecause: 'start',
    httpStatus: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    redirects: [],
    contentType: 'text/html',
    html,
    title: (document.querySelector('title')?.textContent ?? '').trim(),
    lang: document.documentElement?.getAttribute('lang') ?? null,
    meta,
    links,
    images,
    text: (body?.textContent ?? '').replace(/[ \t]+/g, ' ').trim(),
    focusOrder: [],
    stylesheets: [],
    layout: { viewportWidth: 1280, scrollWidth: 1280, documentHeight: 2000, narrowScrollWidth: 320 },
    axe: null,
    vitals: { lcpMs: null, cls: null, fcpMs: null, ttfbMs: null, domContentLoadedMs: null, loadMs: null, transferBytes: null, requestCount: null },
    requestIssues: [],
    timings: { navigationMs: 0, settleMs: 0, axeMs: 0, gatherMs: 0, totalMs: 0 },
    gatherErrors: [],
    ...overrides,
  };
}

export function makeSite(pages: PageArtifacts[], overrides: Partial<SiteArtifacts> = {}): SiteArtifacts {
  const startUrl = overrides.startUrl ?? pages[0]?.url ?? 'https://www.example.gov.tw/';
  return {
    startUrl,
    origin: new URL(startUrl).origin,
    pages,
    robots: null,
    sitemap: null,
    feeds: [],
    httpsProbe: null,
    tls: null,
    directoryProbes: [],
    linkChecks: [],
    soft404: null,
    lighthouse: [],
    externalNetwork: false,
    ...overrides,
  };
}

export function siteContext(site: SiteArtifacts, now = new Date('2026-11-27T00:00:00+08:00')): RuleContext {
  return { now, options: defaultRuleOptions(), site };
}

export function pageContext(site: SiteArtifacts, page: PageArtifacts, now?: Date): PageRuleContext {
  return { ...siteContext(site, now), isStartPage: page === site.pages[0] };
}
