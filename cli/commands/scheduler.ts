// govcheck scheduler: national sweeps on a cron schedule, checked by `govcheck worker`s through Redis
// and recorded here, the single SQLite writer.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getSweep, type SweepOptions } from '../../reports/store/sweeps.ts';
import { createProgress, formatDuration } from '../../scheduler/progress.ts';
import { RegistryError } from '../../scheduler/registry.ts';
import { SweepError, type SweepSummary } from '../../scheduler/sweep.ts';
import { displayRedisUrl } from '../../scheduler/distributed/names.ts';
import { DEFAULT_IN_FLIGHT } from '../../scheduler/distributed/remote-checker.ts';
import { ScheduleError, SCHEDULE_TZ, SweepBusyError, SweepScheduler } from '../../scheduler/distributed/sweep-scheduler.ts';
import { intFlag, nowFlag, parseFlags, UsageError } from '../args.ts';
import { redisPrefixFlag, redisReachable } from '../redis-flag.ts';
import { openStoreFlag } from '../store-flag.ts';
import { baseSweepOptions, formatSummary } from './sweep.ts';

export const summary = 'run national sweeps on a schedule through Redis workers / 排程全國檢測';

export const help = `Usage: govcheck scheduler --redis <url> --db <file> --registry <file> --cron "<expr>" [options]
       govcheck scheduler --redis <url> --db <file> --registry <file> --once [options]

The single process that starts national sweeps on a schedule and records their results. Each firing
imports the registry as it is then, plans a sweep in the SQLite database and queues its sites in Redis;
"govcheck worker" processes check them and this process records every result (workers never touch
SQLite). The schedule is a BullMQ job scheduler in Asia/Taipei time: several scheduler processes may
run (e.g. for fail-over) without a sweep ever running twice. A scheduler that dies mid-sweep leaves the
sweep to the next one started, which resumes it.
排程器：依 cron（台北時間）啟動全國檢測，經 Redis 交由 worker 檢測，並將結果寫入資料庫。

Options:
  --redis <url>          Redis URL, e.g. redis://127.0.0.1:6379 (required)
  --db <file>            SQLite database (default govcheck.db; created when missing)
  --registry <file>      registry CSV or JSON, read again at every firing (required unless --resume)
  --cron "<expr>"        when to sweep, cron syntax in Asia/Taipei time, e.g. "0 2 * * 1" (Mondays 02:00)
  --once                 run one sweep now and exit (with --cron, the schedule is registered as well)
  --resume <id>          with --once: finish an interrupted sweep instead of starting a new one
  --only <list>          categories: accessibility,performance,freshness,governance,security (default all)
  --max-pages <n>        pages per site, start page included (default 5)
  --now <date>           fixed reference date for freshness (default: the time of each firing)
  --allow-private        permit loopback and private-network addresses (workers need it too)
  --config <file>        JSON config: weights, thresholds, rule options, waivers
  --lang <zh-TW|en>      language of finding messages (default zh-TW)
  --page-delay <ms>      pause between pages of one site (default 500)
  --no-screenshots       no element screenshots of findings (on by default in sweeps)
  --concurrency <n>      sites of a sweep queued in Redis at once (default ${DEFAULT_IN_FLIGHT})
  --attempts <n>         attempts per site for transient failures (default 3)
  --backoff <ms>         delay before the first retry, doubled after each (default 10000)
  --prefix <name>        Redis key prefix shared with the workers (default govcheck)
  --quiet                no per-site progress

Exit status: 0 stopped cleanly (or, with --once, the sweep finished); 2 usage, registry or database
error, or another sweep is running; 3 Redis could not be reached; 130 --once interrupted (resumable).`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    redis: { type: 'string' },
    db: { type: 'string' },
    registry: { type: 'string' },
    cron: { type: 'string' },
    once: { type: 'boolean' },
    resume: { type: 'string' },
    only: { type: 'string' },
    'max-pages': { type: 'string' },
    now: { type: 'string' },
    'allow-private': { type: 'boolean' },
    config: { type: 'string' },
    lang: { type: 'string' },
    'page-delay': { type: 'string' },
    'no-screenshots': { type: 'boolean' },
    concurrency: { type: 'string' },
    attempts: { type: 'string' },
    backoff: { type: 'string' },
    prefix: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (the registry is given with --registry)`);
  if (!values.redis) throw new UsageError('--redis <url> is required');
  const once = values.once === true;
  const resumeId = values.resume === undefined ? null : intFlag('resume', values.resume, 0, 1);
  if (resumeId !== null && !once) throw new UsageError('--resume needs --once');
  if (!once && !values.cron) throw new UsageError('--cron "<expr>" is required (or --once to sweep now)');
  if (!values.registry && resumeId === null) throw new UsageError('--registry <file> is required');
  if (values.registry && !existsSync(values.registry)) throw new UsageError(`--registry: no such file: ${values.registry}`);
  const prefix = redisPrefixFlag(values.redis, values.prefix);
  const fixedNow = values.now === undefined ? null : nowFlag(values.now);
  const base = baseSweepOptions(values);
  const sweepOptions = (): SweepOptions => ({ ...base, now: (fixedNow ?? new Date()).toISOString() });
  const inFlight = intFlag('concurrency', values.concurrency, DEFAULT_IN_FLIGHT, 1);
  const attempts = intFlag('attempts', values.attempts, 3, 1);
  const backoffMs = intFlag('backoff', values.backoff, 10_000, 0);
  const dbFile = values.db ?? 'govcheck.db';

  const err = (line: string) => process.stderr.write(`govcheck scheduler: ${line}\n`);
  if (!(await redisReachable(values.redis, 'scheduler'))) return 3;
  const db = openStoreFlag(dbFile);
  if (resumeId !== null) {
    const sweep = getSweep(db, resumeId);
    if (!sweep) {
      db.close();
      throw new UsageError(`--resume: no sweep ${resumeId} in ${dbFile}`);
    }
    if (sweep.finishedAt) {
      db.close();
      process.stdout.write(`govcheck scheduler: sweep ${resumeId} already finished at ${sweep.finishedAt}; nothing to resume.\n`);
      return 0;
    }
  }

  const progress = createProgress(process.stderr, { quiet: values.quiet });
  const scheduler = new SweepScheduler({
    redisUrl: values.redis,
    prefix,
    db,
    dbFile,
    registryFile: values.registry ?? '',
    sweepOptions,
    inFlight,
    attempts,
    backoffMs,
    log: err,
    onSweepStart: ({ sweepId, total, done }) => {
      err(`sweep ${sweepId} → ${resolve(dbFile)} via ${displayRedisUrl(values.redis!)} (${Math.min(inFlight, total - done)} queued at once)`);
      progress.start(total, done);
    },
    onRecorded: ({ job, result: r }) => {
      if (job.lane !== 'sweep') progress.note(`  ${job.lane}: ${job.url} → ${r.status}${r.scores.overall !== null ? ` ${r.scores.overall}` : ''} (sweep ${job.sweepId})`);
      else progress.siteDone({ url: job.url, status: r.status, overall: r.scores.overall, pages: r.pages.filter((p) => !p.error).length, error: r.error, durationMs: r.durationMs });
    },
    onRetry: ({ job, reason, delayMs }) => progress.note(`  retry ${job.url} in ${formatDuration(delayMs)} (${reason})`),
    onSummary: (s) => {
      progress.finish();
      process.stdout.write(formatSummary(s, dbFile));
    },
  });

  let signalled: NodeJS.Signals | null = null;
  const stopped = new Promise<void>((resolveStopped) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (signalled) return;
      signalled = signal;
      err(`${signal}: stopping; a sweep in progress stays resumable`);
      void scheduler.stop().then(resolveStopped);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });

  try {
    if (values.cron) {
      const { next } = await scheduler.schedule(values.cron);
      err(`schedule "${values.cron}" (${SCHEDULE_TZ}) registered; next sweep ${next ? taipeiTime(next) : 'not scheduled'}`);
    }
    if (once) {
      let result: SweepSummary;
      try {
        result = await scheduler.runOnce(resumeId);
      } finally {
        progress.finish();
      }
      if (!result.finished) {
        process.stdout.write(formatSummary(result, dbFile));
        err(`sweep ${result.sweepId} interrupted; finish it with: govcheck scheduler --once --resume ${result.sweepId} --redis ${displayRedisUrl(values.redis)} --db ${dbFile}`);
        await stopped;
        return 130;
      }
      process.stdout.write(formatSummary(result, dbFile));
      await scheduler.stop();
      return 0;
    }
    await scheduler.start();
    err(`running; stop with Ctrl-C or SIGTERM`);
    await stopped;
    return 0;
  } catch (e) {
    await scheduler.stop().catch(() => undefined);
    if (e instanceof ScheduleError || e instanceof RegistryError || e instanceof SweepError || e instanceof SweepBusyError) throw new UsageError(e.message);
    throw e;
  } finally {
    db.close();
  }
}

function taipeiTime(d: Date): string {
  return `${d.toLocaleString('sv-SE', { timeZone: SCHEDULE_TZ }).replace(' ', 'T')}+08:00`;
}
