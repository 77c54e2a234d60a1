// `npm run corpus:fetch`: rebuilds the real-markup corpus pages that are not in the repository (their
// licence does not allow copying) from their public sources, into corpus/real/pages/<id>/ (git-ignored).
// Each page's folder in its source repository is extracted at the recorded commit, with its own CSS,
// scripts and images, so the page loads from 127.0.0.1 as it did on its site. Sources, in order:
//   1. a local git mirror: $GOVCHECK_MIRROR/<owner>+<name>/repo (default /work/.mirror), via `git archive`;
//   2. with network: https://codeload.github.com/<owner>/<name>/tar.gz/<commit>.
// Third-party tracking scripts (Google Analytics / Tag Manager) are removed; nothing else is changed.
// Outside URLs stay as they are: the scoring answers every request off 127.0.0.1 with an error.
//   --force   re-extract pages that are already there
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadManifest, PAGES_ROOT, type CorpusPage } from './real-corpus.ts';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
const MIRROR = process.env.GOVCHECK_MIRROR || '/work/.mirror';
/** Folders and files a page never needs (design sources, build caches). */
const EXCLUDES = ['.sass-cache', 'sass', 'scss', 'psd', 'node_modules', '.DS_Store', '*.psd', '*.ai', '*.mp4', '*.zip'];

function archiveFromMirror(p: CorpusPage, dest: string, folder: string): boolean {
  const git = join(MIRROR, p.source.repo.replace('/', '+'), 'repo');
  if (!existsSync(git)) return false;
  const tar = execFileSync('git', ['-C', git, 'archive', '--format=tar', p.source.commit, folder === '.' ? '.' : folder], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dest, ...EXCLUDES.flatMap((e) => ['--exclude', e])], { input: tar, maxBuffer: 1 << 30 });
  return true;
}

async function archiveFromGitHub(p: CorpusPage, dest: string, folder: string): Promise<void> {
  const url = `https://codeload.github.com/${p.source.repo}/tar.gz/${p.source.commit}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const buf = Buffer.from(await res.arrayBuffer());
  // GitHub tarballs hold one top folder <name>-<commit>/.
  const top = `${p.source.repo.split('/')[1]}-${p.source.commit}`;
  const member = folder === '.' ? top : `${top}/${folder}`;
  execFileSync('tar', ['-xz', '-C', dest, '--strip-components=1', ...EXCLUDES.flatMap((e) => ['--exclude', e]), member], { input: buf, maxBuffer: 1 << 30 });
}

const TRACKERS = /<script\b[^>]*(googletagmanager\.com|google-analytics\.com)[^>]*>\s*<\/script>|<script\b[^>]*>(?:(?!<\/script>)[\s\S])*?(gtag\(|GoogleAnalyticsObject|googletagmanager)(?:(?!<\/script>)[\s\S])*?<\/script>/gi;

function stripTrackers(file: string): number {
  const html = readFileSync(file, 'latin1');
  let n = 0;
  const out = html.replace(TRACKERS, () => {
    n++;
    return '';
  });
  if (n) writeFileSync(file, out, 'latin1');
  return n;
}

const pages = loadManifest();
let fetched = 0;
let present = 0;
const failed: string[] = [];
for (const p of pages) {
  const dest = join(PAGES_ROOT, p.id);
  const file = join(dest, p.source.path);
  if (existsSync(file) && !values.force) {
    present++;
    continue;
  }
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const folder = dirname(p.source.path);
  try {
    if (!archiveFromMirror(p, dest, folder)) await archiveFromGitHub(p, dest, folder);
    if (!existsSync(file)) throw new Error(`${p.source.path} is not in ${p.source.repo}@${p.source.commit.slice(0, 8)}`);
    const removed = stripTrackers(file);
    writeFileSync(join(dest, '.source.json'), JSON.stringify({ ...p.source, trackersRemoved: removed }, null, 2));
    fetched++;
  } catch (e) {
    rmSync(dest, { recursive: true, force: true });
    failed.push(`${p.id}: ${(e as Error).message.split('\n')[0]}`);
  }
}
console.log(`corpus:fetch: ${fetched} fetched, ${present} already present, ${failed.length} failed (of ${pages.length}) into ${PAGES_ROOT}`);
for (const f of failed) console.log(`  ${f}`);
process.exitCode = failed.length ? 1 : 0;
