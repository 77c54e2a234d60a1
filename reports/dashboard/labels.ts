// Dashboard wording in both languages (category, status and severity labels come from the sweep report).
import { CATEGORY_LABEL, SEVERITY_LABEL, STATUS_LABEL, type Label } from '../sweep-report/html.ts';

export { CATEGORY_LABEL, SEVERITY_LABEL, STATUS_LABEL };

export const LIFECYCLE_LABEL: Record<string, Label> = {
  new: ['新發現', 'new'],
  open: ['仍未修正', 'still open'],
  regressed: ['再次出現', 'regressed'],
  fixed: ['已修正', 'fixed'],
  waived: ['已豁免', 'waived'],
};

export const LANE_LABEL: Record<string, Label> = {
  sweep: ['全國檢測', 'national sweep'],
  'self-check': ['自行複檢', 'self-check'],
  ci: ['CI 檢測', 'CI check'],
};

export const WAIVER_LABEL: Record<string, Label> = {
  requested: ['審查中', 'under review'],
  approved: ['已核准', 'approved'],
  rejected: ['已駁回', 'rejected'],
};

export const JOB_LABEL: Record<string, Label> = {
  queued: ['排隊中', 'queued'],
  running: ['檢測中', 'running'],
  done: ['已完成', 'done'],
};

export const SAMPLED_LABEL: Record<string, Label> = {
  start: ['首頁', 'start page'],
};

export const labelOf = (table: Record<string, Label>, key: string): Label => table[key] ?? [key, key];
