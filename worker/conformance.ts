// 規範檢核: the verdict per 網站無障礙規範 machine-check code, per page and per site (Freego's rule: a level is
// met only when every code of that level and below passes on every checked page). Pure; assemble.ts feeds it
// which rules ran on which page and the findings they placed.
import { codesForLevel, levelRank } from '../core/tw-a11y.ts';
import type { A11yLevel, CodeStatus, Conformance, ConformanceCode, Finding, PageConformance, TwEdition } from '../core/types.ts';
import { A11Y_LEVELS } from '../core/types.ts';

/** One rule's run on one page: applicable or not (a rule that did not run on the page has no entry). */
export interface RuleRun {
  rule: string;
  page: string;
  applicable: boolean;
}

export interface ConformanceInput {
  edition: TwEdition;
  level: A11yLevel;
  /** Codes of the edition each selected rule checks (rule id → codes). */
  ruleCodes: Map<string, string[]>;
  runs: RuleRun[];
  pages: { url: string; findings: Finding[] }[];
  offCodes: readonly string[];
  pagesNotChecked: { url: string; reason: string }[];
}

/** The highest level up to `level` whose codes (and every lower level's) all pass or do not apply. */
export function meetsLevel(codes: { level: A11yLevel; status: CodeStatus }[], level: A11yLevel): A11yLevel | null {
  let met: A11yLevel | null = null;
  for (const l of A11Y_LEVELS) {
    if (levelRank(l) > levelRank(level)) break;
    const ok = codes.filter((c) => levelRank(c.level) <= levelRank(l)).every((c) => c.status === 'pass' || c.status === 'not-applicable');
    if (!ok) break;
    met = l;
  }
  return met;
}

export function computeConformance(input: ConformanceInput): { site: Conformance; pages: Map<string, PageConformance> } {
  const catalogue = codesForLevel(input.edition, input.level);
  const rulesOf = new Map<string, string[]>();
  for (const [rule, codes] of input.ruleCodes) for (const c of codes) rulesOf.set(c, [...(rulesOf.get(c) ?? []), rule]);
  const runsByPage = new Map<string, RuleRun[]>();
  for (const r of input.runs) runsByPage.set(r.page, [...(runsByPage.get(r.page) ?? []), r]);

  const pages = new Map<string, PageConformance>();
  const perCode = new Map<string, { fail: number; pass: number; na: number; findings: number; ran: Set<string> }>();
  for (const c of catalogue) perCode.set(c.code, { fail: 0, pass: 0, na: 0, findings: 0, ran: new Set() });

  for (const page of input.pages) {
    const runs = runsByPage.get(page.url) ?? [];
    const codes: PageConformance['codes'] = [];
    for (const c of catalogue) {
      const stat = perCode.get(c.code)!;
      if (input.offCodes.includes(c.code)) {
        codes.push({ code: c.code, status: 'not-checked', findings: 0 });
        continue;
      }
      const checkers = new Set(rulesOf.get(c.code) ?? []);
      const mine = runs.filter((r) => checkers.has(r.rule));
      for (const r of mine) stat.ran.add(r.rule);
      const findings = page.findings.filter((f) => f.twCodes?.includes(c.code)).length;
      let status: CodeStatus;
      if (findings > 0) status = 'fail';
      else if (mine.some((r) => r.applicable)) status = 'pass';
      else if (mine.length) status = 'not-applicable';
      else status = 'not-checked';
      if (status === 'fail') stat.fail++;
      if (status === 'pass') stat.pass++;
      if (status === 'not-applicable') stat.na++;
      stat.findings += findings;
      codes.push({ code: c.code, status, findings });
    }
    const judged = codes.filter((x) => !input.offCodes.includes(x.code)).map((x) => ({ ...x, level: catalogue.find((c) => c.code === x.code)!.level }));
    pages.set(page.url, { meets: meetsLevel(judged, input.level), codes });
  }

  const codes: ConformanceCode[] = catalogue.map((c) => {
    const s = perCode.get(c.code)!;
    const status: CodeStatus = input.offCodes.includes(c.code) ? 'not-checked' : s.fail ? 'fail' : s.pass ? 'pass' : s.na ? 'not-applicable' : 'not-checked';
    return { code: c.code, level: c.level, sc: c.sc, status, pages: s.fail, findings: s.findings, rules: [...s.ran].sort() };
  });
  const openFormatList = input.pages.flatMap((p) =>
    p.findings
      .filter((f) => f.rule === 'tw/open-formats')
      .map((f) => ({ pageUrl: p.url, href: typeof f.data?.href === 'string' ? f.data.href : null, format: typeof f.data?.format === 'string' ? f.data.format : null, snippet: f.snippet })),
  );
  return {
    site: {
      edition: input.edition,
      level: input.level,
      // Codes switched off in the config are left out of the verdict (the user's explicit choice).
      meets: input.pages.length ? meetsLevel(codes.filter((c) => !input.offCodes.includes(c.code)), input.level) : null,
      codes,
      pagesChecked: input.pages.length,
      pagesNotChecked: input.pagesNotChecked,
      openFormatList,
    },
    pages,
  };
}
