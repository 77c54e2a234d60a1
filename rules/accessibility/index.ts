import type { Rule } from '../../core/types.ts';
import { AXE_RULES } from './axe-rules.ts';
import { bypassBlocks } from './bypass-blocks.ts';
import { contrastOverBackgrounds } from './contrast-over-backgrounds.ts';
import { tableHeaderHasCells } from './table-header-has-cells.ts';

export const accessibilityRules: Rule[] = [...AXE_RULES, bypassBlocks, tableHeaderHasCells, contrastOverBackgrounds];
