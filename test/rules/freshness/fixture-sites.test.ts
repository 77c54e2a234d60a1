// Cross-check against the generated demo sites (fixtures/): their manifests record the newest news date
// and whether the footer date is an auto-generated "today". Rendered in memory; no server, no browser.
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_SITES } from '../../../fixtures/demo/sites.ts';
import { renderSiteFiles } from '../../../fixtures/generate.ts';
import { computeFreshness } from '../../../rules/freshness/summary.ts';
import { makePage, makeSite } from '../../helpers/artifacts.ts';

const now = new Date('2026-11-27T00:00:00+08:00');
const sites = DEMO_SITES.filter((s) => (s.behaviour ?? 'ok') === 'ok');
const rendered = new Map<string, ReturnType<typeof renderSiteFiles>>();
const render = (spec: (typeof sites)[number]) => {
  let r = rendered.get(spec.id);
  if (!r) rendered.set(spec.id, (r = renderSiteFiles({ ...spec, seed: 2026 ^ (spec.seed ?? 0) }, DEMO_AGENCIES, { y: 2026, m: 11, d: 27 })));
  return r;
};

describe.each([1, 3])('demo sites, %d sampled page(s)', (maxPages) => {
  it.each(sites.map((s) => [s.id, s.style, s] as const))('%s (%s)', (_id, _style, spec) => {
    const { files, manifest } = render(spec);
    const paths = manifest.pages.filter((p) => !manifest.errors.some((e) => e.path === p)).slice(0, maxPages);
    const pages = paths.map((p) => makePage(files.get(p)!.toString('utf8'), { url: `https://demo.example.gov.tw${p}` }));
    const f = computeFreshness(makeSite(pages), { now });
    expect(f.newestNews?.date ?? null).toBe(manifest.expect.newestNewsDate);
    // the auto-generated footer date (today) must never win over the real content date
    expect(f.lastUpdated).toBe(manifest.knobs.autoFooterDate ? manifest.expect.newestNewsDate : [manifest.expect.newestNewsDate, manifest.expect.footerDate].sort().at(-1));
  });
});
