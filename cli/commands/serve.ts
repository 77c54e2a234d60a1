// govcheck serve: the self-review dashboard and its JSON API over the sweep database; also the
// place where access tokens are created (printed once), listed and revoked.
import { resolve } from 'node:path';
import { createDashboard, createToken, hasTokens, listTokens, parseTokenSpec, revokeToken, TokenError, type Dashboard } from '../../reports/dashboard/index.ts';
import type { Category } from '../../core/types.ts';
import { categoriesFlag, intFlag, parseFlags, UsageError } from '../args.ts';
import { openStoreFlag } from '../store-flag.ts';
import type { Db } from '../../reports/store/db.ts';

export const summary = 'the self-review dashboard and JSON API / 檢測儀表板';

export const help = `Usage: govcheck serve --db <file> [--port <n>] [options]
       govcheck serve --db <file> --create-token oversight|agency:<agency id> [--label <text>]
       govcheck serve --db <file> --list-tokens | --revoke-token <id>

Serve the dashboard (zh-TW, English with ?lang=en): national overview with ranking, coverage, score
distribution and trend; each agency's sites, category scores, findings grouped by rule with how to
fix; each site's sampled pages and findings; re-check of an agency's own registered site; disputes
of findings (agency asks, oversight decides); CSV/JSON download of the latest sweep; a JSON API
(/api/agencies, /api/agencies/<id>, /api/sites/<id>, /api/waivers).

Access needs a token: oversight tokens see every agency, agency tokens only their own agency. Send it
as "Authorization: Bearer <token>" or log in with it in the browser (HttpOnly, SameSite=Strict cookie).
Tokens are stored hashed; --create-token prints the new token once.

Options:
  --db <file>              SQLite database written by govcheck sweep (default govcheck.db)
  --port <n>               port (default 8080; 0 = any free port)
  --host <address>         address to listen on (default 127.0.0.1)
  --allow-private          let re-checks reach loopback and private-network addresses (refused by default)
  --chrome <path>          browser executable for re-checks (default: $GOVCHECK_CHROME, /usr/bin/chromium, …)
  --only <list>            categories of re-checks (default: those of the site's latest national sweep)
  --max-pages <n>          pages per re-check (default: as in the site's latest national sweep)
  --secure-cookie          mark the login cookie Secure (when served behind HTTPS)
  --create-token <who>     print a new token: "oversight" or "agency:<agency id>", then exit
  --label <text>           a note stored with a new token (whose it is)
  --list-tokens            list tokens (never the tokens themselves), then exit
  --revoke-token <id>      revoke a token by its id, then exit

Exit status: 0 stopped normally or token command done; 2 usage or database error.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'allow-private': { type: 'boolean' },
    chrome: { type: 'string' },
    only: { type: 'string' },
    'max-pages': { type: 'string' },
    'secure-cookie': { type: 'boolean' },
    'create-token': { type: 'string' },
    label: { type: 'string' },
    'list-tokens': { type: 'boolean' },
    'revoke-token': { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const dbFile = values.db ?? 'govcheck.db';
  const port = intFlag('port', values.port, 8080, 0);
  if (port > 65535) throw new UsageError(`--port expects 0–65535, got ${port}`);
  const categories: Category[] | undefined = values.only === undefined ? undefined : categoriesFlag(values.only);
  const maxPages = values['max-pages'] === undefined ? undefined : intFlag('max-pages', values['max-pages'], 5, 1);
  const db = openStoreFlag(dbFile, { mustExist: true, hint: 'create it with govcheck sweep first' });

  const tokenCommand = tokenCommands(db, values);
  if (tokenCommand !== null) {
    db.close();
    return tokenCommand;
  }

  // The check engine (Playwright, Lighthouse) loads only when serving: token commands stay instant.
  const { EmbeddedSelfCheck } = await import('../self-check.ts');
  const selfCheck = new EmbeddedSelfCheck({
    db,
    allowPrivate: values['allow-private'] === true,
    chromePath: values.chrome,
    categories,
    maxPages,
    onRecorded: ({ job, result }) => process.stderr.write(`govcheck serve: re-check of ${job.url} recorded: ${result.status}${result.scores.overall !== null ? ` ${result.scores.overall}` : ''} (sweep ${job.sweepId})\n`),
    onError: (e) => process.stderr.write(`govcheck serve: re-check runner stopped: ${(e as Error).message}\n`),
  });
  const dashboard: Dashboard = createDashboard({ db, selfCheck, secureCookie: values['secure-cookie'] === true });
  let url: string;
  try {
    url = await dashboard.listen(port, values.host ?? '127.0.0.1');
  } catch (e) {
    await selfCheck.close();
    db.close();
    throw new UsageError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${(e as Error).message}`);
  }
  selfCheck.resume();
  process.stdout.write(`govcheck serve: ${url}/ (database ${resolve(dbFile)})\n`);
  if (!hasTokens(db)) process.stderr.write(`govcheck serve: no access token yet; create one with: govcheck serve --db ${dbFile} --create-token oversight\n`);
  if (!/^(127\.|localhost$|::1$)/.test(values.host ?? '127.0.0.1')) {
    process.stderr.write('govcheck serve: listening beyond this machine over plain HTTP; put it behind HTTPS and use --secure-cookie\n');
  }

  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await dashboard.close();
  db.close();
  return 0;
}

/** --create-token / --list-tokens / --revoke-token: returns the exit status, or null to serve. */
function tokenCommands(db: Db, values: { 'create-token'?: string; label?: string; 'list-tokens'?: boolean; 'revoke-token'?: string }): number | null {
  const chosen = [values['create-token'] !== undefined, values['list-tokens'] === true, values['revoke-token'] !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('give only one of --create-token, --list-tokens, --revoke-token');
  if (values['create-token'] !== undefined) {
    try {
      const spec = parseTokenSpec(values['create-token']);
      const { id, token } = createToken(db, { ...spec, label: values.label ?? null });
      process.stderr.write(`govcheck serve: token ${id} for ${spec.role === 'agency' ? `agency ${spec.agencyId}` : 'oversight'} created; it is shown only now, keep it safe:\n`);
      process.stdout.write(`${token}\n`);
      return 0;
    } catch (e) {
      if (e instanceof TokenError) throw new UsageError(`--create-token: ${e.message}`);
      throw e;
    }
  }
  if (values['list-tokens']) {
    for (const t of listTokens(db)) {
      process.stdout.write(`${t.id}\t${t.role === 'agency' ? `agency:${t.agencyId}` : 'oversight'}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\tcreated ${t.createdAt}\tlast used ${t.lastUsedAt ?? '-'}\t${t.label ?? ''}\n`);
    }
    return 0;
  }
  if (values['revoke-token'] !== undefined) {
    const id = intFlag('revoke-token', values['revoke-token'], 0, 1);
    if (!revokeToken(db, id)) throw new UsageError(`--revoke-token: no active token ${id}`);
    process.stdout.write(`govcheck serve: token ${id} revoked\n`);
    return 0;
  }
  return null;
}
