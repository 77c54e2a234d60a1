// node:http plumbing for the dashboard: security headers, bodies, cookies, responses.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** zh-TW wording for the error page (English is `message`). */
    readonly zh: string = message,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const COOKIE = 'govcheck_token';
const BODY_LIMIT = 32 * 1024;

/** No script runs, nothing loads from elsewhere, no framing, no referrer to scanned sites. */
export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(`${JSON.stringify(body, null, 2)}\n`);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location });
  res.end();
}

/** An image from the database, served as its stored type only (nosniff comes with securityHeaders). */
export function sendImage(res: ServerResponse, type: 'image/png' | 'image/jpeg', body: Buffer): void {
  res.writeHead(200, { 'content-type': type, 'content-length': String(body.length) });
  res.end(body);
}

export function sendDownload(res: ServerResponse, type: string, filename: string, body: string): void {
  res.writeHead(200, { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"` });
  res.end(body);
}

export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) {
      try {
        out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
      } catch {
        // a malformed cookie is ignored, not an error
      }
    }
  }
  return out;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedCookie(secure: boolean): string {
  return `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

export function bearerToken(req: IncomingMessage): string | null | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : null;
}

/** Form or JSON body as string fields; larger than 32 KB is refused. */
export async function readBody(req: IncomingMessage): Promise<Map<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new HttpError(413, 'request body too large', '內容過大');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const out = new Map<string, string>();
  if (type === 'application/json') {
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new HttpError(400, 'the body is not valid JSON', '內容不是有效的 JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new HttpError(400, 'expected a JSON object', '應為 JSON 物件');
    for (const [k, v] of Object.entries(json)) if (typeof v === 'string' || typeof v === 'number') out.set(k, String(v));
  } else if (type === 'application/x-www-form-urlencoded' || type === '' || type === 'text/plain') {
    for (const [k, v] of new URLSearchParams(text)) out.set(k, v);
  } else if (text) {
    throw new HttpError(400, `unsupported content type ${type}`, '不支援的內容類型');
  }
  return out;
}

/**
 * A local path to go back to after login: never another origin (no open redirect). The target is
 * resolved the way a browser would resolve it against the dashboard's origin and accepted only when
 * it stays there; control characters and spaces (which browsers strip, turning "/\t/evil" into
 * "//evil") and backslashes (read as "/") are refused outright. Returns the resolved path.
 */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || /[\u0000-\u0020\u007f-\u009f\\]/.test(value)) return '/';
  const base = 'http://dashboard.invalid';
  let u: URL;
  try {
    u = new URL(value, base);
  } catch {
    return '/';
  }
  const local = `${u.pathname}${u.search}${u.hash}`;
  // "/.//evil" resolves to the path "//evil", which a browser reads as another host.
  if (u.origin !== base || !local.startsWith('/') || local.startsWith('//')) return '/';
  return local;
}

/** Same-origin check for browser POSTs: when the browser says where the form came from, it must be here. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
