import type { Rule } from '../../core/types.ts';
import { axeRules } from './axe-rules.ts';

export const accessibilityRules: Rule[] = [axeRules];
