// Messages between the parent (worker/lighthouse/index.ts) and the Lighthouse child (child.ts).
import type { LighthouseSlim } from '../../core/types.ts';

export type LighthouseCategory = 'performance' | 'accessibility' | 'best-practices' | 'seo';

export interface RunJob {
  type: 'run';
  id: number;
  url: string;
  formFactor: 'mobile' | 'desktop';
  locale: 'zh-TW' | 'en';
  categories: LighthouseCategory[];
  /** Lighthouse's own load wait, kept below the parent's hard timeout so slow pages end gracefully. */
  maxWaitForLoadMs: number;
}

export type ToChild = RunJob;

export type FromChild =
  | { type: 'ready'; chromiumVersion: string | null; lighthouseVersion: string }
  | { type: 'result'; id: number; slim: LighthouseSlim; rssBytes: number }
  | { type: 'fatal'; error: string };
