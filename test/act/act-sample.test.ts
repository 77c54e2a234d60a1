// A handful of W3C ACT cases run through the real engine and scored like `npm run eval:act`, so a
// regression in the engine (frames, loopback-only navigation) or in govcheck's own accessibility
// rules shows up in `npm test`. The full corpus run is `npm run eval:act`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '../../core/concurrency.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.ts';
import { SiteChecker } from '../../worker/site-checker.ts';
import { fileURLToPath } from 'node:url';
import { axeRuleUnion, checkOptionsFor, loadManifest, mappedCases, scoreCase, type ActCase, type CaseOutcome } from './act-corpus.ts';

// Unedited copies of these cases travel with the repository, so the test runs on any fresh machine.
const SAMPLE_ROOT = fileURLToPath(new URL('./sample-corpus/', import.meta.url));

/** ACT rule, start of the case id, and why the case is here. */
const SAMPLE: [string, string, string][] = [
  ['2779a5', '820fb18c9b', 'failed: axe violation (no title)'],
  ['afw4f7', 'fd406bedf0', 'passed: clean contrast'],
  ['akn7bn', '62673162e2', 'failed: violation inside a srcdoc iframe (axe injected into frames)'],
  ['bc659a', '49d79a4e4e', 'passed: refresh to an outside site answered 204, the page stays'],
  ['d0f69e', '6bb6ca5dcd', 'failed: own rule a11y/table-header-has-cells (headers attribute)'],
  ['d0f69e', '28e0234356', 'passed: header assigned through headers attribute'],
  ['d0f69e', 'c03135d1a5', 'inapplicable: th role=cell'],
  ['cf77f2', '55a6cc3efc', 'failed: own rule a11y/bypass-blocks'],
  ['cf77f2', 'c039d5c079', 'passed: content comes before the repeated block'],
  ['afw4f7', 'e8f3acb1dc', 'failed: own rule a11y/contrast-over-backgrounds (gradient)'],
];

describe('W3C ACT sample through the check engine', () => {
  let server: FixtureServer;
  let checker: SiteChecker;
  let outcomes: CaseOutcome[] = [];
  const all = mappedCases(loadManifest(SAMPLE_ROOT));
  const cases: ActCase[] = SAMPLE.map(([rule, prefix]) => {
    const c = all.find((x) => x.ruleId === rule && x.caseId.startsWith(prefix));
    if (!c) throw new Error(`ACT case ${rule}/${prefix} not in the corpus manifest`);
    return c;
  });

  beforeAll(async () => {
    server = await startFixtureServer({ root: SAMPLE_ROOT });
    checker = new SiteChecker();
    const options = checkOptionsFor(axeRuleUnion(all));
    outcomes = await mapLimit(cases, 2, async (c) => scoreCase(c, await checker.check(`${server.url}/${c.path}`, options), 0));
  });

  afterAll(async () => {
    await checker?.close();
    await server?.close();
  });

  it.each(SAMPLE.map(([rule, prefix, why], i) => ({ rule, prefix, why, i })))('$rule $prefix — $why', ({ i }) => {
    const o = outcomes[i];
    expect(o.error).toBeNull();
    expect(o.agree, `${o.ruleId} ${o.title} (${o.expected}): violations ${JSON.stringify(o.violations)}`).toBe(true);
  });
});
