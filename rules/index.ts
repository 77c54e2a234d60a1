// The registry: every rule govcheck knows, grouped by the folder that owns it.
import type { A11yLevel, Category, Rule } from '../core/types.ts';
import { levelRank } from '../core/tw-a11y.ts';
import { accessibilityRules } from './accessibility/index.ts';
import { twRules } from './tw/index.ts';
import { govRules } from './gov/index.ts';
import { freshnessRules } from './freshness/index.ts';
import { securityRules } from './security/index.ts';
import { performanceRules } from './performance/index.ts';

export const ALL_RULES: readonly Rule[] = [
  ...accessibilityRules,
  ...twRules,
  ...govRules,
  ...freshnessRules,
  ...securityRules,
  ...performanceRules,
];

const byId = new Map(ALL_RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Whether a rule id is switched off by a disabled list ('gov/*' disables a whole prefix). */
export function isDisabled(id: string, disabled: readonly string[]): boolean {
  return disabled.some((d) => d === id || (d.endsWith('/*') && id.startsWith(d.slice(0, -1))));
}

/** Rules of the chosen categories minus disabled ids ('gov/*' disables a whole prefix). */
export function selectRules(categories: readonly Category[], disabled: readonly string[] = [], level?: A11yLevel): Rule[] {
  // Rules of a higher conformance level than the one checked (AAA code rules at AA) do not run, and
  // nothing is gathered for them.
  return ALL_RULES.filter((r) => categories.includes(r.meta.category) && !isDisabled(r.meta.id, disabled) && (!level || !r.meta.level || levelRank(r.meta.level) <= levelRank(level)));
}
