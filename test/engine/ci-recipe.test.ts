// The README's CI recipe, executed as written: the shell block after <!-- ci-recipe --> serves a built
// site on 127.0.0.1 with python3 -m http.server and checks it with the real CLI (npx govcheck).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const recipe = /<!-- ci-recipe -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd: ROOT, env: { ...process.env, LANG: 'en_US.UTF-8', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 400_000);
    child.on('error', reject);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

describe('README CI recipe', () => {
  it('the GitHub Actions and GitLab CI snippets run the same step, line for line', () => {
    const lines = recipe.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBe(2);
    for (const block of blocks) {
      const start = block.split('\n').findIndex((l) => l.trim() === lines[0].trim());
      expect(start, block.slice(0, 40)).toBeGreaterThan(0);
      const indent = /^\s*/.exec(block.split('\n')[start])![0].length;
      expect(block.split('\n').slice(start, start + lines.length).map((l) => l.slice(indent))).toEqual(lines);
    }
  });

  it('serves a built site on 127.0.0.1, checks it, fails the build on its errors, writes JUnit and stops the server', async () => {
    expect(recipe).toContain('python3 -m http.server');
    const tmp = mkdtempSync(join(tmpdir(), 'govcheck-ci-'));
    const config = join(tmp, 'govcheck.config.jsonc');
    expect((await runCli(['init', '--output', config])).code).toBe(0);
    const port = await freePort();
    const r = await bash(recipe, {
      SITE_DIR: join(ROOT, 'test/engine/site'),
      PORT: String(port),
      CONFIG: config,
      REPORT_DIR: tmp,
      GOVCHECK_FLAGS: '--only accessibility --max-pages 2 --quiet',
    });
    // The fixture site has known accessibility errors: below the starter config's budgets → exit 1.
    expect(r.stderr).not.toMatch(/Usage|usage error|not found/i);
    expect(r.code).toBe(1);
    const junit = readFileSync(join(tmp, 'govcheck.xml'), 'utf8');
    expect(junit).toContain(`<testsuite name="http://127.0.0.1:${port}/"`);
    expect(junit).toContain('axe/image-alt');
    expect(junit).toMatch(/<failure type="budget"/);
    expect(existsSync(join(tmp, 'govcheck.xml'))).toBe(true);
    expect(await listening(port)).toBe(false);
  }, 420_000);
});
