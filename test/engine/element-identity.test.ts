// Element refs in real Chromium: the gatherers (links, tab stops, axe, 320 px layout) give each element
// they report one ref, written into the DOM only while it is serialised — the live page, axe-core and
// the page's own scripts never see them, and the serialised DOM without them is page.content() exactly.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_REF_ATTRIBUTE, withoutElementRefs } from '../../core/element-identity.js';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { gatherPage, RequestLog } from '../../worker/page-gatherer.ts';
import { PageGatherer } from '../helpers/gather.ts';
import { ROOT } from '../helpers/cli.ts';

let server: FixtureServer;
const gatherer = new PageGatherer({ sampledBecause: 'start', navigationMs: 10_000, pageMs: 40_000, axe: {}, focusOrder: true, narrowLayout: true });

beforeAll(async () => {
  server = await startFixtureServer({ root: join(ROOT, 'test/captures/pages') });
  await gatherer.start();
}, 60_000);

afterAll(async () => {
  await gatherer.close();
  await server?.close();
});

describe('element refs (real Chromium)', () => {
  it('one ref per reported element, in the serialised DOM only; without them it is page.content()', async () => {
    const page = await gatherer.newPage();
    const log = new RequestLog();
    log.attach(page);
    try {
      const { artifacts } = await gatherPage(page, `${server.url}/tw-bad.html`, log, gatherer.options);
      // The same element reached by two gatherers has one ref: the first tab stop is the logo link.
      const logo = artifacts.links.find((l) => l.selector === 'body > header > a')!;
      expect(artifacts.focusOrder[0]?.selector).toBe('body > header > a');
      expect(artifacts.focusOrder[0]?.ref).toBe(logo.ref);
      const refs = [...artifacts.links, ...artifacts.images, ...artifacts.focusOrder].map((r) => r.ref!);
      expect(refs.length).toBeGreaterThan(10);
      for (const ref of new Set(refs)) expect(artifacts.html.split(`${ELEMENT_REF_ATTRIBUTE}="${ref}"`), ref).toHaveLength(2);
      const axeNodes = artifacts.axe!.violations.flatMap((v) => v.nodes);
      expect(axeNodes.filter((n) => n.ref !== undefined).length).toBeGreaterThan(0);
      // Nothing but the serialised DOM carries them: not the live page, nor axe's targets and html, nor snippets.
      expect(await page.evaluate(`document.querySelectorAll('[${ELEMENT_REF_ATTRIBUTE}]').length`)).toBe(0);
      expect(withoutElementRefs(artifacts.html)).toBe(await page.content());
      const { html: _html, ...records } = artifacts;
      expect(JSON.stringify(records)).not.toContain(ELEMENT_REF_ATTRIBUTE);
    } finally {
      await page.close();
    }
  });
});
