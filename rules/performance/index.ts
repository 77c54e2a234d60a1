import type { Rule } from '../../core/types.ts';

export const performanceRules: Rule[] = [];
