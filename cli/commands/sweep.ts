// govcheck sweep <registry>: a national sweep into SQLite with the embedded queue.
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLang } from '../../core/i18n.ts';
import type { SiteResult } from '../../core/types.ts';
import { knownAgencyIds } from '../../reports/store/registry-store.ts';
import { getSweep, LANES, type Lane, type SweepOptions } from '../../reports/store/sweeps.ts';
import { formatIssue, readRegistryFile, RegistryError } from '../../scheduler/registry.ts';
import type { QueueRunner, SiteCheckerLike } from '../../scheduler/runner.ts';
import { prepareSweep, runSweep, SweepError, type RunSweepInput, type SweepSummary } from '../../scheduler/sweep.ts';
import { createProgress, formatDuration } from '../../scheduler/progress.ts';
import { defaultConcurrency } from '../../worker/concurrency.ts';
import { displayRedisUrl } from '../../scheduler/distributed/names.ts';
import { applyTwFlags, categoriesFlag, configFlag, intFlag, nowFlag, parseFlags, screenshotsFlag, TW_FLAGS_HELP, UsageError } from '../args.ts';
import { openStoreFlag } from '../store-flag.ts';
import { collectGarbage } from '../../core/collect-garbage.ts';

/** Sites beyond the page loops that wait for Lighthouse with their pages done, per Lighthouse process. */
const LIGHTHOUSE_BACKLOG = 2;
const DEFAULT_LIGHTHOUSE_PROCESSES = 1;
/** bench:sweep's profile of the sites: one JSON line per recorded site with its stage times. */
const STAGE_TIMINGS_FILE = process.env.GOVCHECK_STAGE_TIMINGS;

/** A site's page timings summed over its pages (navigation, settle, scroll, axe, gathering, total). */
function pageStageSums(r: SiteResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of r.pages) for (const [k, v] of Object.entries(p.timings ?? {})) if (typeof v === 'number') out[k] = (out[k] ?? 0) + v;
  return out;
}

export const summary = 'sweep every site of a registry into SQLite / 全國網站檢測';

export const help = `Usage: govcheck sweep [options] <registry.csv|registry.json>
       govcheck sweep --resume <sweep id> [--db <file>]

Import the registry (CSV: agency_id,agency_name,parent_agency_id,site_url,site_name; or JSON
[{ "id", "name", "parent", "sites": [{ "url", "name" }] }]), check every site and record the results,
scores and findings in the SQLite database. Bad registry rows are reported with their line and field
and skipped; the good rows are swept. Prints the sweep id and the ranking at the end.

Options:
  --db <file>            SQLite database (default govcheck.db; created when missing)
  --only <list>          categories: accessibility,performance,freshness,governance,security (default all)
  --max-pages <n>        pages per site, start page included (default 5)
  --now <date>           reference date for freshness (YYYY-MM-DD or ISO time; Asia/Taipei when no zone)
${TW_FLAGS_HELP}
  --allow-private        permit loopback and private-network addresses (refused by default)
  --concurrency <n>      sites whose pages load at once (default: what the machine can carry); with
                         Lighthouse, 2 more sites per Lighthouse process wait for their Lighthouse
                         turn with their pages done
  --lighthouse-processes <n>
                         Lighthouse runs at once, each in its own process and browser (default 1:
                         ~15 runs a minute, 400 sites in 54 min on 2 cores; each more adds
                         ~420 MB, see the README)
  --chrome <path>        browser executable (default: $GOVCHECK_CHROME, /usr/bin/chromium, …)
  --config <file>        JSON config: weights, thresholds, rule options, waivers
  --lang <zh-TW|en>      language of finding messages (default zh-TW)
  --resume <id>          continue an interrupted sweep with its original options: only sites not
                         yet recorded are checked
  --lane <lane>          sweep (default), self-check or ci: interactive lanes never wait behind a sweep
  --agency <id>          only this agency's sites (e.g. a self-check)
  --page-delay <ms>      pause between pages of one site (default 500)
  --no-screenshots       no element screenshots of findings (on by default in sweeps: the first few
                         visible ones per rule and page, stored with the findings, shown on the dashboard)
  --redis <url>          distributed: queue the sites on Redis for "govcheck worker" processes; this process
                         stays the single recorder and ends when every site is recorded
  --prefix <p>           with --redis: Redis key prefix shared with the workers (default govcheck)
  --quiet                no progress output

Exit status: 0 the sweep finished (sites that could not be checked are recorded with their reason);
2 usage, registry or database error; 3 the browser could not be started; 130 interrupted (resumable).`;


export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    db: { type: 'string' },
    only: { type: 'string' },
    'max-pages': { type: 'string' },
    now: { type: 'string' },
    'allow-private': { type: 'boolean' },
    concurrency: { type: 'string' },
    'lighthouse-processes': { type: 'string' },
    chrome: { type: 'string' },
    config: { type: 'string' },
    lang: { type: 'string' },
    resume: { type: 'string' },
    lane: { type: 'string' },
    agency: { type: 'string' },
    'page-delay': { type: 'string' },
    redis: { type: 'string' },
    prefix: { type: 'string' },
    quiet: { type: 'boolean' },
    level: { type: 'string' },
    'tw-edition': { type: 'string' },
    screenshots: { type: 'boolean' },
    'no-screenshots': { type: 'boolean' },
  });
  const concurrency = intFlag('concurrency', values.concurrency, defaultConcurrency(), 1);
  const lighthouseProcesses = intFlag('lighthouse-processes', values['lighthouse-processes'], DEFAULT_LIGHTHOUSE_PROCESSES, 1);
  const dbFile = values.db ?? 'govcheck.db';
  const resumeId = values.resume === undefined ? null : intFlag('resume', values.resume, 0, 1);
  if (resumeId === null && positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one registry file' : 'no registry given (usage: govcheck sweep [options] <registry.csv|registry.json>)');
  if (resumeId !== null && positionals.length) throw new UsageError('--resume continues a planned sweep; do not give a registry with it');

  // A sweep that never gets planned (no valid row, bad options) must not leave a new, empty database behind.
  const dbExisted = dbFile === ':memory:' || existsSync(dbFile);
  // --resume continues a sweep recorded in an existing database: never create one for it.
  const db = openStoreFlag(dbFile, { mustExist: resumeId !== null });
  const err = (line: string) => process.stderr.write(`${line}\n`);
  try {
    let sweepId: number;
    if (resumeId !== null) {
      const sweep = getSweep(db, resumeId);
      if (!sweep) throw new UsageError(`--resume: no sweep ${resumeId} in ${dbFile}`);
      if (sweep.finishedAt) {
        process.stdout.write(`govcheck sweep ${resumeId}: already finished at ${sweep.finishedAt}; nothing to resume.\n`);
        return 0;
      }
      const ignored = (['only', 'max-pages', 'now', 'allow-private', 'config', 'lang', 'lane', 'agency', 'page-delay', 'level', 'tw-edition', 'screenshots', 'no-screenshots'] as const).filter((f) => values[f] !== undefined);
      if (ignored.length) err(`govcheck sweep: --resume keeps the options sweep ${resumeId} started with; ignored: ${ignored.map((f) => `--${f}`).join(', ')}`);
      sweepId = resumeId;
    } else {
      const options = sweepOptions(values);
      const lane = (values.lane ?? 'sweep') as Lane;
      if (!LANES.includes(lane)) throw new UsageError(`--lane: expected one of ${LANES.join(', ')}, got "${values.lane}"`);
      const registryFile = positionals[0];
      let prepared;
      try {
        // Bad rows are reported first, also when none is left to sweep.
        const registry = readRegistryFile(registryFile, knownAgencyIds(db));
        for (const issue of registry.issues) err(formatIssue(registryFile, issue));
        prepared = prepareSweep(db, registryFile, options, { lane, agency: values.agency, registry });
      } catch (e) {
        if (!dbExisted) {
          db.close();
          for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
        }
        if (e instanceof RegistryError || e instanceof SweepError) throw new UsageError(e.message);
        throw e;
      }
      const errors = prepared.registry.issues.filter((i) => i.level === 'error').length;
      err(
        `govcheck sweep: registry ${registryFile}: ${prepared.registry.sites.length} sites of ${prepared.registry.agencies.length} agencies` +
          (errors ? `, ${errors} row(s) rejected (see above)` : '') +
          ` · ${prepared.saved.sitesAdded} new, ${prepared.saved.sitesUpdated} updated, ${prepared.saved.sitesDeactivated} no longer listed`,
      );
      sweepId = prepared.sweepId;
    }

    // The engine (Playwright, Lighthouse) loads only now: usage errors above stay instant.
    const { closeLighthouse, setLighthouseProcesses } = await import('../../worker/lighthouse/index.ts');
    setLighthouseProcesses(lighthouseProcesses);
    let checker: SiteCheckerLike & { close(): Promise<void> };
    // `concurrency` page loops at once; with Lighthouse, a few more sites are in flight, waiting for
    // their Lighthouse turn with their page loop done, so Lighthouse (one run at a time, CPU-bound)
    // always has a next site and never holds a page-loop slot (bench:sweep figures in the README).
    const withLighthouse = getSweep(db, sweepId)?.options.categories.includes('performance') ?? true;
    let runInput: Partial<Pick<RunSweepInput, 'maxAttempts' | 'queue'>> & { concurrency: number } = { concurrency: concurrency + (withLighthouse ? LIGHTHOUSE_BACKLOG * lighthouseProcesses : 0) };
    if (values.redis !== undefined) {
      // Distributed: workers on other machines check; this process records (workers never touch SQLite).
      const { createRemoteChecker } = await import('../../scheduler/distributed/remote-checker.ts');
      const remote = createRemoteChecker(values.redis, { db, dbFile, inFlight: values.concurrency ? concurrency : undefined, prefix: values.prefix });
      checker = remote.checker;
      runInput = { concurrency: remote.concurrency, maxAttempts: remote.maxAttempts, queue: remote.queue };
    } else {
      const { SiteChecker: Checker } = await import('../../worker/site-checker.ts');
      const { ChromeNotFoundError } = await import('../../worker/chrome.ts');
      try {
        checker = new Checker({ chromePath: values.chrome, pageLoops: concurrency });
      } catch (e) {
        if (e instanceof ChromeNotFoundError) {
          err(`govcheck sweep: ${e.message}`);
          err(`govcheck sweep: sweep ${sweepId} is planned; resume it with: govcheck sweep --resume ${sweepId} --db ${dbFile}`);
          return 3;
        }
        throw e;
      }
    }

    const progress = createProgress(process.stderr, { quiet: values.quiet });
    let runner: QueueRunner | null = null;
    // Ctrl-C: the sites in progress go back to the queue (their checks are abandoned, never
    // recorded half-done) and the process exits at once; the browser and Lighthouse child
    // follow their parent. Everything recorded so far stays.
    const onSignal = (signal: NodeJS.Signals) => {
      const released = runner?.stop() ?? [];
      progress.finish();
      err(`govcheck sweep: ${signal}: stopped; ${released.length} site(s) in progress will be checked again on resume.`);
      err(`govcheck sweep: resume with: govcheck sweep --resume ${sweepId} --db ${dbFile}`);
      db.close();
      process.exit(130);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let result: SweepSummary;
    try {
      err(`govcheck sweep: sweep ${sweepId} → ${resolve(dbFile)} (${runInput.concurrency} at once${values.redis ? `, via Redis ${displayRedisUrl(values.redis)}` : ''})`);
      result = await runSweep({
        db,
        sweepId,
        checker,
        ...runInput,
        onStart: ({ total, done }) => progress.start(total, done),
        onRecorded: ({ job, result: r }) => {
          // The site's artifacts are stored and dropped: give their memory back (core/collect-garbage.ts).
          collectGarbage();
          if (STAGE_TIMINGS_FILE) appendFileSync(STAGE_TIMINGS_FILE, `${JSON.stringify({ url: job.url, at: Date.now(), status: r.status, durationMs: r.durationMs, stageMs: r.stageMs ?? null, pageMs: pageStageSums(r) })}\n`);
          if (job.sweepId !== sweepId) progress.note(`  ${job.lane}: ${job.url} → ${r.status}${r.scores.overall !== null ? ` ${r.scores.overall}` : ''} (sweep ${job.sweepId})`);
          else progress.siteDone({ url: job.url, status: r.status, overall: r.scores.overall, pages: r.pages.filter((p) => !p.error).length, error: r.error, durationMs: r.durationMs });
        },
        onRetry: ({ job, reason, delayMs }) => progress.note(`  retry ${job.url} in ${formatDuration(delayMs)} (attempt ${job.attempts} failed: ${reason})`),
        onRunner: (r) => (runner = r),
      });
    } catch (e) {
      if (e instanceof SweepError) throw new UsageError(e.message);
      throw e;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      progress.finish();
      await checker.close().catch(() => undefined);
      await closeLighthouse().catch(() => undefined);
    }
    process.stdout.write(formatSummary(result, dbFile));
    return 0;
  } finally {
    db.close();
  }
}

type SweepFlagValues = {
  only?: string;
  'max-pages'?: string;
  now?: string;
  'allow-private'?: boolean;
  config?: string;
  lang?: string;
  'page-delay'?: string;
  level?: string;
  'tw-edition'?: string;
  screenshots?: boolean;
  'no-screenshots'?: boolean;
};

/** Sweep options from flags, without the reference date (a scheduler sets it at each firing). */
export function baseSweepOptions(values: SweepFlagValues): Omit<SweepOptions, 'now'> {
  const config = configFlag(values.config);
  applyTwFlags(config, values.level, values['tw-edition'], null);
  // On by default in sweeps: the dashboard shows the evidence.
  config.screenshots.enabled = screenshotsFlag(values.screenshots, values['no-screenshots']) ?? config.screenshots.enabled ?? true;
  const lang = values.lang === undefined ? 'zh-TW' : parseLang(values.lang);
  if (!lang) throw new UsageError(`--lang: expected zh-TW or en, got "${values.lang}"`);
  return {
    categories: categoriesFlag(values.only),
    maxPages: intFlag('max-pages', values['max-pages'], 5, 1),
    allowPrivate: values['allow-private'] === true,
    lang,
    config,
    pageDelayMs: intFlag('page-delay', values['page-delay'], 500, 0),
  };
}

export function sweepOptions(values: SweepFlagValues): SweepOptions {
  const base = baseSweepOptions(values);
  const now = nowFlag(values.now);
  applyTwFlags(base.config, undefined, undefined, now);
  return { ...base, now: now.toISOString() };
}

export function formatSummary(s: SweepSummary, dbFile: string): string {
  const minutes = Math.max(s.elapsedMs, 1) / 60_000;
  const failures = Object.entries(s.failures).map(([k, n]) => `${k} ${n}`).join(', ');
  const lines = [
    `govcheck sweep ${s.sweepId}: ${s.finished ? '完成 finished' : '未完成 not finished'} · ${s.total} sites: ${s.ok} checked, ${s.failed} could not be checked${failures ? ` (${failures})` : ''}${s.pending ? `, ${s.pending} pending` : ''}`,
    `  this run: ${s.recordedThisRun} sites, ${s.pagesThisRun} pages in ${formatDuration(s.elapsedMs)} (${(s.recordedThisRun / minutes).toFixed(1)} sites/min, ${(s.pagesThisRun / minutes).toFixed(1)} pages/min)`,
    '',
    '排名 Ranking (1 = best; ⚠ = not every site could be checked):',
  ];
  for (const a of s.agencies.slice(0, 20)) {
    lines.push(`  ${String(a.rank ?? '–').padStart(3)}  ${String(a.scores.overall ?? '–').padStart(5)}  ${s.agencyNames[a.agencyId] ?? a.agencyId} (${a.agencyId}) · coverage ${a.sitesOk}/${a.sitesRegistered}${a.fullCoverage ? '' : ' ⚠'}`);
  }
  if (s.agencies.length > 20) lines.push(`  … ${s.agencies.length - 20} more`);
  lines.push(
    '',
    `Database: ${resolve(dbFile)}`,
    `Report:   govcheck report --db ${dbFile} --sweep ${s.sweepId} --format html --output sweep-${s.sweepId}.html`,
  );
  if (!s.finished) lines.push(`Resume:   govcheck sweep --resume ${s.sweepId} --db ${dbFile}`);
  return `${lines.join('\n')}\n`;
}

