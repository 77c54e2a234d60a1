// govcheck rules: the rule registry — every rule id with its category, severity, WCAG/Taiwan codes and title.
import { parseLang } from '../../core/i18n.ts';
import { CATEGORIES } from '../../core/types.ts';
import { ALL_RULES } from '../../rules/index.ts';
import { categoriesFlag, parseFlags, UsageError } from '../args.ts';

export const summary = 'list the rules govcheck checks / 列出檢測規則';

export const help = `Usage: govcheck rules [--only <categories>] [--lang zh-TW|en] [--format text|json]

Lists every rule: id, category, severity, WCAG criteria, Taiwan codes and title. axe-core rules are
reported as axe/<rule id>; Lighthouse audits as perf/<audit id>.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { only: { type: 'string' }, lang: { type: 'string' }, format: { type: 'string' } });
  const lang = parseLang(values.lang);
  if (!lang) throw new UsageError(`--lang: expected zh-TW or en, got "${values.lang}"`);
  const cats = categoriesFlag(values.only);
  const rules = ALL_RULES.filter((r) => cats.includes(r.meta.category)).sort((a, b) => CATEGORIES.indexOf(a.meta.category) - CATEGORIES.indexOf(b.meta.category) || a.meta.id.localeCompare(b.meta.id));
  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify(rules.map((r) => r.meta), null, 2)}\n`);
    return 0;
  }
  if (values.format && values.format !== 'text') throw new UsageError(`--format: expected text or json, got "${values.format}"`);
  for (const r of rules) {
    const m = r.meta;
    const codes = [...m.wcag.map((c) => `WCAG ${c}`), ...Object.entries(m.twCodes ?? {}).flatMap(([ed, cs]) => (cs ?? []).map((c) => `${c} (${ed})`))].join(', ');
    process.stdout.write(`${m.id.padEnd(32)} ${m.category.padEnd(13)} ${m.severity.padEnd(9)} ${m.title[lang]}${codes ? `  [${codes}]` : ''}\n`);
  }
  return 0;
}
