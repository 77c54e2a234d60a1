// `npm run corpus`: scores the engine against the hand-labelled real-markup corpus. Serves every fetched
// page on 127.0.0.1 (requests off loopback are refused), checks it with the real engine (one page,
// governance + freshness, `now` = the page's capture date) and prints per-rule agreement, date accuracy
// and every disagreement. Pages not fetched (see `npm run corpus:fetch`) are listed and skipped.
//   --json <file>      write per-page outcomes
//   --only <id[,id]>   only these pages
//   --subset           only the pages marked for the vitest subset
//   --runs <n>         check every page n times (default 1); figures are from the first run, and every
//                      rule outcome or date that differs between runs is listed as unstable
// Figures are also given per vendor (the page's front-end maker) and per era (the template's year).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../../fixtures/server.ts';
import { SiteChecker } from '../../worker/site-checker.ts';
import { checkOptionsFor, LABELLED_RULES, loadManifest, pageFile, pageUrlPath, PAGES_ROOT, pct, scorePage, tally, type CorpusPage, type PageScore } from './real-corpus.ts';

const { values } = parseArgs({
  options: { json: { type: 'string' }, only: { type: 'string' }, subset: { type: 'boolean', default: false }, runs: { type: 'string' } },
});
const only = values.only ? new Set(values.only.split(',')) : null;
const all = loadManifest().filter((p) => (!only || only.has(p.id)) && (!values.subset || p.subset));
const present = all.filter((p) => pageFile(p));
const absent = all.filter((p) => !pageFile(p));

const server = await startFixtureServer({ root: PAGES_ROOT });
const checker = new SiteChecker();
const runs = Math.max(1, Number(values.runs ?? 1) || 1);
const scores: PageScore[] = [];
const unstable: string[] = [];
const started = Date.now();
try {
  for (const p of present) {
    const url = `${server.url}${pageUrlPath(p)}`;
    let result = await checker.check(url, checkOptionsFor(p));
    // One retry when the load itself failed (a busy machine); both attempts count for nothing else.
    if (result.status !== 'ok') result = await checker.check(url, checkOptionsFor(p));
    const first = scorePage(p, result);
    scores.push(first);
    for (let run = 2; run <= runs; run++) {
      const again = scorePage(p, await checker.check(url, checkOptionsFor(p)));
      for (const [i, v] of first.rules.entries()) {
        const w = again.rules[i]!;
        if (w.engine !== v.engine) unstable.push(`${p.id}  ${v.rule}: run 1 ${v.engine}, run ${run} ${w.engine}`);
      }
      if (again.engineDate !== first.engineDate) unstable.push(`${p.id}  newest date: run 1 ${first.engineDate ?? 'none'}, run ${run} ${again.engineDate ?? 'none'}`);
    }
    process.stderr.write(`corpus ${scores.length}/${present.length} ${p.id}\n`);
  }
} finally {
  await checker.close();
  await server.close();
}

const t = tally(scores);
const out: string[] = [];
out.push(`Real-markup corpus: ${present.length} pages checked, ${absent.length} not fetched (${Math.round((Date.now() - started) / 1000)} s)`);
if (absent.length) out.push(`  not fetched (npm run corpus:fetch): ${absent.map((p) => p.id).join(', ')}`);
const failed = scores.filter((s) => s.status !== 'ok');
for (const s of failed) out.push(`  ${s.id}: check ${s.status}: ${s.error}`);
out.push('', 'Per rule (agree/total):');
for (const rule of LABELLED_RULES) {
  const r = t.perRule[rule] ?? { agree: 0, total: 0 };
  out.push(`  ${rule.padEnd(28)} ${String(r.agree).padStart(3)}/${r.total}  ${pct(r.agree, r.total)}`);
}
out.push(`  ${'all labelled rules'.padEnd(28)} ${String(t.rulesAgree).padStart(3)}/${t.rulesTotal}  ${pct(t.rulesAgree, t.rulesTotal)}`);
out.push(`Newest content date exact: ${t.datesExact}/${t.datesTotal}  ${pct(t.datesExact, t.datesTotal)}`);
// Per vendor and per era (the template's year, in five-year spans): where the engine is strong and where not.
/** The template's year: page ids end in it (vac-2016); else the capture year (a template can be captured years later). */
const templateYear = (p: CorpusPage) => Number(/-(\d{4})$/.exec(p.id)?.[1] ?? p.captureDate.slice(0, 4));
const groups = (key: (p: CorpusPage) => string) => {
  const by = new Map<string, PageScore[]>();
  for (const s of scores) {
    const k = key(all.find((p) => p.id === s.id)!);
    by.set(k, [...(by.get(k) ?? []), s]);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b));
};
for (const [title, key] of [['vendor', (p: CorpusPage) => p.vendor.split(' (')[0]!], ['era', (p: CorpusPage) => { const y = templateYear(p); return `${y - (y % 5)}-${y - (y % 5) + 4}`; }]] as const) {
  out.push('', `Per ${title} (pages: rules agree, dates exact):`);
  for (const [k, list] of groups(key)) {
    const g = tally(list);
    out.push(`  ${k.padEnd(28)} ${String(list.length).padStart(2)}: rules ${g.rulesAgree}/${g.rulesTotal} (${pct(g.rulesAgree, g.rulesTotal)}), dates ${g.datesExact}/${g.datesTotal}`);
  }
}
out.push('', 'Disagreements (page, rule: label vs engine):');
for (const s of scores) {
  for (const v of s.rules.filter((x) => !x.agree)) {
    out.push(`  ${s.id}  ${v.rule}: label ${v.expected} vs engine ${v.engine}${v.message ? ` — ${v.message.slice(0, 140)}` : ''}`);
  }
  if (!s.dateExact) out.push(`  ${s.id}  newest date: label ${s.expectedDate ?? 'none'} vs engine ${s.engineDate ?? 'none'}${s.engineDateRaw ? ` (read "${s.engineDateRaw.slice(0, 60)}")` : ''}`);
}
if (runs > 1) {
  out.push('', `Stability over ${runs} runs: ${unstable.length ? `${unstable.length} outcome(s) changed` : 'every outcome and date the same'}`);
  for (const u of unstable) out.push(`  ${u}`);
}
out.push('', `corpus: rules ${t.rulesAgree}/${t.rulesTotal} (${pct(t.rulesAgree, t.rulesTotal)}), dates exact ${t.datesExact}/${t.datesTotal} (${pct(t.datesExact, t.datesTotal)})`);
console.log(out.join('\n'));
if (values.json) writeFileSync(values.json, JSON.stringify({ scores, tally: t, absent: absent.map((p) => p.id), unstable }, null, 2));
// A regression gate where the pages exist: an outcome or date the manifest does not list as a known
// disagreement that differs from its label fails the run (exit 1).
const regressions = scores.flatMap((s) => {
  const p = all.find((x) => x.id === s.id)!;
  return [...s.rules.filter((v) => !v.agree && !p.known?.[v.rule]).map((v) => `${s.id} ${v.rule}`), ...(!s.dateExact && !p.known?.date ? [`${s.id} date`] : [])];
});
if (regressions.length) console.error(`corpus: ${regressions.length} disagreement(s) not listed as known: ${regressions.join(', ')}`);
process.exitCode = regressions.length || failed.length ? 1 : 0;
