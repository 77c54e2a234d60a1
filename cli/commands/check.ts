// govcheck check <url…>: check sites now, no database (CI pipelines, webmasters).
import { availableParallelism, constants as osConstants } from 'node:os';
import { evaluateBudgets } from '../../core/budgets.ts';
import { parseLang } from '../../core/i18n.ts';
import type { SiteResult } from '../../core/types.ts';
import { reporterFor, FORMATS } from '../../reports/check/index.ts';
import { ChromeNotFoundError } from '../../worker/chrome.ts';
import { SiteChecker } from '../../worker/site-checker.ts';
import { closeLighthouse } from '../../worker/lighthouse/index.ts';
import { AddressPolicy, DnsError, parseSiteUrl, UnsafeUrlError } from '../../worker/url-guard.ts';
import { applyTwFlags, categoriesFlag, configFlag, intFlag, nowFlag, numberFlag, parseFlags, screenshotsFlag, TW_FLAGS_HELP, UsageError } from '../args.ts';
import { mapLimit } from '../../core/concurrency.ts';
import { prepareArtifactsDir, writeFailedSite, writeManifest, writeSiteCapture } from '../artifacts-dir.ts';
import { emitCheckReport } from '../check-output.ts';
import { expiredWaivers } from '../../core/config.ts';
import { authFromFlags, hasAuth, SiteAuthError, type SiteAuth } from '../../core/site-auth.ts';
import { baselineFlag } from '../baseline-flag.ts';

export { isoTaipei } from '../check-output.ts';

export const summary = 'check sites now and print a report (CI, webmasters) / 立即檢測網站';

export const help = `Usage: govcheck check [options] <url…>

Check each URL as a site (the URL is its start page; up to --max-pages pages of the same origin are
sampled) and print a report. No database needed.

Options:
  --only <list>          categories: accessibility,performance,freshness,governance,security (default all)
  --max-pages <n>        pages per site, start page included (default 5); 1 = exactly the given URL
  --format <f>           ${FORMATS.join(', ')} (default text)
  --output <file>        write the report there instead of stdout
  --config <file>        JSON config: budgets, thresholds, rule options, waivers
  --fail-under <n>       exit 1 when a site's overall score is below n
  --now <date>           reference date for freshness (YYYY-MM-DD or ISO time; Asia/Taipei when no zone)
${TW_FLAGS_HELP}
  --allow-private        permit loopback and private-network addresses (refused by default)
  --chrome <path>        browser executable (default: $GOVCHECK_CHROME, /usr/bin/chromium, other standard paths)
  --concurrency <n>      sites checked at once (default: number of cores)
  --lang <zh-TW|en>      report language (default from the locale; zh-TW when it starts with zh)
  --form-factor <f>      Lighthouse: mobile (default) or desktop
  --runs <n>             Lighthouse runs per page; the median run is kept (default 1)
  --save-artifacts <dir> also write every page's and site's artifacts there as JSON (replay: govcheck audit <dir>);
                         with --screenshots the captures carry the screenshots too
  --screenshots          element screenshots of findings (the first few visible ones per rule and page),
                         taken during the same page load; in the JSON and HTML reports (off by default;
                         config "screenshots" sets how many and how large)
  --no-screenshots       no screenshots, whatever the config says
  --header 'Name: value' request header for the checked site's own origin only (repeatable)
  --cookie name=value    cookie for the checked site's own origin only (repeatable)
  --baseline <file>      a previous JSON report: findings are marked new or unchanged, fixed ones listed;
                         exit 1 also when there is a new serious or critical finding
  --quiet                no progress on stderr

Sites behind a login: --header, --cookie and HTTP basic auth from the environment variable
GOVCHECK_BASIC_AUTH=user:password (never a flag) go to the checked site's origin only (never to
third-party requests) and are redacted from every report and message.

Exit status: 0 within every budget; 1 a budget or --fail-under failed (also when a site has no
overall score to compare); 2 usage or input error; 3 at least one site could not be checked;
143/130 interrupted by SIGTERM/SIGINT (no report written).`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    only: { type: 'string' },
    'max-pages': { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    config: { type: 'string' },
    'fail-under': { type: 'string' },
    now: { type: 'string' },
    'allow-private': { type: 'boolean' },
    chrome: { type: 'string' },
    concurrency: { type: 'string' },
    lang: { type: 'string' },
    'form-factor': { type: 'string' },
    runs: { type: 'string' },
    quiet: { type: 'boolean' },
    'save-artifacts': { type: 'string' },
    level: { type: 'string' },
    'tw-edition': { type: 'string' },
    header: { type: 'string', multiple: true },
    cookie: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    screenshots: { type: 'boolean' },
    'no-screenshots': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('no URL given (usage: govcheck check [options] <url…>)');
  const categories = categoriesFlag(values.only);
  const maxPages = intFlag('max-pages', values['max-pages'], 5, 1);
  const format = values.format ?? 'text';
  const reporter = reporterFor(format);
  if (!reporter) throw new UsageError(`--format: unknown format "${format}" (known: ${FORMATS.join(', ')})`);
  const failUnder = numberFlag('fail-under', values['fail-under']);
  const now = nowFlag(values.now);
  const lang = parseLang(values.lang);
  if (!lang) throw new UsageError(`--lang: expected zh-TW or en, got "${values.lang}"`);
  const concurrency = intFlag('concurrency', values.concurrency, Math.min(positionals.length, availableParallelism()), 1);
  const config = configFlag(values.config);
  applyTwFlags(config, values.level, values['tw-edition'], now);
  if (values['form-factor'] !== undefined) {
    if (values['form-factor'] !== 'mobile' && values['form-factor'] !== 'desktop') throw new UsageError(`--form-factor: expected mobile or desktop, got "${values['form-factor']}"`);
    config.lighthouse.formFactor = values['form-factor'];
  }
  if (values.runs !== undefined) config.lighthouse.runs = intFlag('runs', values.runs, 1, 1);
  // Off by default: CI checks stay fast.
  config.screenshots.enabled = screenshotsFlag(values.screenshots, values['no-screenshots']) ?? config.screenshots.enabled ?? false;
  const allowPrivate = values['allow-private'] === true;
  const baseline = values.baseline === undefined ? null : baselineFlag(values.baseline);
  let auth: SiteAuth;
  try {
    auth = authFromFlags(values.header ?? [], values.cookie ?? [], process.env.GOVCHECK_BASIC_AUTH);
  } catch (e) {
    if (e instanceof SiteAuthError) throw new UsageError(e.message);
    throw e;
  }
  const saveDir = values['save-artifacts'];
  if (saveDir !== undefined) prepareArtifactsDir(saveDir);

  // Refuse unsafe input before any browser starts: exit 2 with the reason.
  const policy = new AddressPolicy(allowPrivate);
  const urls: string[] = [];
  for (const raw of positionals) {
    try {
      const u = parseSiteUrl(raw);
      await policy.assert(u);
      urls.push(u.href);
    } catch (e) {
      if (e instanceof UnsafeUrlError) throw new UsageError(e.message);
      if (e instanceof DnsError) urls.push(raw); // unreachable: reported per site, exit 3
      else throw e;
    }
  }

  let checker: SiteChecker;
  try {
    checker = new SiteChecker({ chromePath: values.chrome });
  } catch (e) {
    if (e instanceof ChromeNotFoundError) {
      process.stderr.write(`govcheck check: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
  const progress = !values.quiet && process.stderr.isTTY;
  let done = 0;
  const sites: SiteResult[] = [];
  // SIGTERM/SIGINT (a CI job cancelled, Ctrl-C): an interruption, not a site failure. No report is
  // written (a half-checked site would read as an error of the site); the browser and the
  // Lighthouse child are closed, and the exit status follows the shell's 128 + signal convention.
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = signal;
    process.stderr.write(`govcheck check: ${signal}: interrupted; no report written\n`);
    setTimeout(() => process.exit(signalExitCode(signal)), 10_000).unref();
    void Promise.allSettled([checker.close(), closeLighthouse()]).then(() => process.exit(signalExitCode(signal)));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    const results = await mapLimit(urls, concurrency, async (url, index) => {
      if (progress) process.stderr.write(`govcheck: checking ${url} …\n`);
      const result = await checker.check(url, {
        categories,
        maxPages,
        now,
        allowPrivate,
        config,
        lang,
        ...(hasAuth(auth) ? { auth } : {}),
        onPage: progress ? (p) => process.stderr.write(`  ${p.url} (${(p.ms / 1000).toFixed(1)} s)\n`) : undefined,
        onCapture: saveDir !== undefined ? (capture) => writeSiteCapture(saveDir, index, capture) : undefined,
      });
      if (saveDir !== undefined && result.status !== 'ok') writeFailedSite(saveDir, index, result);
      result.budgets = result.status === 'ok' ? evaluateBudgets(result, config.budgets) : [];
      done++;
      if (progress) process.stderr.write(`govcheck: ${done}/${urls.length} ${url} → ${result.status}${result.scores.overall !== null ? ` ${result.scores.overall}` : ''}\n`);
      return result;
    });
    sites.push(...results);
  } finally {
    await checker.close();
    await closeLighthouse();
  }
  if (interrupted) return signalExitCode(interrupted);
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);

  if (saveDir !== undefined) writeManifest(saveDir, { now: now.toISOString(), lang, categories }, sites);
  const warnings = expiredWaivers(config.waivers, now).map(({ index, waiver }) =>
    lang === 'en'
      ? `waivers[${index}] (${waiver.rule}${waiver.url ? ` ${waiver.url}` : ''}) expired on ${waiver.expires}; it no longer applies`
      : `waivers[${index}]（${waiver.rule}${waiver.url ? ` ${waiver.url}` : ''}）已於 ${waiver.expires} 到期，不再適用`,
  );
  return emitCheckReport(sites, { command: 'check', reporter, format, now, lang, output: values.output, failUnder, warnings, baseline });
}

/** The shell's convention for a process ended by a signal: 128 + its number (SIGTERM 143, SIGINT 130). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (osConstants.signals[signal] ?? 15);
}
