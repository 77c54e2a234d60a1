// axe-core violations as govcheck findings: one `axe/<rule id>` finding per failing element, with
// axe's impact as severity (contract). Titles come in zh-TW from axe's own zh_TW locale.
import { createRequire } from 'node:module';
import type { AxeRuleResult, FindingDraft, PageRule } from '../../core/types.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';

const require = createRequire(import.meta.url);
const zhTW: { rules: Record<string, { help?: string; description?: string }> } = require('axe-core/locales/zh_TW.json');

/** Elements reported per rule per page; the rest are counted in the last finding's data. */
export const MAX_NODES_PER_RULE = 50;

/** 'wcag111' → '1.1.1', 'wcag1410' → '1.4.10'. */
export function wcagFromTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(t);
    if (m) out.push(`${m[1]}.${m[2]}.${m[3]}`);
  }
  return out;
}

export function zhHelp(ruleId: string): string | null {
  return zhTW.rules[ruleId]?.help ?? null;
}

export function axeFindings(rule: AxeRuleResult): FindingDraft[] {
  const wcag = wcagFromTags(rule.tags);
  const zh = zhHelp(rule.id) ?? rule.help;
  const nodes = rule.nodes.slice(0, MAX_NODES_PER_RULE);
  return nodes.map((node, i) => ({
    rule: `axe/${rule.id}`,
    wcag,
    help: rule.helpUrl,
    severity: node.impact ?? rule.impact ?? 'moderate',
    selector: node.target.join(' '),
    snippet: node.html,
    message: msg(zh, node.failureSummary ? `${rule.help}. ${node.failureSummary.replace(/\s+/g, ' ').trim()}` : rule.help),
    data: i === nodes.length - 1 && rule.nodes.length > nodes.length ? { moreElements: rule.nodes.length - nodes.length } : undefined,
  }));
}

export const axeRules: PageRule = {
  meta: {
    id: 'axe',
    requires: ['axe'],
    category: 'accessibility',
    severity: 'serious',
    scope: 'page',
    pages: 'all',
    wcag: [],
    title: msg('axe-core 無障礙檢測', 'axe-core accessibility checks'),
    description: msg(
      '以 axe-core 檢測 WCAG 2.0/2.1/2.2 A、AA 及最佳實務規則；每個違規元素一筆發現。',
      'WCAG 2.0/2.1/2.2 A and AA plus best-practice rules from axe-core; one finding per failing element.',
    ),
    howToFix: msg('依各規則的說明連結修正元素。', "Fix each element as the rule's help page explains."),
    helpUrl: 'https://github.com/dequelabs/axe-core/blob/develop/doc/rule-descriptions.md',
    source: 'axe-core',
    tags: ['axe'],
  },
  check(page) {
    if (!page.axe) return notApplicable();
    return resultOf(page.axe.violations.flatMap(axeFindings));
  },
};
