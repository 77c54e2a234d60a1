// --baseline <file>: a previous `check --format json` report; anything else is a usage error naming the file.
import { readFileSync } from 'node:fs';
import { BaselineError, parseBaseline, type Baseline } from '../core/baseline.ts';
import { UsageError } from './args.ts';

export function baselineFlag(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--baseline ${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`--baseline ${file}: not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    return parseBaseline(json);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(`--baseline ${file}: ${e.message}`);
    throw e;
  }
}
