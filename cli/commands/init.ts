// govcheck init: write a commented starter config (JSON with comments, read by --config as is).
import { taipeiDateOf } from '../../core/taipei.ts';
import { existsSync, writeFileSync } from 'node:fs';
import { defaultConfig } from '../../core/config.ts';
import { parseFlags, UsageError } from '../args.ts';

export const summary = 'write a commented starter config / 產生設定檔範本';

export const DEFAULT_FILE = 'govcheck.config.jsonc';

export const help = `Usage: govcheck init [--output <file>] [--force]

Write a commented starter config for "govcheck check --config <file>" (and sweep/scheduler): the
national ruleset's default weights and thresholds, example budgets, a rule switched off, and an
example waiver with an expiry date. The file is JSON with comments (// and /* */), which --config reads.

Options:
  --output <file>   where to write it (default ${DEFAULT_FILE}; "-" = standard output)
  --force           overwrite an existing file`;

const j = (v: unknown) => JSON.stringify(v);

/** The starter config's text; every value not in an example comes from defaultConfig(). */
export function starterConfig(today: Date = new Date()): string {
  const d = defaultConfig();
  const f = d.ruleOptions.freshness;
  const expires = taipeiDateOf(new Date(today.getTime() + 180 * 86_400_000));
  return `// govcheck 設定檔 / govcheck config — read with: govcheck check --config ${DEFAULT_FILE} <url>
// JSON with comments. Every field is optional; the values below are the national ruleset's defaults
// (what govcheck uses without a config), so delete what you do not change.
{
  // 預算：超出時 govcheck check 以 exit 1 結束（CI 失敗）。
  // Budgets: a check exits 1 when one is exceeded. Without "url" a budget applies to every site; "url"
  // takes '*' wildcards. Metrics (lcpMs, cls, tbtMs, fcpMs, transferBytes) are ceilings, "scores" floors.
  "budgets": [
    { "lcpMs": 2500, "cls": 0.1, "tbtMs": 300, "transferBytes": 3000000 },
    { "scores": { "accessibility": 90, "overall": 80 } }
  ],

  // 各類別分數在總分中的權重 / weight of each category in the overall score.
  "weights": ${j(d.weights)},

  // 內容更新：幾天內滿分、幾天後 0 分；最新消息超過 staleDays 為重大，超過 warnDays 為中度警告。
  // Freshness: full marks up to fullMarksDays, 0 from zeroDays; freshness/stale-news is serious above
  // staleDays and a moderate warning above warnDays.
  "freshness": ${j(f)},

  // 關閉規則或調整規則選項 / switch rules off ("off") or give them options, by rule id
  // ("govcheck rules" lists every id). Example, kept commented out:
  "rules": {
    // "gov/english-version": "off"
  },

  // 豁免：符合的發現不列入報告與分數。expires（YYYY-MM-DD，台北時間）之後豁免失效，報告會註明。
  // Waivers hide matching findings from reports and scores. After "expires" (YYYY-MM-DD, Asia/Taipei)
  // a waiver stops applying and the report says so. "url" takes '*' wildcards; "selector" must match exactly.
  "waivers": [
    {
      "rule": "axe/color-contrast",
      "url": "https://www.example.gov.tw/legacy/*",
      "reason": "舊版頁面，預計改版時修正 / legacy pages, fixed in the redesign",
      "expires": "${expires}"
    }
  ],

  // Lighthouse：行動或桌面、每頁跑幾次取中位數；"pages" 每站跑幾頁（預設：起始頁加一頁）。
  // Lighthouse: mobile or desktop, runs per page (the median is kept); "pages": pages per site
  // (default: the start page and one more), e.g. "pages": 3.
  "lighthouse": ${j({ formFactor: d.lighthouse.formFactor, runs: d.lighthouse.runs })},

  // 逾時（毫秒）/ timeouts in milliseconds: one navigation, one page in all (load, gather, axe).
  "timeouts": ${j(d.timeouts)}
}
`;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { output: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (usage: govcheck init [--output <file>] [--force])`);
  const file = values.output ?? DEFAULT_FILE;
  const text = starterConfig();
  if (file === '-') {
    process.stdout.write(text);
    return 0;
  }
  if (existsSync(file) && !values.force) throw new UsageError(`--output ${file}: the file exists; give --force to overwrite it`);
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`--output ${file}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  process.stderr.write(`govcheck init: wrote ${file}; use it with: govcheck check --config ${file} <url>\n`);
  return 0;
}
