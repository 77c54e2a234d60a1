// Reading the agency/site registry (CONTRACT "Registry"): CSV with a header row or JSON.
// Every bad row is reported with its line number and field, and every good row is kept, so one
// typo among 400 agencies never blocks a national sweep.
import { readFileSync } from 'node:fs';
import { agencyIdProblem } from '../core/ids.ts';
import type { RegistryAgency, RegistryInput, RegistrySite } from '../reports/store/registry-store.ts';
import { parseCsv } from './csv.ts';
import { JsonSyntaxError, parseJsonWithLines, type JsonNode } from './json-lines.ts';
import { authRefsFromJson, hasAuthRefs, parseAuthRefs, SiteAuthError, type SiteAuthRefs } from '../core/site-auth.ts';

export interface RegistryIssue {
  /** 1-based line in the file; null when the problem is the file as a whole. */
  line: number | null;
  field: string;
  message: string;
  level: 'error' | 'warning';
}

export interface ParsedRegistry extends RegistryInput {
  format: 'csv' | 'json';
  issues: RegistryIssue[];
  /** Data rows (CSV) or site entries (JSON) read, good or bad. */
  rowsRead: number;
}

/** The file cannot be used at all (unreadable, no header, not JSON): a usage error. */
export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

export function formatIssue(file: string, issue: RegistryIssue): string {
  const where = issue.line === null ? file : `${file}:${issue.line}`;
  return `${where}: ${issue.level === 'error' ? 'error' : 'warning'}: ${issue.field}: ${issue.message}`;
}

export function readRegistryFile(file: string, knownAgencies: ReadonlySet<string> = new Set()): ParsedRegistry {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new RegistryError(`cannot read registry ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseRegistry(bytes, file, knownAgencies);
}

export function parseRegistry(bytes: Uint8Array, file: string, knownAgencies: ReadonlySet<string> = new Set()): ParsedRegistry {
  const { text, badLines } = decode(bytes);
  const looksJson = /\.json$/i.test(file) || /^\s*[[{]/.test(text);
  const draft = looksJson ? readJson(text, badLines) : readCsv(text, badLines);
  return validate(draft, knownAgencies);
}

// ------------------------------------------------------------------ decoding

/**
 * UTF-8 (BOM optional) or UTF-16 with a BOM (Excel's "Unicode text"). Lines that are not valid
 * UTF-8 are remembered so their rows are rejected by line instead of importing mojibake names.
 */
function decode(bytes: Uint8Array): { text: string; badLines: Map<number, string> } {
  const badLines = new Map<number, string>();
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), badLines };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), badLines };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), badLines };
  } catch {
    // Find the offending lines; the rest of the file is still usable.
  }
  const strict = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  let total = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === 0x0a) {
      total++;
      try {
        strict.decode(body.subarray(start, i));
      } catch {
        badLines.set(line, 'not valid UTF-8');
      }
      start = i + 1;
      line++;
    }
  }
  if (badLines.size > total / 2) {
    // Most lines broken: almost certainly a Big5 (or other legacy) export.
    for (const l of badLines.keys()) badLines.set(l, 'not valid UTF-8 (the file looks Big5 or another legacy encoding; save it as "CSV UTF-8")');
  }
  return { text: new TextDecoder('utf-8').decode(body), badLines };
}

// ------------------------------------------------------------------ drafts

interface DraftRow {
  line: number;
  /** Lines spanned by the row, for encoding checks. */
  lines: number[];
  agencyId: string;
  agencyName: string;
  parentId: string;
  siteUrl: string | null;
  siteName: string;
  /** Field names used in messages (CSV column or JSON path). */
  fields: { agencyId: string; agencyName: string; parentId: string; siteUrl: string; siteName: string };
  /** A JSON agency entry with no sites declares the agency only. */
  agencyOnly?: boolean;
  /** Credentials of a site behind a login, as environment variable names (CSV column `auth`, JSON `sites[].auth`). */
  authRefs?: SiteAuthRefs | null;
  authError?: { field: string; message: string };
}

/** A registry `auth` entry: references to GOVCHECK_AUTH_* variables, never the secrets themselves. */
function readAuth(parse: () => SiteAuthRefs, field: string): Pick<DraftRow, 'authRefs' | 'authError'> {
  try {
    const refs = parse();
    return { authRefs: hasAuthRefs(refs) ? refs : null };
  } catch (e) {
    if (e instanceof SiteAuthError) return { authError: { field, message: e.message } };
    throw e;
  }
}

function plain(n: JsonNode): unknown {
  if (n.kind === 'object') return Object.fromEntries([...n.entries].map(([k, v]) => [k, plain(v)]));
  if (n.kind === 'array') return n.items.map(plain);
  return n.kind === 'null' ? null : n.value;
}

interface Draft {
  format: 'csv' | 'json';
  rows: DraftRow[];
  issues: RegistryIssue[];
  badLines: Map<number, string>;
}

const CSV_REQUIRED = ['agency_id', 'agency_name', 'site_url'] as const;

function readCsv(text: string, badLines: Map<number, string>): Draft {
  const { records, unterminatedQuoteLine } = parseCsv(text);
  const issues: RegistryIssue[] = [];
  if (records.length === 0) throw new RegistryError('registry is empty (expected a header row: agency_id,agency_name,parent_agency_id,site_url,site_name)');
  const header = records[0].fields.map((h) => h.trim().toLowerCase().replace(/^\uFEFF/, ''));
  const missing = CSV_REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) throw new RegistryError(`registry header (line ${records[0].line}) lacks column(s) ${missing.join(', ')}; expected agency_id,agency_name,parent_agency_id,site_url,site_name`);
  const col = (name: string) => header.indexOf(name);
  const [ai, an, pi, su, sn, au] = ['agency_id', 'agency_name', 'parent_agency_id', 'site_url', 'site_name', 'auth'].map(col);
  if (unterminatedQuoteLine !== null) issues.push({ line: unterminatedQuoteLine, field: '(row)', message: 'a quoted field never closes; the rest of the file was ignored', level: 'error' });
  const rows: DraftRow[] = [];
  for (const r of records.slice(1)) {
    const get = (i: number) => (i >= 0 && i < r.fields.length ? r.fields[i].trim() : '');
    const lines: number[] = [];
    for (let l = r.line; l <= r.endLine; l++) lines.push(l);
    rows.push({
      line: r.line,
      lines,
      agencyId: get(ai),
      agencyName: get(an),
      parentId: get(pi),
      siteUrl: get(su),
      siteName: get(sn),
      fields: { agencyId: 'agency_id', agencyName: 'agency_name', parentId: 'parent_agency_id', siteUrl: 'site_url', siteName: 'site_name' },
      ...(au >= 0 && get(au) ? readAuth(() => parseAuthRefs(get(au)), 'auth') : {}),
    });
  }
  return { format: 'csv', rows, issues, badLines };
}

function readJson(text: string, badLines: Map<number, string>): Draft {
  let root: JsonNode;
  try {
    root = parseJsonWithLines(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new RegistryError(`registry is not valid JSON: ${e.message}`);
    throw e;
  }
  if (root.kind !== 'array') throw new RegistryError('JSON registry must be an array of agencies: [{ "id", "name", "parent", "sites": [{ "url", "name" }] }]');
  const issues: RegistryIssue[] = [];
  const rows: DraftRow[] = [];
  // null = wrong type (reported here); the entry is then skipped.
  const str = (n: JsonNode | undefined, path: string, line: number): string | null => {
    if (!n || n.kind === 'null') return '';
    if (n.kind === 'string') return n.value.trim();
    if (n.kind === 'number') return String(n.value);
    issues.push({ line: n.line, field: path, message: `expected a string, got ${n.kind}; skipped`, level: 'error' });
    return null;
  };
  root.items.forEach((agency, ai) => {
    const at = `[${ai}]`;
    if (agency.kind !== 'object') {
      issues.push({ line: agency.line, field: at, message: 'expected an agency object', level: 'error' });
      return;
    }
    const id = str(agency.entries.get('id'), `${at}.id`, agency.line);
    const name = str(agency.entries.get('name'), `${at}.name`, agency.line);
    const parent = str(agency.entries.get('parent'), `${at}.parent`, agency.line);
    if (id === null || name === null || parent === null) return;
    const fieldsFor = (si: number | null) => ({
      agencyId: `${at}.id`,
      agencyName: `${at}.name`,
      parentId: `${at}.parent`,
      siteUrl: si === null ? `${at}.sites` : `${at}.sites[${si}].url`,
      siteName: si === null ? `${at}.sites` : `${at}.sites[${si}].name`,
    });
    const sites = agency.entries.get('sites');
    if (sites === undefined || (sites.kind === 'array' && sites.items.length === 0)) {
      rows.push({ line: agency.line, lines: [agency.line], agencyId: id, agencyName: name, parentId: parent, siteUrl: null, siteName: '', fields: fieldsFor(null), agencyOnly: true });
      return;
    }
    if (sites.kind !== 'array') {
      issues.push({ line: sites.line, field: `${at}.sites`, message: 'expected an array of { "url", "name" }', level: 'error' });
      return;
    }
    sites.items.forEach((site, si) => {
      if (site.kind !== 'object') {
        issues.push({ line: site.line, field: `${at}.sites[${si}]`, message: 'expected a site object { "url", "name" }', level: 'error' });
        return;
      }
      const url = str(site.entries.get('url'), `${at}.sites[${si}].url`, site.line);
      const siteName = str(site.entries.get('name'), `${at}.sites[${si}].name`, site.line);
      if (url === null || siteName === null) return;
      const auth = site.entries.get('auth');
      rows.push({
        line: site.line,
        lines: [site.line, agency.line],
        agencyId: id,
        agencyName: name,
        parentId: parent,
        siteUrl: url,
        siteName,
        fields: fieldsFor(si),
        ...(auth && auth.kind !== 'null' ? readAuth(() => authRefsFromJson(plain(auth)), `${at}.sites[${si}].auth`) : {}),
      });
    });
  });
  return { format: 'json', rows, issues, badLines };
}

// ------------------------------------------------------------------ validation

/** Normalised site identity: lower-case scheme/host, default port dropped, no fragment. */
export function normaliseSiteUrl(raw: string): { url: string } | { error: string } {
  const s = raw.trim();
  if (!s) return { error: 'missing URL' };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) return { error: `"${s}" has no scheme; write it as https://${s.replace(/^\/+/, '')}` };
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return { error: `"${s}" is not a valid URL` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { error: `scheme "${u.protocol.replace(/:$/, '')}" is not allowed (only http and https)` };
  if (!u.hostname) return { error: `"${s}" has no host name` };
  if (u.username || u.password) return { error: 'URLs with user names or passwords are not allowed' };
  u.hash = '';
  return { url: u.href };
}

function validate(draft: Draft, knownAgencies: ReadonlySet<string>): ParsedRegistry {
  const issues = [...draft.issues];
  const error = (line: number, field: string, message: string) => issues.push({ line, field, message, level: 'error' });
  const warn = (line: number, field: string, message: string) => issues.push({ line, field, message, level: 'warning' });

  // Pass 1: which agencies does the file declare? (parents may be declared after their children)
  const declared = new Map<string, { name: string; line: number }>();
  for (const r of draft.rows) if (r.agencyId && !declared.has(r.agencyId)) declared.set(r.agencyId, { name: r.agencyName, line: r.line });

  const agencies = new Map<string, RegistryAgency>();
  const sites: RegistrySite[] = [];
  const seenUrl = new Map<string, number>();
  let rowsRead = 0;
  for (const r of draft.rows) {
    if (!r.agencyOnly) rowsRead++;
    const badLine = r.lines.find((l) => draft.badLines.has(l));
    if (badLine !== undefined) {
      error(r.line, '(encoding)', `${draft.badLines.get(badLine)}; row skipped`);
      continue;
    }
    if (!r.agencyId) {
      error(r.line, r.fields.agencyId, 'missing agency id; row skipped');
      continue;
    }
    const idProblem = agencyIdProblem(r.agencyId);
    if (idProblem) {
      error(r.line, r.fields.agencyId, `${idProblem}; row skipped`);
      continue;
    }
    if (!r.agencyName) {
      error(r.line, r.fields.agencyName, 'missing agency name; row skipped');
      continue;
    }
    if (r.parentId) {
      const parentProblem = agencyIdProblem(r.parentId);
      if (parentProblem) {
        error(r.line, r.fields.parentId, `${parentProblem}; row skipped`);
        continue;
      }
      if (r.parentId === r.agencyId) {
        error(r.line, r.fields.parentId, 'an agency cannot be its own parent; row skipped');
        continue;
      }
      if (!declared.has(r.parentId) && !knownAgencies.has(r.parentId)) {
        error(r.line, r.fields.parentId, `unknown parent agency "${r.parentId}" (not in this registry nor imported before); row skipped`);
        continue;
      }
    }
    const first = declared.get(r.agencyId)!;
    if (first.line !== r.line && first.name !== r.agencyName) warn(r.line, r.fields.agencyName, `agency "${r.agencyId}" was named "${first.name}" on line ${first.line}; keeping that name`);

    let site: RegistrySite | null = null;
    if (!r.agencyOnly) {
      const norm = normaliseSiteUrl(r.siteUrl ?? '');
      if ('error' in norm) {
        error(r.line, r.fields.siteUrl, `${norm.error}; row skipped`);
        continue;
      }
      const dup = seenUrl.get(norm.url);
      if (dup !== undefined) {
        error(r.line, r.fields.siteUrl, `duplicate site ${norm.url} (already on line ${dup}); row skipped`);
        continue;
      }
      if (r.authError) {
        error(r.line, r.authError.field, `${r.authError.message}; row skipped`);
        continue;
      }
      seenUrl.set(norm.url, r.line);
      site = { agencyId: r.agencyId, url: norm.url, name: r.siteName || null, line: r.line, authRefs: r.authRefs ?? null };
    }
    const existing = agencies.get(r.agencyId);
    if (!existing) agencies.set(r.agencyId, { id: r.agencyId, name: first.name || r.agencyName, parentId: r.parentId || null, line: r.line });
    else if (!existing.parentId && r.parentId) existing.parentId = r.parentId;
    if (site) sites.push(site);
  }
  // A parent that is only referenced by rows that were all rejected would leave a dangling
  // link; parents must exist in the file's accepted agencies or in the store already.
  for (const a of agencies.values()) {
    if (a.parentId && !agencies.has(a.parentId) && !knownAgencies.has(a.parentId)) {
      warn(a.line ?? 0, 'parent_agency_id', `parent agency "${a.parentId}" of "${a.id}" had no valid row; the link is dropped`);
      a.parentId = null;
    }
  }
  breakParentCycles(agencies, warn);
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { format: draft.format, agencies: [...agencies.values()], sites, issues, rowsRead };
}

function breakParentCycles(agencies: Map<string, RegistryAgency>, warn: (line: number, field: string, message: string) => void): void {
  for (const start of agencies.values()) {
    const seen = new Set<string>([start.id]);
    let cur = start.parentId ? agencies.get(start.parentId) : undefined;
    while (cur) {
      if (seen.has(cur.id)) {
        warn(start.line ?? 0, 'parent_agency_id', `parent chain of "${start.id}" loops back to "${cur.id}"; the link is dropped`);
        start.parentId = null;
        break;
      }
      seen.add(cur.id);
      cur = cur.parentId ? agencies.get(cur.parentId) : undefined;
    }
  }
}
