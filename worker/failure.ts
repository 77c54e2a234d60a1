// Honest failures: map browser and network errors onto the status taxonomy, and say which are
// worth retrying (transient) and which are not (DNS, certificates, refusals by policy).
import type { FailureKind, SiteResult, SiteStatus } from '../core/types.ts';
import { DnsError, UnsafeUrlError } from './url-guard.ts';

export interface ClassifiedFailure {
  status: SiteStatus;
  kind: FailureKind;
  reason: string;
  retryable: boolean;
}

export class PageTimeoutError extends Error {
  constructor(
    readonly phase: string,
    readonly ms: number,
  ) {
    super(`${phase} did not finish within ${Math.round(ms / 1000)} s`);
    this.name = 'PageTimeoutError';
  }
}

export class BlockedError extends Error {
  constructor(
    readonly httpStatus: number | null,
    detail: string,
  ) {
    super(detail);
    this.name = 'BlockedError';
  }
}

export class HttpError extends Error {
  constructor(readonly httpStatus: number) {
    super(`the start page answered HTTP ${httpStatus}`);
    this.name = 'HttpError';
  }
}

export class BrowserCrashError extends Error {
  constructor(detail: string) {
    super(`browser failure: ${detail}`);
    this.name = 'BrowserCrashError';
  }
}

const NET_PATTERNS: [RegExp, FailureKind, SiteStatus, boolean, string][] = [
  [/ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN|getaddrinfo/i, 'dns', 'unreachable', false, 'the host name does not resolve (DNS)'],
  [/ERR_CERT_|ERR_SSL_|SSL_ERROR|certificate|CERT_HAS_EXPIRED|self.signed|UNABLE_TO_VERIFY/i, 'tls', 'unreachable', false, 'TLS/certificate error'],
  [/ERR_CONNECTION_REFUSED|ECONNREFUSED/i, 'refused', 'unreachable', true, 'connection refused'],
  [/ERR_CONNECTION_RESET|ECONNRESET|ERR_EMPTY_RESPONSE|ERR_CONNECTION_CLOSED|socket hang up/i, 'reset', 'unreachable', true, 'connection reset or closed'],
  [/ERR_ADDRESS_UNREACHABLE|ERR_INTERNET_DISCONNECTED|ENETUNREACH|EHOSTUNREACH|ERR_NETWORK_CHANGED/i, 'refused', 'unreachable', true, 'network unreachable'],
  [/ERR_TIMED_OUT|ETIMEDOUT|Timeout \d+ms exceeded|timed out/i, 'timeout', 'timeout', true, 'timed out'],
  [/Target (page, context or browser )?(has been )?closed|Browser has been closed|browser has disconnected|crash/i, 'browser', 'error', true, 'the browser crashed or closed'],
];

export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof UnsafeUrlError) return { status: 'error', kind: 'unsafe-address', reason: error.message, retryable: false };
  if (error instanceof DnsError) return { status: 'unreachable', kind: 'dns', reason: error.message, retryable: false };
  if (error instanceof PageTimeoutError) return { status: 'timeout', kind: 'timeout', reason: error.message, retryable: true };
  if (error instanceof BlockedError) return { status: 'blocked', kind: 'blocked', reason: error.message, retryable: false };
  if (error instanceof BrowserCrashError) return { status: 'error', kind: 'browser', reason: error.message, retryable: true };
  if (error instanceof HttpError) {
    const server = error.httpStatus >= 500;
    return { status: server ? 'unreachable' : 'error', kind: server ? 'http-5xx' : 'http-4xx', reason: error.message, retryable: server };
  }
  const text = error instanceof Error ? error.message : String(error);
  for (const [re, kind, status, retryable, label] of NET_PATTERNS) {
    if (re.test(text)) return { status, kind, reason: `${label}: ${firstLine(text)}`, retryable };
  }
  return { status: 'error', kind: 'error', reason: firstLine(text), retryable: true };
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim()) ?? s;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line.trim();
}

const CHALLENGE_MARKERS = [
  /cf-browser-verification|cf-challenge|challenge-platform|__cf_chl_/i,
  /Attention Required! \| Cloudflare/i,
  /Request Rejected[\s\S]{0,200}support ID/i,
  /The requested URL was rejected\. Please consult with your administrator/i,
  /Access Denied[\s\S]{0,300}(Reference|errors\.edgesuite\.net)/i,
  /Incapsula incident ID|_Incapsula_Resource/i,
  /DDoS protection by|Checking your browser before accessing/i,
];

/**
 * A WAF or bot-challenge page means the scanner was refused, not that the site is bad: the site is
 * recorded as `blocked` and excluded from scores (GSA saw thousands of 403s to headless browsers).
 */
export function detectBlock(httpStatus: number | null, html: string): string | null {
  const head = html.slice(0, 20_000);
  if (CHALLENGE_MARKERS.some((re) => re.test(head))) return `a WAF or bot-challenge page answered instead of the site (HTTP ${httpStatus ?? '?'})`;
  if (httpStatus === 403 || httpStatus === 429) return `the site refused the scanner with HTTP ${httpStatus}`;
  return null;
}

/** Failures worth another try (GSA's split): the site may answer next time; DNS, TLS or a refusal will not. */
const PERMANENT: ReadonlySet<FailureKind> = new Set(['dns', 'tls', 'blocked', 'http-4xx', 'not-html', 'unsafe-address']);

export function isTransient(result: Pick<SiteResult, 'status' | 'failureKind'>): boolean {
  return result.status !== 'ok' && !PERMANENT.has(result.failureKind ?? 'error');
}
