// --db for every command that reads or writes the store: a file that cannot be opened (missing,
// not a govcheck database, newer schema) is a usage error with the store's own reason.
import { openStore, StoreError, type Db } from '../reports/store/db.ts';
import { UsageError } from './args.ts';

export function openStoreFlag(file: string, opts: { mustExist?: boolean; hint?: string } = {}): Db {
  try {
    return openStore(file, { mustExist: opts.mustExist });
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(opts.hint ? `${e.message} (${opts.hint})` : e.message);
    throw e;
  }
}
