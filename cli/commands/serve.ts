// Placeholder until the command lands; keeps --help and the dispatcher honest.
import { UsageError } from '../args.ts';

export const summary = '';
export const help = 'govcheck serve: not available yet in this version.';

export async function run(): Promise<number> {
  throw new UsageError('"serve" is not available yet in this version');
}
