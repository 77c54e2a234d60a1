// Command dispatcher. Each command lives in cli/commands/<name>.ts and exports
// `run(argv): Promise<number>` (the exit status) and `help` (its --help text).
import { UsageError } from './args.ts';
import { VERSION } from '../core/version.ts';

type Command = { run(argv: string[]): Promise<number>; help: string; summary: string };

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: () => import('./commands/check.ts'),
  audit: () => import('./commands/audit.ts'),
  sweep: () => import('./commands/sweep.ts'),
  report: () => import('./commands/report.ts'),
  worker: () => import('./commands/worker.ts'),
  scheduler: () => import('./commands/scheduler.ts'),
  serve: () => import('./commands/serve.ts'),
  prune: () => import('./commands/prune.ts'),
  demo: () => import('./commands/demo.ts'),
  rules: () => import('./commands/rules.ts'),
};

async function usage(): Promise<string> {
  const lines = [`govcheck ${VERSION} — 政府網站即時檢核 / government website inspection`, '', 'Usage: govcheck <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const summary = await load().then((c) => c.summary).catch(() => null);
    if (summary) lines.push(`  ${name.padEnd(10)} ${summary}`);
  }
  lines.push('', 'Run "govcheck <command> --help" for the options of a command.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await usage()}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`govcheck: unknown command "${name}" (run govcheck --help)\n`);
    return 2;
  }
  let command: Command;
  try {
    command = await load();
  } catch (e) {
    process.stderr.write(`govcheck: command "${name}" is not available: ${(e as Error).message}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`govcheck ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
