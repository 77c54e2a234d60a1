import type { Reporter } from './reporter.ts';

export const jsonReporter: Reporter = {
  format: 'json',
  extension: 'json',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
