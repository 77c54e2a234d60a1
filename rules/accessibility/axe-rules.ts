// axe-core rules as registry rules: one `axe/<rule id>` rule per axe-core rule, each with axe's own metadata
// (impact → severity, WCAG SC from tags, help URL, tags, ACT ids) and its Taiwan codes per edition from the
// one table in core/tw-a11y.ts. A violation is one finding per failing element, with the element's impact
// as severity (contract). Titles come in zh-TW from axe's own zh_TW locale.
import { createRequire } from 'node:module';
import type { A11yLevel, AxeRuleResult, FindingDraft, PageRule, Severity, TwCodesByEdition, TwEdition } from '../../core/types.ts';
import { SEVERITIES, TW_EDITIONS } from '../../core/types.ts';
import { AXE_TW_CODES, axeRulesForCodes, codesForLevel, levelRank } from '../../core/tw-a11y.ts';
import { msg, notApplicable, notRun, pass, resultOf } from '../lib/result.ts';

const require = createRequire(import.meta.url);
const zhTW: { rules: Record<string, { help?: string; description?: string }> } = require('axe-core/locales/zh_TW.json');

interface AxeRuleInfo {
  ruleId: string;
  description: string;
  help: string;
  helpUrl: string;
  tags: string[];
  actIds?: string[];
}
interface AxeModule {
  version: string;
  getRules(): AxeRuleInfo[];
  _audit: { rules: { id: string; impact?: string; enabled: boolean }[] };
}
const axe: AxeModule = require('axe-core');

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

const impactOf = new Map(axe._audit.rules.map((r) => [r.id, r.impact]));
const enabledByDefault = new Map(axe._audit.rules.map((r) => [r.id, r.enabled]));

function twCodesOf(id: string): TwCodesByEdition | undefined {
  const byEd = AXE_TW_CODES[id];
  if (!byEd) return undefined;
  const out: TwCodesByEdition = {};
  for (const ed of TW_EDITIONS) if (byEd[ed]?.length) out[ed] = [...byEd[ed]!];
  return out;
}

function severityOf(id: string): Severity {
  const i = impactOf.get(id);
  return (SEVERITIES as readonly string[]).includes(i ?? '') ? (i as Severity) : 'moderate';
}

function axeRule(info: AxeRuleInfo): PageRule {
  const id = info.ruleId;
  const zh = zhTW.rules[id];
  const twCodes = twCodesOf(id);
  return {
    meta: {
      id: `axe/${id}`,
      category: 'accessibility',
      severity: severityOf(id),
      scope: 'page',
      pages: 'all',
      wcag: wcagFromTags(info.tags),
      ...(twCodes ? { twCodes } : {}),
      requires: ['axe'],
      title: msg(zh?.help ?? info.help, info.help),
      description: msg(zh?.description ?? info.description, info.description),
      howToFix: msg('依 axe-core 說明頁修正每個列出的元素。', "Fix each listed element as axe-core's help page explains."),
      helpUrl: info.helpUrl,
      source: `axe-core ${axe.version}`,
      tags: ['axe', ...info.tags],
      ...(info.actIds?.length ? { actIds: info.actIds } : {}),
    },
    check(page) {
      if (!page.axe) return notRun();
      const v = page.axe.violations.find((r) => r.id === id);
      if (v) return resultOf(axeFindings(v));
      if (page.axe.passes.includes(id) || page.axe.incomplete.some((r) => r.id === id)) return pass();
      return page.axe.inapplicable.includes(id) ? notApplicable() : notRun();
    },
  };
}

/** Every axe-core rule as a registry rule `axe/<id>`, in axe's order. */
export const AXE_RULES: PageRule[] = axe.getRules().map(axeRule);

/** axe tags of a conformance level (cumulative); best-practice rules run at every level (several map to codes). */
export function axeTagsForLevel(level: A11yLevel): string[] {
  const tags = ['wcag2a', 'wcag21a', 'wcag22a', 'best-practice'];
  if (levelRank(level) >= 2) tags.push('wcag2aa', 'wcag21aa', 'wcag22aa');
  if (levelRank(level) >= 3) tags.push('wcag2aaa', 'wcag21aaa', 'wcag22aaa');
  return tags;
}

/**
 * The axe rule ids to pass to axe.run for a level and edition: rules tagged with the level's tags (axe's
 * default-off rules only at AAA, where they are AAA rules; deprecated and experimental ones never), plus
 * every rule mapped to a code of that level in that edition, minus rules switched off (`off(ruleId)`).
 */
export function axeRuleIdsFor(level: A11yLevel, edition: TwEdition, off: (ruleId: string) => boolean = () => false): string[] {
  const tags = new Set(axeTagsForLevel(level));
  const mapped = new Set(axeRulesForCodes(edition, codesForLevel(edition, level).map((c) => c.code)));
  const aaaTag = /^wcag2\d?aaa$/;
  return axe
    .getRules()
    .filter((r) => {
      if (mapped.has(r.ruleId)) return true;
      if (r.tags.includes('deprecated') || r.tags.includes('experimental')) return false;
      if (!r.tags.some((t) => tags.has(t))) return false;
      return enabledByDefault.get(r.ruleId) !== false || (levelRank(level) >= 3 && r.tags.some((t) => aaaTag.test(t)));
    })
    .map((r) => r.ruleId)
    .filter((id) => !off(`axe/${id}`));
}
