// The real-markup corpus: its manifest is complete (source, licence, labels for every page).
// The pages themselves are not in the repository (their licence does not allow copying), so a fresh
// CI machine cannot load them: the engine is scored on them by `npm run corpus` (after
// `npm run corpus:fetch`), which exits 1 when an outcome the manifest does not mark as a known
// disagreement differs from its label.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.ts';
import { expectedOutcomes, LABELLED_RULES, loadManifest } from './real-corpus.ts';

const pages = loadManifest();
const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe('real-markup corpus manifest', () => {
  it('has 20+ pages with unique ids, from several sources and both languages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(new Set(pages.map((p) => p.id)).size).toBe(pages.length);
    expect(new Set(pages.map((p) => p.source.repo)).size).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.lang === 'en').length).toBeGreaterThanOrEqual(3);
    expect(pages.filter((p) => p.lang === 'zh').length).toBeGreaterThanOrEqual(10);
  });

  it('records for every page its source (repo, path, commit), original site, dates and licence', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) {
      const where = `page ${p.id}`;
      expect(p.source.repo, where).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(p.source.path, where).toMatch(/\.(html?|php|aspx?)$/);
      expect(p.source.commit, where).toMatch(/^[0-9a-f]{40}$/);
      expect(p.source.url, where).toBe(`https://github.com/${p.source.repo}/blob/${p.source.commit}/${p.source.path}`);
      expect(p.originalUrl, where).toMatch(/^https?:\/\/[^/]+\.(gov\.tw|gov\.taipei)\//);
      expect(p.agency.length, where).toBeGreaterThan(1);
      expect(p.captureDate, where).toMatch(DAY);
      expect(p.fetchDate, where).toMatch(DAY);
      expect(['copyable', 'not-copyable'], where).toContain(p.licence.status);
      // A page whose licence does not allow copying is never committed.
      if (p.licence.status === 'not-copyable') expect(p.licence.committed, where).toBe(false);
      expect(p.licence.terms.length, where).toBeGreaterThan(20);
      expect(p.licence.evidence.length, where).toBeGreaterThan(10);
    }
  });

  it('labels every page completely, and every known disagreement names a labelled rule and a defect class', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) {
      const l = p.labels;
      const where = `page ${p.id}`;
      expect(Array.isArray(l.bricks.keys), where).toBe(true);
      for (const k of l.bricks.keys) expect(k, where).toMatch(/^[A-Z]$/);
      expect(typeof l.bricks.targetsOk, where).toBe('boolean');
      expect(typeof l.bricks.duplicates, where).toBe('boolean');
      for (const f of ['present', 'first', 'works'] as const) expect(typeof l.skipLink[f], where).toBe('boolean');
      for (const f of ['privacy', 'security', 'openData', 'contact', 'search', 'english', 'viewport'] as const) expect(typeof l[f], `${where} ${f}`).toBe('boolean');
      if (l.newestDate !== null) expect(l.newestDate, where).toMatch(DAY);
      const expected = expectedOutcomes(l);
      for (const r of LABELLED_RULES) expect(['pass', 'fail'], `${where} ${r}`).toContain(expected[r]);
      for (const [key, why] of Object.entries(p.known ?? {})) {
        expect([...LABELLED_RULES, 'date'], where).toContain(key);
        expect(String(why).length, where).toBeGreaterThan(5);
      }
    }
  });

  it('marks a small subset (at most 6 pages) for the engine test', () => {
    const subset = pages.filter((p) => p.subset);
    expect(subset.length).toBeGreaterThanOrEqual(3);
    expect(subset.length).toBeLessThanOrEqual(6);
  });
});

describe('serving corpus pages', () => {
  it('sends a page in the encoding it declares (a Big5 page is not sent as UTF-8), other pages as before', async () => {
    const root = mkdtempSync(join(tmpdir(), 'govcheck-corpus-'));
    // 「最新消息」 in Big5 bytes, under a Big5 http-equiv declaration
    const big5Page = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>'), Buffer.from([0xb3, 0xcc, 0xb7, 0x73, 0xae, 0xf8, 0xae, 0xa7]), Buffer.from('</body></html>')]);
    writeFileSync(join(root, 'old.htm'), big5Page);
    writeFileSync(join(root, 'new.html'), '<html><head><meta charset="utf-8"></head><body>最新消息</body></html>');
    const server = await startFixtureServer({ root });
    try {
      const old = await fetch(`${server.url}/old.htm`);
      expect(old.headers.get('content-type')).toBe('text/html; charset=big5');
      expect(new TextDecoder('big5').decode(await old.arrayBuffer())).toContain('最新消息');
      expect((await fetch(`${server.url}/new.html`)).headers.get('content-type')).toBe('text/html; charset=utf-8');
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
