// Capture and replay (Lighthouse's gather/audit split): a site's artifacts plus what turning them into a
// result needs (categories, config, reference date, language, engine versions). `check --save-artifacts`
// writes captures; `govcheck audit` runs the rules on them with no browser and gets the same result.
import { withConfigDefaults, type GovcheckConfig } from '../core/config.ts';
import type { Category, EngineVersions, Lang, PageScreenshot, SiteArtifacts, SiteResult } from '../core/types.ts';
import { assembleSiteResult, type AssembleInput } from './assemble.ts';

export const CAPTURE_FORMAT = 'govcheck-site-capture';
export const CAPTURE_VERSION = 1;

export interface SiteCapture {
  format: typeof CAPTURE_FORMAT;
  version: typeof CAPTURE_VERSION;
  categories: Category[];
  config: GovcheckConfig;
  /** Reference date of the check (ISO). */
  now: string;
  lang: Lang;
  engines: EngineVersions;
  startedAt: string;
  /** Pages that could not be loaded during the check (before rules ran). */
  skippedPages: { url: string; reason: string }[];
  site: SiteArtifacts;
  /** Element screenshots of the check (--screenshots): replay attaches them as the check did. */
  screenshots?: PageScreenshot[];
}

/** The capture of an assemble input, taken before the rules run (assemble appends rule errors to skippedPages). */
export function captureOf(input: AssembleInput): SiteCapture {
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    categories: [...input.categories],
    config: input.config,
    now: input.now.toISOString(),
    lang: input.lang,
    engines: input.engines,
    startedAt: input.startedAt.toISOString(),
    skippedPages: input.skippedPages.map((p) => ({ ...p })),
    site: input.site,
    ...(input.screenshots?.length ? { screenshots: input.screenshots } : {}),
  };
}

/** The site result the check produced from these artifacts, computed again (no browser). */
export function replayCapture(capture: SiteCapture, lang: Lang = capture.lang): SiteResult {
  return assembleSiteResult({
    site: capture.site,
    categories: capture.categories,
    // Captures saved before an option existed (e.g. --level) replay with its default.
    config: withConfigDefaults(capture.config),
    now: new Date(capture.now),
    lang,
    engines: capture.engines,
    startedAt: new Date(capture.startedAt),
    skippedPages: capture.skippedPages.map((p) => ({ ...p })),
    screenshots: capture.screenshots,
  });
}
