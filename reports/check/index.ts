import type { Reporter } from './reporter.ts';
import { jsonReporter } from './json.ts';
import { textReporter } from './text.ts';
import { junitReporter } from './junit.ts';
import { sarifReporter } from './sarif.ts';
import { htmlReporter } from './html.ts';

const REPORTERS: Reporter[] = [textReporter, jsonReporter, junitReporter, sarifReporter, htmlReporter];

export const FORMATS = REPORTERS.map((r) => r.format);

export function reporterFor(format: string): Reporter | undefined {
  return REPORTERS.find((r) => r.format === format);
}
