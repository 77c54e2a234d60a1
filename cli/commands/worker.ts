// govcheck worker --redis <url>: a stateless site-check worker for distributed sweeps.
import { hostname } from 'node:os';
import { intFlag, parseFlags, UsageError } from '../args.ts';
import { redisPrefixFlag, redisReachable } from '../redis-flag.ts';
import { defaultConcurrency } from '../../worker/concurrency.ts';

export const summary = 'check sites queued in Redis (distributed sweeps) / 分散式檢測工作程序';

export const help = `Usage: govcheck worker --redis <url> [options]

A stateless worker: takes site jobs from Redis (queued by "govcheck scheduler" or "govcheck sweep
--redis"), checks each site with its own Chromium and returns the result. It never opens SQLite; run
as many as you like, on any machine that reaches Redis. Logs one line per job on stdout.
無狀態的檢測工作程序：自 Redis 取得網站工作、檢測後回傳結果，不存取資料庫；可在多台機器上執行多個。

Lanes: two queues with their own slots, so a webmaster's self-check or a CI job never waits behind
a national sweep: <prefix>:sites (sweeps, --concurrency) and <prefix>:interactive (self-check and CI,
--interactive-concurrency). Politeness: one site per host at a time across every worker (a lease in
Redis), one page at a time within a site.

Options:
  --redis <url>                   Redis URL, e.g. redis://127.0.0.1:6379 (required)
  --concurrency <n>               sweep sites checked at once (default: what the machine can carry)
  --interactive-concurrency <n>   self-check/CI sites checked at once, on top (default 1; 0 = none)
  --chrome <path>                 browser executable (default: $GOVCHECK_CHROME, /usr/bin/chromium, …)
  --allow-private                 permit loopback and private-network addresses (refused by default,
                                  whatever a job asks)
  --prefix <name>                 Redis key prefix shared with the scheduler (default govcheck)
  --lock-duration <ms>            how soon a dead worker's site is taken over by another (default 30000)
  --stalled-interval <ms>         how often to look for such sites (default 30000)
  --host-delay <ms>               pause after a site before the next site of the same host (default 1000)
  --grace <s>                     on SIGTERM/SIGINT, let sites in progress finish for this long, then
                                  hand the rest back to the queue (default 30; a second signal: at once)
  --name <name>                   worker name shown on its jobs (default: host:pid)
  --quiet                         no per-job lines

Exit status: 0 stopped by a signal after a clean shutdown; 2 usage error; 3 Redis or the browser
could not be reached.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    redis: { type: 'string' },
    concurrency: { type: 'string' },
    'interactive-concurrency': { type: 'string' },
    chrome: { type: 'string' },
    'allow-private': { type: 'boolean' },
    prefix: { type: 'string' },
    'lock-duration': { type: 'string' },
    'stalled-interval': { type: 'string' },
    'host-delay': { type: 'string' },
    grace: { type: 'string' },
    name: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.redis) throw new UsageError('--redis <url> is required');
  const concurrency = intFlag('concurrency', values.concurrency, defaultConcurrency(), 1);
  const interactive = intFlag('interactive-concurrency', values['interactive-concurrency'], 1, 0);
  const lockDurationMs = intFlag('lock-duration', values['lock-duration'], 30_000, 1_000);
  const stalledIntervalMs = intFlag('stalled-interval', values['stalled-interval'], 30_000, 500);
  const hostDelayMs = intFlag('host-delay', values['host-delay'], 1_000, 0);
  const graceMs = intFlag('grace', values.grace, 30, 0) * 1000;

  const { displayRedisUrl } = await import('../../scheduler/distributed/names.ts');
  const prefix = redisPrefixFlag(values.redis, values.prefix);
  const err = (line: string) => process.stderr.write(`govcheck worker: ${line}\n`);
  if (!(await redisReachable(values.redis, 'worker'))) return 3;

  // The engine loads only now: usage errors above stay instant.
  const { SiteChecker } = await import('../../worker/site-checker.ts');
  const { ChromeNotFoundError } = await import('../../worker/chrome.ts');
  const { closeLighthouse } = await import('../../worker/lighthouse/index.ts');
  const { SiteWorker } = await import('../../scheduler/distributed/site-worker.ts');
  let checker;
  try {
    checker = new SiteChecker({ chromePath: values.chrome, handleSignals: false });
  } catch (e) {
    if (e instanceof ChromeNotFoundError) {
      err(e.message);
      return 3;
    }
    throw e;
  }

  const name = values.name ?? `${hostname()}:${process.pid}`;
  const out = (line: string) => process.stdout.write(`${new Date().toISOString()} ${name} ${line}\n`);
  const worker = new SiteWorker({
    redisUrl: values.redis,
    prefix,
    checker,
    concurrency,
    interactiveConcurrency: interactive,
    allowPrivate: values['allow-private'] === true,
    lockDurationMs,
    stalledIntervalMs,
    hostDelayMs,
    name,
    log: values.quiet ? undefined : out,
  });

  const stopped = new Promise<void>((resolveStopped) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals === 1) {
        err(`${signal}: no new sites; ${worker.inFlight} in progress get ${graceMs / 1000} s to finish (send again to hand them back now)`);
        void worker.close(graceMs).then(({ finished, returned }) => {
          err(`stopped: ${finished} site(s) finished, ${returned} handed back to the queue; ${worker.processed} checked in all`);
          resolveStopped();
        });
      } else if (signals === 2) {
        err(`${signal}: handing the sites in progress back to the queue now`);
        // The first close() then ends as soon as the abandoned checks unwind.
        void worker.returnRunning();
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });

  await worker.start();
  err(
    `ready: ${displayRedisUrl(values.redis)} · ${prefix}:sites ${concurrency} at once` +
      (interactive ? ` · ${prefix}:interactive ${interactive} at once` : ' · no interactive lane') +
      (values['allow-private'] ? ' · private addresses allowed' : ''),
  );
  await stopped;
  await checker.close().catch(() => undefined);
  await closeLighthouse().catch(() => undefined);
  return 0;
}
