// Shared shapes of the dashboard. reports/ never imports worker/ or scheduler/ (layering), so the
// re-check engine reaches the dashboard through the SelfCheckService interface, wired by the CLI.
import type { Lang } from '../../core/types.ts';
import type { Db } from '../store/db.ts';

export type Role = 'oversight' | 'agency';

/** Who is looking: oversight sees every agency; an agency token only its own agency. */
export type Principal = { tokenId: number | null; role: 'oversight' } | { tokenId: number | null; role: 'agency'; agencyId: string };

export type SelfCheckOutcome =
  | { queued: true; sweepId: number; jobId: number; already: boolean }
  | { queued: false; reason: string; code: 'refused' | 'not-found' | 'unavailable' };

/** Queues a self-check of one registered site (by id, never by URL) and runs it in the background. */
export interface SelfCheckService {
  request(siteId: number): Promise<SelfCheckOutcome>;
  close(): Promise<void>;
}

export interface DashboardOptions {
  db: Db;
  /** Absent: the re-check button answers "not available" (read-only dashboard). */
  selfCheck?: SelfCheckService | null;
  /**
   * Test-only: treat requests without credentials as this principal (the accessibility self-test
   * runs the check engine, which cannot log in). Never set from the command line.
   */
  viewAs?: Principal | null;
  /** Send the cookie with the Secure attribute (the dashboard is behind HTTPS). */
  secureCookie?: boolean;
  clock?: () => Date;
  /** Login attempts (form posts, failing bearer tokens) allowed per client address per minute (default 10). */
  loginAttemptsPerMinute?: number;
}

/** Everything a page renderer needs besides its own view model. */
export interface RenderContext {
  lang: Lang;
  principal: Principal;
  /** CSRF token for forms (empty for bearer-token API callers, who send no forms). */
  csrf: string;
  /** Path of this page without the lang parameter (language switch target). */
  path: string;
  query: URLSearchParams;
}
