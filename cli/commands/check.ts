// govcheck check <url…>: check sites now, no database (CI pipelines, webmasters).
import { availableParallelism } from 'node:os';
import { evaluateBudgets } from '../../core/budgets.ts';
import { parseLang } from '../../core/i18n.ts';
import type { SiteResult } from '../../core/types.ts';
import { reporterFor, FORMATS } from '../../reports/check/index.ts';
import { ChromeNotFoundError } from '../../worker/chrome.ts';
import { SiteChecker } from '../../worker/site-checker.ts';
import { closeLighthouse } from '../../worker/lighthouse/index.ts';
import { AddressPolicy, DnsError, parseSiteUrl, UnsafeUrlError } from '../../worker/url-guard.ts';
import { applyTwFlags, categoriesFlag, configFlag, intFlag, nowFlag, numberFlag, parseFlags, TW_FLAGS_HELP, UsageError } from '../args.ts';
import { mapLimit } from '../../core/concurrency.ts';
import { prepareArtifactsDir, writeFailedSite, writeManifest, writeSiteCapture } from '../artifacts-dir.ts';
import { emitCheckReport } from '../check-output.ts';

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
  --save-artifacts <dir> also write every page's and site's artifacts there as JSON (replay: govcheck audit <dir>)
  --quiet                no progress on stderr

Exit status: 0 within every budget; 1 a budget or --fail-under failed; 2 usage or input error;
3 at least one site could not be checked.`;

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
  const allowPrivate = values['allow-private'] === true;
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

  if (saveDir !== undefined) writeManifest(saveDir, { now: now.toISOString(), lang, categories }, sites);
  return emitCheckReport(sites, { command: 'check', reporter, format, now, lang, output: values.output, failUnder });
}
