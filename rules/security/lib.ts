// What the security rules share: which page is the start page, and whether it was served over HTTPS.
import type { PageArtifacts, SiteArtifacts } from '../../core/types.ts';

export function startPageOf(site: SiteArtifacts): PageArtifacts | null {
  return site.pages.find((p) => p.sampledBecause === 'start') ?? site.pages[0] ?? null;
}

export function protocolOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

/** The URL the start page finally loaded from (after redirects), else the site's origin. */
export function startUrlOf(site: SiteArtifacts): string {
  const start = startPageOf(site);
  return start?.finalUrl || start?.url || site.origin || site.startUrl;
}

export function isHttpsUrl(url: string | null | undefined): boolean {
  return protocolOf(url) === 'https:';
}

/** Header lookup that tolerates a gatherer that did not lower-case names. */
export function headerOf(page: PageArtifacts, name: string): string | null {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(page.headers)) if (k.toLowerCase() === want) return v;
  return null;
}

/** The start page over HTTPS with response headers to judge, or null (rules are then not applicable). */
export function httpsStartPage(site: SiteArtifacts): PageArtifacts | null {
  const start = startPageOf(site);
  if (!start || !isHttpsUrl(start.finalUrl || start.url)) return null;
  if (Object.keys(start.headers).length === 0) return null;
  return start;
}
