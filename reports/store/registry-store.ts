// Writing a parsed registry into the store. Sites are identified by their normalised URL and
// agencies by their registry id, so importing the same (or an edited) registry again updates
// rows in place and never duplicates them.
import { agencyIdProblem } from '../../core/ids.ts';
import type { Db } from './db.ts';
import type { SiteAuthRefs } from '../../core/site-auth.ts';

export interface RegistryAgency {
  id: string;
  name: string;
  parentId: string | null;
  /** Where it was declared, for messages. */
  line: number | null;
}

export interface RegistrySite {
  agencyId: string;
  /** Normalised absolute http(s) URL. */
  url: string;
  name: string | null;
  line: number | null;
  /** Environment variable NAMES holding the site's credentials (never the values). */
  authRefs?: SiteAuthRefs | null;
}

export interface RegistryInput {
  agencies: RegistryAgency[];
  sites: RegistrySite[];
}

export interface SaveRegistryResult {
  agenciesAdded: number;
  agenciesUpdated: number;
  sitesAdded: number;
  sitesUpdated: number;
  /** Sites no longer listed (only when deactivateMissing): kept for history, not swept. */
  sitesDeactivated: number;
  /** Store ids of the registry's sites, in registry order. */
  siteIds: number[];
}

/** A site's credential references (variable names, resolved by the process that checks), as CheckOptions fields. */
export function siteAuthRefs(db: Db, siteId: number): { authRefs?: SiteAuthRefs } {
  const raw = db.prepare<[number], { auth_refs: string | null }>('SELECT auth_refs FROM sites WHERE id = ?').get(siteId)?.auth_refs;
  return raw ? { authRefs: JSON.parse(raw) as SiteAuthRefs } : {};
}

export function knownAgencyIds(db: Db): Set<string> {
  return new Set((db.prepare('SELECT id FROM agencies').pluck().all() as string[]));
}

/**
 * Upserts agencies and sites in one transaction. With deactivateMissing (a full national
 * registry), sites the registry no longer lists are marked inactive rather than deleted, so
 * their history stays readable.
 */
export function saveRegistry(db: Db, registry: RegistryInput, opts: { deactivateMissing?: boolean; now?: Date } = {}): SaveRegistryResult {
  const stamp = (opts.now ?? new Date()).toISOString();
  const result: SaveRegistryResult = { agenciesAdded: 0, agenciesUpdated: 0, sitesAdded: 0, sitesUpdated: 0, sitesDeactivated: 0, siteIds: [] };
  const getAgency = db.prepare<[string], { name: string; parent_id: string | null }>('SELECT name, parent_id FROM agencies WHERE id = ?');
  const insertAgency = db.prepare('INSERT INTO agencies (id, name, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const updateAgency = db.prepare('UPDATE agencies SET name = ?, parent_id = ?, updated_at = ? WHERE id = ?');
  const getSite = db.prepare<[string], { id: number; agency_id: string; name: string | null; active: number; auth_refs: string | null }>('SELECT id, agency_id, name, active, auth_refs FROM sites WHERE url = ?');
  const insertSite = db.prepare('INSERT INTO sites (agency_id, url, name, active, created_at, updated_at, auth_refs) VALUES (?, ?, ?, 1, ?, ?, ?)');
  const updateSite = db.prepare('UPDATE sites SET agency_id = ?, name = ?, active = 1, updated_at = ?, auth_refs = ? WHERE id = ?');

  // The registry reader rejects such rows with their line; this keeps every other caller honest.
  for (const a of registry.agencies) {
    const problem = agencyIdProblem(a.id) ?? (a.parentId === null ? null : agencyIdProblem(a.parentId));
    if (problem) throw new Error(`agency id ${problem}`);
  }
  db.transaction(() => {
    for (const a of registry.agencies) {
      const old = getAgency.get(a.id);
      if (!old) {
        insertAgency.run(a.id, a.name, a.parentId, stamp, stamp);
        result.agenciesAdded++;
      } else if (old.name !== a.name || old.parent_id !== a.parentId) {
        updateAgency.run(a.name, a.parentId, stamp, a.id);
        result.agenciesUpdated++;
      }
    }
    for (const s of registry.sites) {
      const old = getSite.get(s.url);
      const authRefs = s.authRefs ? JSON.stringify(s.authRefs) : null;
      if (!old) {
        const info = insertSite.run(s.agencyId, s.url, s.name, stamp, stamp, authRefs);
        result.sitesAdded++;
        result.siteIds.push(Number(info.lastInsertRowid));
      } else {
        if (old.agency_id !== s.agencyId || old.name !== s.name || old.active !== 1 || old.auth_refs !== authRefs) {
          updateSite.run(s.agencyId, s.name, stamp, authRefs, old.id);
          result.sitesUpdated++;
        }
        result.siteIds.push(old.id);
      }
    }
    if (opts.deactivateMissing) {
      const listed = new Set(result.siteIds);
      const active = db.prepare('SELECT id FROM sites WHERE active = 1').pluck().all() as number[];
      const deactivate = db.prepare('UPDATE sites SET active = 0, updated_at = ? WHERE id = ?');
      for (const id of active) {
        if (!listed.has(id)) {
          deactivate.run(stamp, id);
          result.sitesDeactivated++;
        }
      }
    }
  }).immediate();
  return result;
}
