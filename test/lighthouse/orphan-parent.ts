// Helper process for lighthouse.test.ts: starts a Lighthouse child, prints its pid, then dies
// abruptly (SIGKILL), as a crashed worker would. The child must notice and exit by itself.
import { LighthouseHost } from '../../worker/lighthouse/host.ts';

const host = new LighthouseHost(process.argv[2] ?? '/usr/bin/chromium');
await host.whenReady();
process.stdout.write(`${host.pid}\n`, () => process.kill(process.pid, 'SIGKILL'));
