// Dashboard access: random bearer tokens stored only as sha256 hashes (a 256-bit random token
// needs no slow hash: nothing to brute-force), the principal a token stands for, and CSRF tokens
// bound to the token so a form can only be posted by the page that was served to its holder.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { Principal, Role } from './types.ts';

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

export const TOKEN_PREFIX = 'gct_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface TokenSpec {
  role: Role;
  agencyId?: string | null;
  label?: string | null;
}

/** `oversight` or `agency:<id>` (the --create-token argument). */
export function parseTokenSpec(value: string): TokenSpec {
  if (value === 'oversight') return { role: 'oversight' };
  const m = /^agency:(.+)$/.exec(value);
  if (m && m[1].trim()) return { role: 'agency', agencyId: m[1].trim() };
  throw new TokenError(`expected "oversight" or "agency:<agency id>", got "${value}"`);
}

/** Creates a token and returns it: the only time the token itself exists outside its holder. */
export function createToken(db: Db, spec: TokenSpec, now: Date = new Date()): { id: number; token: string } {
  if (spec.role === 'agency') {
    const known = spec.agencyId && db.prepare('SELECT 1 FROM agencies WHERE id = ?').get(spec.agencyId);
    if (!known) throw new TokenError(`no agency "${spec.agencyId ?? ''}" in this database (import a registry with govcheck sweep first)`);
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const info = db
    .prepare('INSERT INTO dashboard_tokens (token_hash, role, agency_id, label, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(hashToken(token), spec.role, spec.role === 'agency' ? spec.agencyId : null, spec.label ?? null, now.toISOString());
  return { id: Number(info.lastInsertRowid), token };
}

export interface TokenRow {
  id: number;
  role: Role;
  agencyId: string | null;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function listTokens(db: Db): TokenRow[] {
  return db
    .prepare<[], TokenRow>(
      'SELECT id, role, agency_id AS agencyId, label, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt FROM dashboard_tokens ORDER BY id',
    )
    .all();
}

export function revokeToken(db: Db, id: number, now: Date = new Date()): boolean {
  return db.prepare('UPDATE dashboard_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), id).changes === 1;
}

export function hasTokens(db: Db): boolean {
  return Boolean(db.prepare('SELECT 1 FROM dashboard_tokens WHERE revoked_at IS NULL LIMIT 1').get());
}

/** The principal of a presented token, or null (unknown, revoked, malformed). */
export function principalOf(db: Db, token: string | null | undefined, now: Date = new Date()): Principal | null {
  if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = db
    .prepare<[string], { id: number; role: Role; agency_id: string | null; last_used_at: string | null }>(
      'SELECT id, role, agency_id, last_used_at FROM dashboard_tokens WHERE token_hash = ? AND revoked_at IS NULL',
    )
    .get(hashToken(token));
  if (!row) return null;
  // "Last used" to the minute is enough, and spares a write on every request.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    db.prepare('UPDATE dashboard_tokens SET last_used_at = ? WHERE id = ?').run(now.toISOString(), row.id);
  }
  if (row.role === 'agency' && row.agency_id) return { tokenId: row.id, role: 'agency', agencyId: row.agency_id };
  if (row.role === 'oversight') return { tokenId: row.id, role: 'oversight' };
  return null;
}

export function canSeeAgency(p: Principal, agencyId: string): boolean {
  return p.role === 'oversight' || p.agencyId === agencyId;
}

/** The server's secret for CSRF tokens: made once per database, so forms survive a restart. */
export function dashboardSecret(db: Db): Buffer {
  const row = db.prepare<[], { value: string }>("SELECT value FROM dashboard_settings WHERE name = 'csrf_secret'").get();
  if (row) return Buffer.from(row.value, 'hex');
  const secret = randomBytes(32).toString('hex');
  db.prepare("INSERT OR IGNORE INTO dashboard_settings (name, value) VALUES ('csrf_secret', ?)").run(secret);
  return Buffer.from(db.prepare<[], { value: string }>("SELECT value FROM dashboard_settings WHERE name = 'csrf_secret'").get()!.value, 'hex');
}

function principalKey(p: Principal): string {
  return `${p.tokenId ?? 'none'}:${p.role}:${p.role === 'agency' ? p.agencyId : ''}`;
}

export function csrfTokenFor(secret: Buffer, p: Principal): string {
  return createHmac('sha256', secret).update(`csrf:${principalKey(p)}`).digest('base64url');
}

export function verifyCsrf(secret: Buffer, p: Principal, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(secret, p));
  const got = Buffer.from(presented);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
