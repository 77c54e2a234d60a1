// `npm run eval:act`: accuracy of the check engine against the W3C ACT test cases.
// Serves ../shared/corpus/act on 127.0.0.1, checks every case that has mapped axe rules with the real
// engine (one page, accessibility and the governance tw/* code rules, loopback only), scores each case as
// the corpus README says and prints the figures, then scores the 網站無障礙規範 code layer (the codes
// findings carry, only those bearing on each case's rule) on the cases whose ACT rule maps to a success
// criterion with a machine-check code; it ends with the `act:` and `codes:` lines.
//   --json <file>        write per-case outcomes
//   --concurrency <n>    sites checked at once in the one browser (default 3, measured on 2 cores)
//   --rule <id[,id]>     only these ACT rules (development)
//   --every <n>          only every n-th case (development: quick timing runs)
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mapLimit } from '../../core/concurrency.ts';
import { startFixtureServer } from '../../fixtures/server.ts';
import { SiteChecker } from '../../worker/site-checker.ts';
import {
  actLine,
  axeRuleUnion,
  bearingCodes,
  checkOptionsFor,
  CODE_EDITION,
  CODE_LEVEL,
  codesLine,
  codeTallies,
  concernsCodedSc,
  CORPUS_ROOT,
  loadManifest,
  mappedCases,
  ownRulesFor,
  OUTCOMES,
  pct,
  scoreCase,
  tally,
  type ActCase,
  type CaseOutcome,
} from './act-corpus.ts';

/** Measured on this 2-core machine (every 8th case, shared with other jobs): 2 → 42, 3 → 55, 4 → 48 pages/min. */
const DEFAULT_CONCURRENCY = 3;

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    concurrency: { type: 'string' },
    rule: { type: 'string' },
    every: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const manifest = loadManifest();
const all = mappedCases(manifest);
const axeRules = axeRuleUnion(all);
const onlyRules = values.rule ? new Set(values.rule.split(',')) : null;
const every = Math.max(1, Number(values.every ?? 1) || 1);
const cases = (onlyRules ? all.filter((c) => onlyRules.has(c.ruleId)) : all).filter((_, i) => i % every === 0);
const concurrency = Math.max(1, Number(values.concurrency ?? DEFAULT_CONCURRENCY) || DEFAULT_CONCURRENCY);

const server = await startFixtureServer({ root: CORPUS_ROOT });
const checker = new SiteChecker();
const options = checkOptionsFor(axeRules);
const started = Date.now();
let done = 0;
let outcomes: CaseOutcome[];
try {
  const run = async (c: ActCase): Promise<CaseOutcome> => {
    const t = Date.now();
    try {
      const result = await checker.check(`${server.url}/${c.path}`, options);
      return scoreCase(c, result, Date.now() - t);
    } catch (e) {
      return scoreCase(c, null, Date.now() - t, `check threw: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  outcomes = await mapLimit(cases, concurrency, async (c) => {
    let outcome = await run(c);
    // One retry for a load or check error (a busy machine can abort a navigation); both are reported.
    if (outcome.error) outcome = { ...(await run(c)), retriedAfter: outcome.error };
    done++;
    if (!values.quiet && done % 50 === 0) process.stderr.write(`eval:act ${done}/${cases.length} (${Math.round((Date.now() - started) / 1000)} s)\n`);
    return outcome;
  });
} finally {
  await checker.close();
  await server.close();
}
const totalMs = Date.now() - started;

const out: string[] = [];
const line = (s = '') => out.push(s);
const row = (label: string, t: { agree: number; total: number }, extra = '') =>
  line(`  ${label.padEnd(34)} ${String(t.agree).padStart(4)}/${String(t.total).padEnd(4)} ${pct(t).padStart(6)}${extra}`);

const engines = checker.engines();
line(`W3C ACT corpus: ${cases.length} cases with mapped axe rules, ${axeRules.length} axe rules enabled, axe-core ${engines['axe-core']}, Chromium ${engines.chromium ?? '?'}`);
line();
line('Agreement per expected outcome:');
for (const e of OUTCOMES) {
  const mine = outcomes.filter((o) => o.expected === e);
  const reviewOnly = mine.filter((o) => !o.agree && !o.error && o.needsReview.length > 0).length;
  row(e, tally(mine), e === 'failed' ? `   (misses with needs-review only: ${reviewOnly})` : '');
}
row('all', tally(outcomes));
row('rules with axe report "complete"', tally(outcomes, (o) => o.consistency === 'complete'));
const clean = outcomes.filter((o) => !o.offlineCaveat);
row('cases without offline caveats', tally(clean));
line();

line('Per ACT rule (agree/total; F = failed, P = passed, I = inapplicable; own rules in brackets):');
const byRule = new Map<string, CaseOutcome[]>();
for (const o of outcomes) byRule.set(o.ruleId, [...(byRule.get(o.ruleId) ?? []), o]);
for (const [ruleId, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
  const part = (e: string) => {
    const t = tally(list, (o) => o.expected === e);
    return t.total ? `${e[0].toUpperCase()} ${t.agree}/${t.total}` : '';
  };
  const t = tally(list);
  const own = ownRulesFor(ruleId);
  line(
    `  ${ruleId} ${String(t.agree).padStart(3)}/${String(t.total).padEnd(3)} ${[part('failed'), part('passed'), part('inapplicable')].filter(Boolean).join(', ').padEnd(30)} ${list[0].consistency.padEnd(13)}${own.length ? ` [${own.join(', ')}]` : ''}`,
  );
}
line();

const falseOnPassed = outcomes.filter((o) => o.expected === 'passed' && !o.agree && !o.error);
line(`False failures on passed cases: ${falseOnPassed.length}`);
for (const o of falseOnPassed) line(`  ${o.ruleId} ${o.title.padEnd(20)} ${Object.keys(o.violations).join(', ')}  ${o.path}`);
const falseOnInapplicable = outcomes.filter((o) => o.expected === 'inapplicable' && !o.agree && !o.error);
line(`Violations on inapplicable cases: ${falseOnInapplicable.length}`);
for (const o of falseOnInapplicable) line(`  ${o.ruleId} ${o.title.padEnd(20)} ${Object.keys(o.violations).join(', ')}  ${o.path}`);
const missed = outcomes.filter((o) => o.expected === 'failed' && !o.agree && !o.error);
line(`Missed failed cases: ${missed.length}`);
for (const o of missed) line(`  ${o.ruleId} ${o.title.padEnd(20)} ${o.needsReview.length ? `needs review: ${o.needsReview.join(', ')}` : 'no result'}  ${o.path}`);
const reviewed = outcomes.filter((o) => o.needsReview.length > 0);
line(`Cases with needs-review results on mapped rules (not violations): ${reviewed.length}`);
const retried = outcomes.filter((o) => o.retriedAfter);
line(`Retried once after a load/check error: ${retried.length} (${retried.filter((o) => !o.error).length} recovered)`);
for (const o of retried) line(`  ${o.ruleId} ${o.title.padEnd(20)} first try: ${o.retriedAfter}`);
const errors = outcomes.filter((o) => o.error);
line(`Load/check errors (counted as disagreement): ${errors.length}`);
for (const o of errors) line(`  ${o.ruleId} ${o.title.padEnd(20)} ${o.error}  ${o.path}`);
line();

// ---- 網站無障礙規範 code layer: cases whose ACT rule maps to a success criterion that has a machine-check code.
const coded = manifest.filter((c) => concernsCodedSc(c) && (!onlyRules || onlyRules.has(c.ruleId)));
const scored = outcomes.filter((o) => o.codes);
line(`網站無障礙規範 ${CODE_EDITION} codes at level ${CODE_LEVEL}: ${coded.length} ACT cases concern a success criterion with a machine-check code; ${scored.length} scored (a code bears on the case's rule and the case ran)`);
const unscored = new Map<string, { name: string; n: number; why: string }>();
for (const c of coded) {
  if (scored.some((o) => o.ruleId === c.ruleId && o.caseId === c.caseId)) continue;
  const why = !c.axeRules.length ? 'no axe or own rule implements it' : !bearingCodes(c).length ? 'its rules carry no code of its success criteria' : every > 1 || !cases.includes(c) ? 'not run (--every)' : 'not run';
  const u = unscored.get(c.ruleId) ?? { name: c.ruleName, n: 0, why };
  u.n++;
  unscored.set(c.ruleId, u);
}
line(`  not scored: ${[...unscored.values()].reduce((n, u) => n + u.n, 0)} cases of ${unscored.size} rules`);
for (const [id, u] of [...unscored].sort(([a], [b]) => a.localeCompare(b))) line(`    ${id} ${u.name.slice(0, 50).padEnd(50)} ${String(u.n).padStart(3)}  ${u.why}`);
for (const e of OUTCOMES) {
  const mine = scored.filter((o) => o.expected === e);
  row(`codes on ${e}`, { agree: mine.filter((o) => o.codes!.agree).length, total: mine.length });
}
row('codes on all scored cases', { agree: scored.filter((o) => o.codes!.agree).length, total: scored.length });
line('Per code: caught failed / failed it bears on; reported on passed+inapplicable / those it bears on');
for (const t of codeTallies(outcomes)) {
  line(`  ${t.code}  caught ${String(t.caught).padStart(3)}/${String(t.failed).padEnd(4)} false ${String(t.falseReports).padStart(3)}/${String(t.clean).padEnd(4)}${t.falseReports > t.caught ? '  ← more false than caught' : ''}`);
}
const codeMisses = scored.filter((o) => !o.codes!.agree);
line(`Code disagreements: ${codeMisses.length}`);
for (const o of codeMisses) line(`  ${o.ruleId} ${o.title.padEnd(20)} ${o.expected.padEnd(12)} reported: ${o.codes!.reported.join(', ') || '—'}  ${o.path}`);
line();

const pagesPerMin = outcomes.length / (totalMs / 60_000);
line(`Throughput: ${pagesPerMin.toFixed(1)} pages/min at concurrency ${concurrency}; total ${(totalMs / 1000).toFixed(1)} s`);
line(actLine(outcomes));
line(codesLine(outcomes));
process.stdout.write(`${out.join('\n')}\n`);

if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ totalMs, concurrency, pagesPerMin, axeRules, outcomes }, null, 1)}\n`);
}
