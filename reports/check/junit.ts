// JUnit XML for CI systems: one test suite per site, one test case per rule checked (failures
// carry every finding of the rule), plus one case per budget.
import type { CheckReport, SiteResult } from '../../core/types.ts';
import { escapeXml } from '../escape.ts';
import { ruleTitle } from '../rule-text.ts';
import { codeRows, STATUS_LABEL } from '../conformance.ts';
import type { Reporter } from './reporter.ts';

function suite(site: SiteResult, lang: CheckReport['lang']): string {
  const cases: string[] = [];
  if (site.status !== 'ok') {
    cases.push(`    <testcase classname="govcheck.site" name="${escapeXml(site.url)}"><error type="${escapeXml(site.status)}" message="${escapeXml(site.error)}"/></testcase>`);
  } else {
    const findingsByRule = new Map<string, { page: string; selector: string | null; message: string; severity: string }[]>();
    for (const p of site.pages) for (const f of p.findings) {
      const list = findingsByRule.get(f.rule) ?? [];
      list.push({ page: p.url, selector: f.selector, message: f.message, severity: f.severity });
      findingsByRule.set(f.rule, list);
    }
    const checked = new Set([...site.outcomes.filter((o) => o.outcome !== 'inapplicable').map((o) => o.rule), ...findingsByRule.keys()]);
    for (const rule of [...checked].sort()) {
      const category = rule.split('/')[0];
      const name = `${rule} ${ruleTitle(rule, lang) ?? ''}`.trim();
      const failures = findingsByRule.get(rule);
      if (!failures) {
        cases.push(`    <testcase classname="govcheck.${escapeXml(category)}" name="${escapeXml(name)}"/>`);
        continue;
      }
      const body = failures.map((f) => `[${f.severity}] ${f.page} ${f.selector ?? ''}\n  ${f.message}`).join('\n');
      cases.push(`    <testcase classname="govcheck.${escapeXml(category)}" name="${escapeXml(name)}"><failure type="${escapeXml(failures[0].severity)}" message="${escapeXml(`${failures.length} finding(s)`)}">${escapeXml(body)}</failure></testcase>`);
    }
    // 規範檢核: one case per code of the level; not-checked and not-applicable codes are skipped cases.
    if (site.conformance) {
      const ed = site.conformance.edition;
      for (const r of codeRows(site.conformance, site)) {
        const name = `${r.code} (${ed}, ${r.level}) ${r.title[lang]}`;
        const cls = `govcheck.tw-${ed}`;
        if (r.status === 'fail') {
          const body = r.items.map(({ page, finding }) => `[${finding.rule}] ${page} ${finding.selector ?? ''}\n  ${finding.message}`).join('\n');
          cases.push(`    <testcase classname="${escapeXml(cls)}" name="${escapeXml(name)}"><failure type="tw-code" message="${escapeXml(`${r.pages} page(s), ${r.findings} finding(s)`)}">${escapeXml(body)}</failure></testcase>`);
        } else if (r.status === 'pass') cases.push(`    <testcase classname="${escapeXml(cls)}" name="${escapeXml(name)}"/>`);
        else cases.push(`    <testcase classname="${escapeXml(cls)}" name="${escapeXml(name)}"><skipped message="${escapeXml(STATUS_LABEL[r.status][lang])}"/></testcase>`);
      }
    }
    for (const b of site.budgets) {
      const name = `budget ${b.metric}${b.url ? ` (${b.url})` : ''} ${b.operator ?? '≤'} ${b.limit}`;
      cases.push(
        b.passed
          ? `    <testcase classname="govcheck.budget" name="${escapeXml(name)}"/>`
          : `    <testcase classname="govcheck.budget" name="${escapeXml(name)}"><failure type="budget" message="${escapeXml(`measured ${b.measured ?? 'n/a'}, limit ${b.limit}`)}"/></testcase>`,
      );
    }
  }
  const failures = cases.filter((c) => c.includes('<failure')).length;
  const errors = cases.filter((c) => c.includes('<error')).length;
  const skipped = cases.filter((c) => c.includes('<skipped')).length;
  return `  <testsuite name="${escapeXml(site.url)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${(site.durationMs / 1000).toFixed(1)}" timestamp="${escapeXml(site.startedAt)}">\n${cases.join('\n')}\n  </testsuite>`;
}

export const junitReporter: Reporter = {
  format: 'junit',
  extension: 'xml',
  render(report) {
    const suites = report.sites.map((s) => suite(s, report.lang));
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="govcheck">\n${suites.join('\n')}\n</testsuites>\n`;
  },
};
