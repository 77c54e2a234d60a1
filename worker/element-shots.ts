// Evidence a webmaster can see: element screenshots of findings, taken while the page is still open
// (the page is never loaded again for them). Only visible, non-empty elements that the finding's selector
// finds get one; anything else is skipped without an error. Images are clipped to the element and a small
// margin, capped in CSS pixels and in bytes: PNG, or JPEG when the PNG is over the byte cap.
import type { Page } from 'playwright-core';
import type { ScreenshotOptions } from '../core/config.ts';
import type { ElementScreenshot, Finding, PageScreenshot } from '../core/types.ts';
import { timerMs } from '../core/timers.ts';
import { readFileSync } from 'node:fs';

const BOX_SOURCE = readFileSync(new URL('./in-page/element-box.js', import.meta.url), 'utf8');

/** Context around the element, CSS px. */
const MARGIN = 8;
/** The largest clip, CSS px: a header or a whole table shows its top-left part. */
export const MAX_SHOT_WIDTH = 800;
export const MAX_SHOT_HEIGHT = 600;
/** All screenshots of one site together (they travel in the site result, also through Redis). */
export const MAX_SITE_SHOT_BYTES = 4_000_000;
/** JPEG qualities tried in turn when the PNG is over the byte cap (photos: about a tenth of the PNG at 70). */
const JPEG_QUALITIES = [70, 40];

export interface ShotTarget {
  rule: string;
  selector: string;
}

/** Candidates looked at per screenshot wanted: hidden or missing elements are passed over for the next finding. */
const CANDIDATES_PER_SHOT = 3;

/** The findings that may get a screenshot, in order, one per rule and selector; a bounded list. */
export function shotTargets(findings: readonly Finding[], opts: Pick<ScreenshotOptions, 'perRule' | 'perPage'>): ShotTarget[] {
  const perRule = new Map<string, number>();
  const seen = new Set<string>();
  const out: ShotTarget[] = [];
  for (const f of findings) {
    if (out.length >= opts.perPage * CANDIDATES_PER_SHOT) break;
    if (!f.selector) continue;
    const key = `${f.rule}\n${f.selector}`;
    const n = perRule.get(f.rule) ?? 0;
    if (seen.has(key) || n >= opts.perRule * CANDIDATES_PER_SHOT) continue;
    seen.add(key);
    perRule.set(f.rule, n + 1);
    out.push({ rule: f.rule, selector: f.selector });
  }
  return out;
}

/**
 * Screenshots of the first `perRule` visible elements of each rule among the targets, at most `perPage`,
 * within `opts.pageMs` and `byteBudget`. An element shared by several rules is taken once.
 */
export async function takeElementShots(page: Page, pageUrl: string, targets: readonly ShotTarget[], opts: Pick<ScreenshotOptions, 'perRule' | 'perPage' | 'maxBytes' | 'pageMs'>, byteBudget: number): Promise<PageScreenshot[]> {
  const deadline = Date.now() + opts.pageMs;
  const bySelector = new Map<string, ElementScreenshot | null>();
  const perRule = new Map<string, number>();
  const out: PageScreenshot[] = [];
  let bytes = 0;
  for (const t of targets) {
    if (Date.now() >= deadline || out.length >= opts.perPage) break;
    if ((perRule.get(t.rule) ?? 0) >= opts.perRule) continue;
    let shot = bySelector.get(t.selector);
    if (shot === undefined) {
      shot = await elementShot(page, t.selector, opts.maxBytes, deadline).catch(() => null);
      bySelector.set(t.selector, shot);
    }
    if (!shot) continue;
    const size = Math.ceil((shot.base64.length * 3) / 4);
    if (bytes + size > byteBudget) continue;
    bytes += size;
    perRule.set(t.rule, (perRule.get(t.rule) ?? 0) + 1);
    out.push({ page: pageUrl, rule: t.rule, selector: t.selector, ...shot });
  }
  return out;
}

async function elementShot(page: Page, selector: string, maxBytes: number, deadline: number): Promise<ElementScreenshot | null> {
  // Playwright reads a timeout of 0 as none at all.
  const left = () => Math.max(1, timerMs(deadline - Date.now()));
  // One round trip finds, checks and scrolls the element in (Playwright's element handles took four).
  const box = (await page.evaluate(`(${BOX_SOURCE})(${JSON.stringify(selector)})`)) as { x: number; y: number; width: number; height: number } | null;
  const viewport = page.viewportSize();
  if (!box || !viewport) return null;
  // Viewport coordinates: the clip stays inside the viewport (an element off to the side gets none).
  const x = Math.max(0, Math.floor(box.x - MARGIN));
  const y = Math.max(0, Math.floor(box.y - MARGIN));
  const width = Math.min(Math.ceil(box.x + box.width + MARGIN), viewport.width, x + MAX_SHOT_WIDTH) - x;
  const height = Math.min(Math.ceil(box.y + box.height + MARGIN), viewport.height, y + MAX_SHOT_HEIGHT) - y;
  if (width < 1 || height < 1) return null;
  const clip = { x, y, width, height };
  let type: ElementScreenshot['type'] = 'image/png';
  let image = await page.screenshot({ clip, scale: 'css', type: 'png', timeout: left() });
  for (const quality of JPEG_QUALITIES) {
    if (image.length <= maxBytes) break;
    type = 'image/jpeg';
    image = await page.screenshot({ clip, scale: 'css', type: 'jpeg', quality, timeout: left() });
  }
  if (image.length > maxBytes) return null;
  return { type, width, height, base64: image.toString('base64') };
}
