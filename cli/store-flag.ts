// --db for every command that reads or writes the store: a file that cannot be opened (missing,
// not a govcheck database, newer schema) is a usage error with the store's own reason.
import { existsSync } from 'node:fs';
import { openStore, StoreError, type Db } from '../reports/store/db.ts';
import { UsageError } from './args.ts';

/** The one way the CLI opens the store: every failure to open it is a one-line usage error (exit 2). */
export function openStoreFlag(file: string, opts: { mustExist?: boolean; hint?: string } = {}): Db {
  try {
    return openStore(file, { mustExist: opts.mustExist });
  } catch (e) {
    // The hint (e.g. "create it with govcheck sweep first") is for a missing file, not a wrong one.
    if (e instanceof StoreError) throw new UsageError(opts.hint && !existsSync(file) ? `${e.message} (${opts.hint})` : e.message);
    throw e;
  }
}
