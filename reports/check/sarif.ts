// SARIF 2.1.0 for code-scanning UIs: one run, rules with help text, one result per finding located
// by page URL and CSS selector. Budget failures become results of the rule "govcheck/budget".
import type { CheckReport, Severity } from '../../core/types.ts';
import { ruleHelpUrl, ruleHowToFix, ruleTitle } from '../rule-text.ts';
import type { Reporter } from './reporter.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', serious: 'error', moderate: 'warning', minor: 'note' };

export const sarifReporter: Reporter = {
  format: 'sarif',
  extension: 'sarif',
  render(report: CheckReport) {
    const rules = new Map<string, object>();
    const results: object[] = [];
    const addRule = (id: string, severity: Severity) => {
      if (rules.has(id)) return;
      rules.set(id, {
        id,
        name: id.replace(/[^A-Za-z0-9]+/g, '_'),
        shortDescription: { text: ruleTitle(id, report.lang) ?? id },
        help: { text: ruleHowToFix(id, report.lang) ?? '' },
        helpUri: ruleHelpUrl(id) ?? undefined,
        defaultConfiguration: { level: LEVEL[severity] },
      });
    };
    for (const site of report.sites) {
      if (site.status !== 'ok') {
        addRule('govcheck/site-not-checked', 'critical');
        results.push({ ruleId: 'govcheck/site-not-checked', level: 'error', message: { text: `${site.url}: ${site.status}: ${site.error}` }, locations: [{ physicalLocation: { artifactLocation: { uri: site.url } } }] });
        continue;
      }
      for (const page of site.pages) {
        for (const f of page.findings) {
          addRule(f.rule, f.severity);
          results.push({
            ruleId: f.rule,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri: page.url }, region: f.snippet ? { snippet: { text: f.snippet } } : undefined },
                logicalLocations: f.selector ? [{ fullyQualifiedName: f.selector, kind: 'element' }] : undefined,
              },
            ],
            partialFingerprints: { govcheckFingerprint: f.fingerprint },
            properties: { severity: f.severity, category: f.category, wcag: f.wcag, ...(f.twCodes?.length ? { twCodes: f.twCodes, twEdition: site.twEdition } : {}) },
          });
        }
      }
      for (const b of site.budgets.filter((x) => !x.passed)) {
        addRule('govcheck/budget', 'serious');
        results.push({ ruleId: 'govcheck/budget', level: 'error', message: { text: `${b.metric}: measured ${b.measured ?? 'n/a'}, limit ${b.limit}` }, locations: [{ physicalLocation: { artifactLocation: { uri: b.url ?? site.url } } }] });
      }
    }
    const sarif = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'govcheck', version: report.tool.version, informationUri: 'https://github.com/govcheck/govcheck', rules: [...rules.values()] } },
          invocations: [{ executionSuccessful: report.sites.every((s) => s.status === 'ok') }],
          results,
          // 規範檢核 per site (contract "conformance"), for tools that read run properties.
          properties: { conformance: report.sites.map((s) => ({ url: s.url, twEdition: s.twEdition ?? null, level: s.level ?? null, conformance: s.conformance ?? null })) },
        },
      ],
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
  },
};
