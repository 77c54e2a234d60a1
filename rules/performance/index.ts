import type { Rule } from '../../core/types.ts';
import { lighthouseAudits } from './lighthouse-audits.ts';

export const performanceRules: Rule[] = [lighthouseAudits];
