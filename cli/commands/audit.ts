// govcheck audit <dir>: run the rules on artifacts saved by `check --save-artifacts`, with no browser,
// and print the report the check printed (Lighthouse's gather/audit split).
import { evaluateBudgets } from '../../core/budgets.ts';
import { parseLang } from '../../core/i18n.ts';
import type { SiteResult } from '../../core/types.ts';
import { reporterFor, FORMATS } from '../../reports/check/index.ts';
import { replayCapture } from '../../worker/capture.ts';
import { readArtifactsDir } from '../artifacts-dir.ts';
import { numberFlag, parseFlags, UsageError } from '../args.ts';
import { emitCheckReport } from '../check-output.ts';

export const summary = 'run the rules on saved artifacts, no browser / 以已儲存的檢測資料重新評估';

export const help = `Usage: govcheck audit [options] <dir>

Run the rules on the artifacts that "govcheck check --save-artifacts <dir>" wrote and print the report
the check printed: same findings, scores and fingerprints, with no browser and no network. The check's
categories, config (budgets, rule options, waivers), reference date and language are read from <dir>.

Options:
  --format <f>           ${FORMATS.join(', ')} (default text)
  --output <file>        write the report there instead of stdout
  --fail-under <n>       exit 1 when a site's overall score is below n
  --lang <zh-TW|en>      report language (default: the language of the check)

Exit status as for check: 0 within every budget; 1 a budget or --fail-under failed; 2 usage error (e.g.
<dir> is not a --save-artifacts directory); 3 a site could not be checked when the artifacts were gathered.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-under': { type: 'string' },
    lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one directory (usage: govcheck audit [options] <dir>)');
  const format = values.format ?? 'text';
  const reporter = reporterFor(format);
  if (!reporter) throw new UsageError(`--format: unknown format "${format}" (known: ${FORMATS.join(', ')})`);
  const failUnder = numberFlag('fail-under', values['fail-under']);
  const lang = values.lang === undefined ? undefined : parseLang(values.lang);
  if (lang === null) throw new UsageError(`--lang: expected zh-TW or en, got "${values.lang}"`);

  const { manifest, sites: saved } = readArtifactsDir(positionals[0]);
  const sites: SiteResult[] = saved.map((s) => {
    if ('result' in s) return s.result;
    const result = replayCapture(s.capture, lang ?? s.capture.lang);
    result.budgets = evaluateBudgets(result, s.capture.config.budgets);
    return result;
  });
  return emitCheckReport(sites, { command: 'audit', reporter, format, now: new Date(manifest.now), lang: lang ?? manifest.lang, output: values.output, failUnder });
}
