// A reporter turns a CheckReport (the contract JSON) into one output format. Reporters are pure:
// they never run checks and never read the store.
import type { CheckReport } from '../../core/types.ts';

export interface ReporterOptions {
  /** Whether the output goes to a colour terminal (text format only). */
  color: boolean;
}

export interface Reporter {
  format: string;
  /** File extension for --output suggestions. */
  extension: string;
  render(report: CheckReport, opts: ReporterOptions): string;
}
