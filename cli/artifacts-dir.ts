// The --save-artifacts directory: what `govcheck check` gathered, as JSON, for `govcheck audit`.
//   manifest.json            { format, version, tool, now, lang, categories, sites: [{ url, dir, status }] }
//   site-<n>/site.json       the site capture (worker/capture.ts) with `pages` listing its page files
//   site-<n>/page-<k>.json   one page's artifacts (PageArtifacts)
//   site-<n>/result.json     instead, for a site that could not be checked: its result as the check reported it
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Category, Lang, PageArtifacts, SiteResult } from '../core/types.ts';
import { VERSION } from '../core/version.ts';
import { CAPTURE_FORMAT, CAPTURE_VERSION, type SiteCapture } from '../worker/capture.ts';
import { UsageError } from './args.ts';

export const ARTIFACTS_FORMAT = 'govcheck-artifacts';
export const ARTIFACTS_VERSION = 1;

export interface ArtifactsManifest {
  format: typeof ARTIFACTS_FORMAT;
  version: typeof ARTIFACTS_VERSION;
  tool: { name: 'govcheck'; version: string };
  now: string;
  lang: Lang;
  categories: Category[];
  sites: { url: string; dir: string; status: SiteResult['status'] }[];
}

export type SavedSite = { url: string; capture: SiteCapture } | { url: string; result: SiteResult };

const siteDir = (index: number) => `site-${index + 1}`;
const writeJson = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value)}\n`);

/** Creates (or reuses) the directory; a path that exists and is not a directory is a usage error. */
export function prepareArtifactsDir(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--save-artifacts: ${dir} exists and is not a directory`);
  mkdirSync(dir, { recursive: true });
}

/** Writes a site's capture: one file per page plus site.json. */
export function writeSiteCapture(dir: string, index: number, capture: SiteCapture): void {
  const d = join(dir, siteDir(index));
  mkdirSync(d, { recursive: true });
  const pageFiles = capture.site.pages.map((page, k) => {
    const name = `page-${k + 1}.json`;
    writeJson(join(d, name), page);
    return name;
  });
  writeJson(join(d, 'site.json'), { ...capture, site: { ...capture.site, pages: pageFiles } });
}

/** A site that could not be checked has no artifacts: its result is kept as reported. */
export function writeFailedSite(dir: string, index: number, result: SiteResult): void {
  const d = join(dir, siteDir(index));
  mkdirSync(d, { recursive: true });
  writeJson(join(d, 'result.json'), result);
}

export function writeManifest(dir: string, m: Omit<ArtifactsManifest, 'format' | 'version' | 'tool' | 'sites'>, sites: SiteResult[]): void {
  const manifest: ArtifactsManifest = {
    format: ARTIFACTS_FORMAT,
    version: ARTIFACTS_VERSION,
    tool: { name: 'govcheck', version: VERSION },
    ...m,
    sites: sites.map((s, i) => ({ url: s.url, dir: siteDir(i), status: s.status })),
  };
  writeJson(join(dir, 'manifest.json'), manifest);
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${what}: cannot read ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a --save-artifacts directory; anything missing or malformed is a UsageError naming the file. */
export function readArtifactsDir(dir: string): { manifest: ArtifactsManifest; sites: SavedSite[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such directory`);
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new UsageError(`${dir}: no manifest.json (not a directory written by check --save-artifacts)`);
  const manifest = readJson(manifestFile, dir);
  if (!isObject(manifest) || manifest.format !== ARTIFACTS_FORMAT) throw new UsageError(`${manifestFile}: format: expected "${ARTIFACTS_FORMAT}"`);
  if (manifest.version !== ARTIFACTS_VERSION) throw new UsageError(`${manifestFile}: version: expected ${ARTIFACTS_VERSION}, got ${JSON.stringify(manifest.version)}`);
  if (!Array.isArray(manifest.sites)) throw new UsageError(`${manifestFile}: sites: expected an array`);
  const sites = (manifest.sites as unknown[]).map((entry, i): SavedSite => {
    if (!isObject(entry) || typeof entry.dir !== 'string' || typeof entry.url !== 'string' || !/^site-\d+$/.test(entry.dir)) throw new UsageError(`${manifestFile}: sites[${i}]: expected { url, dir: "site-<n>", status }`);
    const d = join(dir, entry.dir);
    if (existsSync(join(d, 'result.json'))) return { url: entry.url, result: readJson(join(d, 'result.json'), `sites[${i}]`) as SiteResult };
    const file = join(d, 'site.json');
    const saved = readJson(file, `sites[${i}]`);
    if (!isObject(saved) || saved.format !== CAPTURE_FORMAT || saved.version !== CAPTURE_VERSION) throw new UsageError(`${file}: format: expected "${CAPTURE_FORMAT}" version ${CAPTURE_VERSION}`);
    const site = saved.site;
    if (!isObject(site) || !Array.isArray(site.pages) || site.pages.some((p) => typeof p !== 'string' || !/^page-\d+\.json$/.test(p))) throw new UsageError(`${file}: site.pages: expected a list of page files`);
    const pages = (site.pages as string[]).map((name) => {
      const page = readJson(join(d, name), file);
      if (!isObject(page) || typeof page.url !== 'string' || typeof page.html !== 'string') throw new UsageError(`${join(d, name)}: expected page artifacts (url, html, …)`);
      return page as unknown as PageArtifacts;
    });
    return { url: entry.url, capture: { ...(saved as unknown as SiteCapture), site: { ...(site as unknown as SiteCapture['site']), pages } } };
  });
  return { manifest: manifest as unknown as ArtifactsManifest, sites };
}
