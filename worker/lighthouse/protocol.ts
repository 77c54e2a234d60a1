// Messages between the parent (worker/lighthouse/index.ts) and the Lighthouse child (child.ts).
import type { LighthouseSlim } from '../../core/types.ts';
import type { SiteAuth } from '../../core/site-auth.ts';

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
  /** Credentials of a site behind a login and the origins they may go to (over the IPC channel only). */
  auth?: LighthouseAuth;
}

export interface LighthouseAuth {
  auth: SiteAuth;
  origins: string[];
}

export type ToChild = RunJob;

export type FromChild =
  | { type: 'ready'; chromiumVersion: string | null; lighthouseVersion: string }
  | { type: 'result'; id: number; slim: LighthouseSlim; rssBytes: number }
  | { type: 'fatal'; error: string };
