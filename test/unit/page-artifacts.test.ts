// The in-page artifacts are shape-checked where they leave the page: what real Chromium gathered
// (captures) passes as is, anything else fails loudly with the path of the first wrong field.
import { describe, expect, it } from 'vitest';
import { inPageArtifactsOf } from '../../worker/gatherers/page-artifacts.ts';
import { loadCapture } from '../helpers/captures.ts';

/** A page's in-page results as the page script returns them (document fields under `document`). */
function pageResults() {
  const p = loadCapture('tw-bad').site.pages[0]!;
  const { narrowScrollWidth: _n, narrowOverflow: _o, ...layout } = p.layout;
  return {
    document: { title: p.title, lang: p.lang, layout: { ...layout, narrowScrollWidth: null } },
    meta: p.meta,
    links: p.links,
    images: p.images,
    stylesheets: p.stylesheets,
    tables: p.tables,
    headings: p.headings,
    landmarks: p.landmarks,
    textBackgrounds: p.textBackgrounds,
    text: p.text,
    vitals: p.vitals,
  } as Record<string, unknown>;
}

/** What the one page round trip returns: the frameset it inlined first (or null) and the modules' results. */
const returned = (artifacts: unknown, frameset: unknown = null) => ({ frameset, artifacts, ms: { links: 12, text: 3 } });

describe('in-page artifacts at the boundary', () => {
  it('what Chromium gathered passes, as typed artifacts', () => {
    const raw = pageResults();
    const { artifacts, frameset, moduleMs } = inPageArtifactsOf(returned(raw));
    expect(frameset).toBeNull();
    expect(moduleMs).toEqual({ links: 12, text: 3 });
    expect(artifacts.links.length).toBeGreaterThan(5);
    expect(artifacts.links).toEqual(raw.links);
    expect(artifacts.title).toBe('舊版示範處網站');
    expect(artifacts.layout.viewportWidth).toBe(1280);
  });

  it('an optional artifact the plan left out may be absent; a required one may not', () => {
    const { tables: _t, headings: _h, ...withoutOptional } = pageResults();
    expect(inPageArtifactsOf(returned(withoutOptional)).artifacts.tables).toBeUndefined();
    const { links: _l, ...withoutLinks } = pageResults();
    expect(() => inPageArtifactsOf(returned(withoutLinks))).toThrow('links: expected array, got undefined');
  });

  it('a wrong field fails with its path', () => {
    const raw = pageResults();
    (raw.links as Record<string, unknown>[])[1]!.href = 5;
    expect(() => inPageArtifactsOf(returned(raw))).toThrow('links[1].href: expected string, got number');
    const again = pageResults();
    (again.document as { layout: Record<string, unknown> }).layout.scrollWidth = null;
    expect(() => inPageArtifactsOf(returned(again))).toThrow('document.layout.scrollWidth: expected number, got null');
    expect(() => inPageArtifactsOf(returned(null))).toThrow('in-page artifacts: expected object, got null');
    expect(() => inPageArtifactsOf(null)).toThrow('in-page result: expected object, got null');
  });

  it('the frameset inlined in the same round trip is checked too', () => {
    expect(inPageArtifactsOf(returned(pageResults(), { frames: 2, inlined: ['http://127.0.0.1/menu.htm'] })).frameset).toEqual({ frames: 2, inlined: ['http://127.0.0.1/menu.htm'] });
    expect(() => inPageArtifactsOf(returned(pageResults(), { frames: 2, inlined: [3] }))).toThrow('frameset.inlined[0]: expected string, got number');
    expect(() => inPageArtifactsOf({ ...returned(pageResults()), ms: { links: 'slow' } })).toThrow('ms.links: expected number, got string');
  });
});
