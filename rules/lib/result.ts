// Small constructors so every rule reports outcomes the same way.
import type { FindingDraft, Localized, RuleResult } from '../../core/types.ts';

export const pass = (): RuleResult => ({ applicable: true, findings: [] });

export const notApplicable = (): RuleResult => ({ applicable: false, findings: [] });

/** The rule could not check this page (e.g. axe did not run, or did not run this rule). */
export const notRun = (): RuleResult => ({ applicable: false, findings: [], ran: false });

export const fail = (...findings: FindingDraft[]): RuleResult => ({ applicable: true, findings });

/** Applicable; fails when findings is non-empty. */
export const resultOf = (findings: FindingDraft[]): RuleResult => ({ applicable: true, findings });

export const msg = (zh: string, en: string): Localized => ({ 'zh-TW': zh, en });
