// Captured artifacts of real Chromium loads (npm run capture → test/captures/<name>.json) for rule tests:
// the rules run as in a check (every selected rule, on its declared-artifact view) with no browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, SiteResult } from '../../core/types.ts';
import { replayCapture, type SiteCapture } from '../../worker/capture.ts';
import { ROOT } from './cli.ts';

export const CAPTURES = ['a11y', 'gov-bare', 'gov-home', 'news', 'tw-bad', 'tw-good', 'tw-hyweb', 'tw-legacy', 'tw-modern'] as const;
export type CaptureName = (typeof CAPTURES)[number];

export function loadCapture(name: CaptureName): SiteCapture {
  return JSON.parse(readFileSync(join(ROOT, 'test/captures', `${name}.json`), 'utf8')) as SiteCapture;
}

const results = new Map<CaptureName, SiteResult>();

/** The site result of the capture's check, computed again from its artifacts. */
export function replayed(name: CaptureName): SiteResult {
  let r = results.get(name);
  if (!r) results.set(name, (r = replayCapture(loadCapture(name))));
  return r;
}

export function outcomeOf(result: SiteResult, rule: string): 'pass' | 'fail' | 'inapplicable' | undefined {
  return result.outcomes.find((o) => o.rule === rule)?.outcome;
}

export function findingsOf(result: SiteResult, rule: string): Finding[] {
  return result.pages.flatMap((p) => p.findings.filter((f) => f.rule === rule));
}
