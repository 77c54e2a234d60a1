// Opening the govcheck SQLite file: WAL (readers never block the one writer), foreign keys on,
// and every versioned migration applied before anyone reads or writes.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenOptions {
  /** Open an existing file only (reports, prune): a typo must not create an empty database. */
  mustExist?: boolean;
  readonly?: boolean;
}

export function openStore(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:' && !opts.mustExist) mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: Boolean(opts.mustExist || opts.readonly), readonly: Boolean(opts.readonly) });
  } catch (e) {
    throw new StoreError(`cannot open database ${file}: ${(e as Error).message}`);
  }
  try {
    // Any file opens; the first read tells whether it is SQLite at all (nothing is written before).
    const version = schemaVersion(db);
    if (version === 0 && file !== ':memory:') {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new StoreError(`${file} is a SQLite database but not a govcheck database (it has tables and no govcheck schema version)`);
    }
    // A crashed sweep (kill -9) must lose nothing already committed: WAL + NORMAL is durable
    // against process death (only an OS crash can lose the last transactions).
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    // The dashboard or a second embedded worker may write at the same moment; wait instead of SQLITE_BUSY.
    db.pragma('busy_timeout = 10000');
    if (!opts.readonly) migrate(db);
    else checkVersion(db);
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new StoreError(`${file} is not a SQLite database (${(e as Error).message})`);
    throw new StoreError(`cannot open database ${file}: ${(e as Error).message}`);
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkVersion(db: Db): void {
  const v = schemaVersion(db);
  if (v > MIGRATIONS.length) throw new StoreError(`database schema version ${v} is newer than this govcheck knows (${MIGRATIONS.length}); upgrade govcheck`);
  if (v < MIGRATIONS.length) throw new StoreError(`database schema version ${v} is older than ${MIGRATIONS.length}; open it once read-write to migrate`);
}

/** Applies pending migrations in order, each in its own transaction with its version bump. */
export function migrate(db: Db): number {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) throw new StoreError(`database schema version ${current} is newer than this govcheck knows (${MIGRATIONS.length}); upgrade govcheck`);
  for (let v = current; v < MIGRATIONS.length; v++) {
    const step = MIGRATIONS[v];
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return MIGRATIONS.length;
}
