// Credentials for sites behind a login (pre-launch CI, intranet sweeps): request headers, cookies and
// HTTP basic auth, sent ONLY to the checked site's own origin and redacted from everything govcheck
// writes. Two forms:
//   - SiteAuth: the values themselves. Lives in the memory of the process that checks (`check` reads it
//     from its flags and GOVCHECK_BASIC_AUTH); never stored, never sent through Redis.
//   - SiteAuthRefs: names of environment variables that hold the values. This is what the registry,
//     SQLite and BullMQ jobs carry; the process that checks resolves them from its own environment.
// Pure (no I/O): the environment is passed in.

export interface NameValue {
  name: string;
  value: string;
}

export interface SiteAuth {
  headers: NameValue[];
  cookies: NameValue[];
  basic: { user: string; password: string } | null;
}

export interface NameEnv {
  name: string;
  /** Environment variable holding the value. */
  env: string;
}

export interface SiteAuthRefs {
  headers?: NameEnv[];
  cookies?: NameEnv[];
  /** Environment variable holding `user:password`. */
  basicEnv?: string;
}

export class SiteAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteAuthError';
  }
}

/** RFC 9110 token: header and cookie names. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the browser or the HTTP stack owns: setting them would break the request or the check. */
const FORBIDDEN_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'upgrade', 'keep-alive', 'te', 'trailer', 'proxy-authorization', 'proxy-connection', 'cookie']);
/**
 * Referenced variables must carry this prefix: a job read from Redis names variables of the worker's
 * environment, and without the prefix anyone able to write a job could have a worker send, say, its
 * cloud keys as a header to a site of their choosing.
 */
export const AUTH_ENV_PREFIX = 'GOVCHECK_AUTH_';
export const ENV_NAME = /^GOVCHECK_AUTH_[A-Za-z0-9_]{1,100}$/;

export const emptyAuth = (): SiteAuth => ({ headers: [], cookies: [], basic: null });

export function hasAuth(auth: SiteAuth | null | undefined): auth is SiteAuth {
  return !!auth && (auth.headers.length > 0 || auth.cookies.length > 0 || auth.basic !== null);
}

export function hasAuthRefs(refs: SiteAuthRefs | null | undefined): refs is SiteAuthRefs {
  return !!refs && (!!refs.headers?.length || !!refs.cookies?.length || !!refs.basicEnv);
}

function checkHeaderName(name: string, where: string): void {
  if (!TOKEN.test(name)) throw new SiteAuthError(`${where}: "${visible(name)}" is not a valid header name`);
  if (FORBIDDEN_HEADERS.has(name.toLowerCase())) throw new SiteAuthError(`${where}: header ${name} cannot be set${name.toLowerCase() === 'cookie' ? ' (use --cookie)' : ''}`);
}

function checkValue(value: string, where: string): void {
  // CR/LF would split the header (request smuggling); other controls are refused by HTTP stacks.
  if (/[\r\n]/.test(value)) throw new SiteAuthError(`${where}: the value contains a line break`);
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value)) throw new SiteAuthError(`${where}: the value contains a control character`);
}

/** `Name: value` (a --header flag). The value never appears in the error message. */
export function parseHeader(text: string, where = '--header'): NameValue {
  const i = text.indexOf(':');
  if (i <= 0) throw new SiteAuthError(`${where}: expected "Name: value"`);
  const name = text.slice(0, i).trim();
  const value = text.slice(i + 1).trim();
  checkHeaderName(name, where);
  checkValue(value, `${where} ${name}`);
  if (!value) throw new SiteAuthError(`${where} ${name}: empty value`);
  return { name, value };
}

/** RFC 6265 cookie-value characters (optionally in double quotes). */
const COOKIE_VALUE = /^(?:[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*|"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*")$/;

export function checkCookie(name: string, value: string, where = '--cookie'): void {
  if (!TOKEN.test(name)) throw new SiteAuthError(`${where}: "${visible(name)}" is not a valid cookie name`);
  if (/[\r\n]/.test(value)) throw new SiteAuthError(`${where} ${name}: the value contains a line break`);
  if (!COOKIE_VALUE.test(value)) throw new SiteAuthError(`${where} ${name}: the value may not contain spaces, quotes inside, commas, semicolons, backslashes or control characters`);
}

/** `name=value` (a --cookie flag). */
export function parseCookie(text: string, where = '--cookie'): NameValue {
  const i = text.indexOf('=');
  if (i <= 0) throw new SiteAuthError(`${where}: expected name=value`);
  const name = text.slice(0, i).trim();
  const value = text.slice(i + 1).trim();
  checkCookie(name, value, where);
  return { name, value };
}

/** `user:password` (GOVCHECK_BASIC_AUTH or a registry reference). */
export function parseBasic(text: string, where = 'GOVCHECK_BASIC_AUTH'): { user: string; password: string } {
  const i = text.indexOf(':');
  if (i <= 0) throw new SiteAuthError(`${where}: expected user:password`);
  const user = text.slice(0, i);
  const password = text.slice(i + 1);
  checkValue(text, where);
  return { user, password };
}

/** Credentials of the `check` command: --header, --cookie and GOVCHECK_BASIC_AUTH. */
export function authFromFlags(headers: string[], cookies: string[], basicEnv: string | undefined): SiteAuth {
  const auth: SiteAuth = { headers: headers.map((h) => parseHeader(h)), cookies: cookies.map((c) => parseCookie(c)), basic: basicEnv ? parseBasic(basicEnv) : null };
  if (auth.basic && auth.headers.some((h) => h.name.toLowerCase() === 'authorization')) throw new SiteAuthError('--header Authorization and GOVCHECK_BASIC_AUTH both set; give one');
  return auth;
}

/** Resolves references from the checking process's environment; a missing variable names itself (never a value). */
export function resolveAuthRefs(refs: SiteAuthRefs, env: NodeJS.ProcessEnv): SiteAuth {
  const get = (name: string, what: string): string => {
    if (!ENV_NAME.test(name)) throw new SiteAuthError(`credentials: "${visible(name)}" (${what}) is not a ${AUTH_ENV_PREFIX}* environment variable name`);
    const v = env[name];
    if (v === undefined || v === '') throw new SiteAuthError(`credentials: environment variable ${name} (${what}) is not set for this process`);
    return v;
  };
  const auth: SiteAuth = {
    headers: (refs.headers ?? []).map((h) => {
      const value = get(h.env, `header ${h.name}`);
      checkHeaderName(h.name, `header ${h.name}`);
      checkValue(value, `environment variable ${h.env}`);
      return { name: h.name, value };
    }),
    cookies: (refs.cookies ?? []).map((c) => {
      const value = get(c.env, `cookie ${c.name}`);
      checkCookie(c.name, value, `environment variable ${c.env}`);
      return { name: c.name, value };
    }),
    basic: refs.basicEnv ? parseBasic(get(refs.basicEnv, 'basic auth'), `environment variable ${refs.basicEnv}`) : null,
  };
  return auth;
}

/**
 * Registry form of references (CSV column `auth`), e.g.
 * `header:Authorization=STAGING_TOKEN; cookie:session=STAGING_SESSION; basic=STAGING_BASIC`:
 * every right-hand side is an environment variable NAME, never a secret.
 */
export function parseAuthRefs(text: string): SiteAuthRefs {
  const refs: SiteAuthRefs = {};
  // Messages never quote a right-hand side: someone may have written a secret there by mistake.
  const parts = text.split(';').map((s) => s.trim()).filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const m = /^(header|cookie):([^=]+)=(.*)$/i.exec(part) ?? /^(basic)=(.*)$/i.exec(part);
    if (!m) throw new SiteAuthError(`entry ${i + 1}: expected header:<Name>=<ENV_VAR>, cookie:<name>=<ENV_VAR> or basic=<ENV_VAR>`);
    const kind = m[1].toLowerCase();
    const envName = (kind === 'basic' ? m[2] : m[3]).trim();
    if (!ENV_NAME.test(envName)) throw new SiteAuthError(`${kind === 'basic' ? 'basic' : `${kind} ${visible(m[2].trim())}`}: the value must be the name of an environment variable starting with ${AUTH_ENV_PREFIX} (credentials are referenced by variable name, never written here)`);
    if (kind === 'basic') refs.basicEnv = envName;
    else {
      const name = m[2].trim();
      if (kind === 'header') {
        checkHeaderName(name, 'header');
        (refs.headers ??= []).push({ name, env: envName });
      } else {
        if (!TOKEN.test(name)) throw new SiteAuthError(`cookie: "${visible(name)}" is not a valid cookie name`);
        (refs.cookies ??= []).push({ name, env: envName });
      }
    }
  }
  return refs;
}

/** The JSON registry form: { "headers": { "Authorization": "ENV" }, "cookies": { "session": "ENV" }, "basic": "ENV" }. */
export function authRefsFromJson(json: unknown): SiteAuthRefs {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SiteAuthError('expected an object { "headers": {…}, "cookies": {…}, "basic": "ENV_VAR" }');
  const o = json as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(o)) if (!['headers', 'cookies', 'basic'].includes(k)) throw new SiteAuthError(`unknown field "${visible(k)}" (known: headers, cookies, basic)`);
  for (const [kind, key] of [['header', 'headers'], ['cookie', 'cookies']] as const) {
    const map = o[key];
    if (map === undefined) continue;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new SiteAuthError(`${key}: expected an object of name → environment variable name`);
    for (const [name, env] of Object.entries(map)) {
      if (typeof env !== 'string') throw new SiteAuthError(`${key}.${name}: expected an environment variable name`);
      parts.push(`${kind}:${name}=${env}`);
    }
  }
  if (o.basic !== undefined) {
    if (typeof o.basic !== 'string') throw new SiteAuthError('basic: expected an environment variable name');
    parts.push(`basic=${o.basic}`);
  }
  if (parts.some((p) => p.includes(';'))) throw new SiteAuthError('names may not contain ";"');
  return parseAuthRefs(parts.join(';'));
}

/** Origins credentials go to: the start URL's origin, plus its https:// form when it is http:// (an upgrade, never a downgrade). */
export function authOrigins(startUrl: string): string[] {
  const u = new URL(startUrl);
  const origins = [u.origin];
  if (u.protocol === 'http:') origins.push(`https://${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}`);
  return origins;
}

/** The request headers that carry the credentials (Cookie and Authorization included). */
export function authHeaders(auth: SiteAuth): NameValue[] {
  const out = [...auth.headers];
  if (auth.cookies.length) out.push({ name: 'Cookie', value: auth.cookies.map((c) => `${c.name}=${c.value}`).join('; ') });
  if (auth.basic) out.push({ name: 'Authorization', value: `Basic ${Buffer.from(`${auth.basic.user}:${auth.basic.password}`).toString('base64')}` });
  return out;
}

/** Headers for one request URL: the credentials when it is on an allowed origin, nothing otherwise. */
export function authHeadersFor(url: string, auth: SiteAuth | null | undefined, origins: readonly string[]): Record<string, string> {
  if (!hasAuth(auth)) return {};
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return {};
  }
  if (!origins.includes(origin)) return {};
  return Object.fromEntries(authHeaders(auth).map((h) => [h.name, h.value]));
}

export const REDACTED = '[redacted]';

/** Every string that would give a credential away, longest first. Values under 4 characters are not searched for (they would garble reports). */
export function secretsOf(auth: SiteAuth | null | undefined): string[] {
  if (!hasAuth(auth)) return [];
  const s = new Set<string>();
  const add = (v: string) => {
    if (v.length >= 4) s.add(v);
  };
  for (const h of auth.headers) {
    add(h.value);
    for (const word of h.value.split(/\s+/)) if (word.length >= 8) add(word);
  }
  for (const c of auth.cookies) {
    add(c.value);
    add(`${c.name}=${c.value}`);
  }
  if (auth.basic) {
    add(`${auth.basic.user}:${auth.basic.password}`);
    add(auth.basic.password);
    add(Buffer.from(`${auth.basic.user}:${auth.basic.password}`).toString('base64'));
  }
  for (const v of [...s]) {
    add(encodeURIComponent(v));
  }
  return [...s].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}

/** Replaces every secret in every string of a JSON-like value, in place; returns the value. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (!secrets.length) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = walk(o[k]);
      return o;
    }
    return v;
  };
  return walk(value) as T;
}

/** A name shown in an error: control characters made visible, long input cut. */
function visible(s: string): string {
  const t = s.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}
