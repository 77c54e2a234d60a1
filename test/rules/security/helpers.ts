import type { PageArtifacts, SiteArtifacts, SiteRule } from '../../../core/types.ts';
import { makePage, makeSite, siteContext } from '../../helpers/artifacts.ts';

export const HTTPS_URL = 'https://www.example.gov.tw/';
export const HTTP_URL = 'http://www.example.gov.tw/';

/** A start page at url with the given response headers (lower-case names, as the worker records them). */
export function startPage(url: string, headers: Record<string, string> = {}, html = '<html><body><h1>首頁</h1></body></html>'): PageArtifacts {
  return makePage(html, { url, finalUrl: url, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
}

export function siteOf(page: PageArtifacts, overrides: Partial<SiteArtifacts> = {}): SiteArtifacts {
  return makeSite([page], overrides);
}

export function check(rule: SiteRule, site: SiteArtifacts) {
  return rule.check(site, siteContext(site));
}
