import type { Rule } from '../../core/types.ts';
import { noDate } from './no-date.ts';
import { staleNews } from './stale-news.ts';

export const freshnessRules: Rule[] = [staleNews, noDate];
