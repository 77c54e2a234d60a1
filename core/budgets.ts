// PLACEHOLDER (lead) until the Lighthouse helper writes the real module: keep signatures.
import type { BudgetSpec } from './config.ts';
import type { BudgetResult, SiteResult } from './types.ts';
export function evaluateBudgets(_site: SiteResult, _budgets: BudgetSpec[]): BudgetResult[] {
  return [];
}
