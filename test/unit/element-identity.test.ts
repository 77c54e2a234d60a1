// One element identity on captured artifacts of real Chromium loads (test/captures): every element the
// browser reported is found again, by its ref, in the rules' re-parse of the serialised DOM, where the
// rules' selector function names it exactly as the browser did; the refs never show in evidence.
import { describe, expect, it } from 'vitest';
import { ELEMENT_REF_ATTRIBUTE, withoutElementRefs } from '../../core/element-identity.js';
import type { PageArtifacts } from '../../core/types.ts';
import { documentOf, recordOf, selectorOf, snippetOf } from '../../rules/lib/dom.ts';
import { replayCapture } from '../../worker/capture.ts';
import { CAPTURES, loadCapture, replayed } from '../helpers/captures.ts';

/** Every record of a page that names an element: [kind, ref, selector ('' when the record has none)]. */
function recordsOf(page: PageArtifacts): [string, string, string][] {
  const out: [string, string, string][] = [];
  const add = (kind: string, r: { ref?: string; selector?: string }) => {
    if (r.ref !== undefined) out.push([kind, r.ref, r.selector ?? '']);
  };
  page.links.forEach((r) => add('link', r));
  page.images.forEach((r) => add('image', r));
  page.focusOrder.forEach((r) => add('focus stop', r));
  (page.headings ?? []).forEach((r) => add('heading', r));
  (page.landmarks ?? []).forEach((r) => add('landmark', r));
  (page.textBackgrounds ?? []).forEach((r) => add('text background', r));
  for (const t of page.tables ?? []) {
    add('table', t);
    for (const row of t.rows) row.cells.forEach((c) => add('table cell', c));
  }
  if (page.layout.narrowOverflow) add('narrow overflow', page.layout.narrowOverflow);
  for (const rule of [...(page.axe?.violations ?? []), ...(page.axe?.incomplete ?? [])]) rule.nodes.forEach((n) => add('axe node', n));
  return out;
}

const pages = CAPTURES.flatMap((name) => loadCapture(name).site.pages.map((page) => ({ name, page })));

describe('one element identity (captured pages)', () => {
  it('every reported element is found by its ref in the rules DOM, with the selector the browser gave it', () => {
    let named = 0;
    const kinds = new Set<string>();
    for (const { name, page } of pages) {
      const doc = documentOf(page);
      for (const [kind, ref, selector] of recordsOf(page)) {
        const found = Array.from(doc.querySelectorAll(`[${ELEMENT_REF_ATTRIBUTE}="${ref}"]`));
        expect(found, `${name}: ${kind} ${ref}`).toHaveLength(1);
        kinds.add(kind);
        if (!selector) continue;
        // tw-bad has duplicate ids: an id names an element only when it is unique, on both sides.
        expect(selectorOf(found[0]!), `${name}: ${kind} ${ref}`).toBe(selector);
        named++;
      }
    }
    expect(named).toBeGreaterThan(50);
    expect([...kinds].sort()).toEqual(['axe node', 'focus stop', 'heading', 'image', 'landmark', 'link', 'narrow overflow', 'table', 'table cell', 'text background']);
  });

  it('joins a DOM element to its record by ref, not by the n-th occurrence of its href', () => {
    const page = loadCapture('tw-bad').site.pages[0]!;
    const anchors = Array.from(documentOf(page).querySelectorAll('a[href="/apply/"]'));
    // <noscript> copy (no browser record: Chromium does not parse it), the link, a stylesheet-hidden copy.
    expect(anchors).toHaveLength(3);
    expect(anchors.map((a) => recordOf(page.links, a)?.visible ?? null)).toEqual([null, true, false]);
    expect(anchors.map((a) => selectorOf(a))).toEqual(['body > main > p:nth-of-type(2) > noscript > a', '#apply', 'body > main > p:nth-of-type(2) > a:nth-of-type(2)']);
  });

  it('a ref on several elements (a page copying the attribute) joins none of them', () => {
    const page = { ...loadCapture('tw-bad').site.pages[0]! };
    const ref = page.links.find((l) => l.selector === '#apply')!.ref!;
    page.html = page.html.replace('</main>', `<p><a href="/apply/" ${ELEMENT_REF_ATTRIBUTE}="${ref}">copy</a></p></main>`);
    const copies = Array.from(documentOf(page).querySelectorAll(`[${ELEMENT_REF_ATTRIBUTE}="${ref}"]`));
    expect(copies).toHaveLength(2);
    expect(copies.map((a) => recordOf(page.links, a))).toEqual([null, null]);
  });

  it('refs never show in evidence: record and finding snippets, axe html and selectors are free of them', () => {
    for (const { name, page } of pages) {
      expect(page.html, name).toContain(ELEMENT_REF_ATTRIBUTE);
      expect(withoutElementRefs(page.html), name).not.toContain(ELEMENT_REF_ATTRIBUTE);
      const { html: _html, ...records } = page;
      expect(JSON.stringify(records), name).not.toContain(ELEMENT_REF_ATTRIBUTE);
      const el = documentOf(page).querySelector(`[${ELEMENT_REF_ATTRIBUTE}]`)!;
      expect(snippetOf(el), name).not.toContain(ELEMENT_REF_ATTRIBUTE);
    }
    for (const name of CAPTURES) expect(JSON.stringify(replayed(name).pages), name).not.toContain(ELEMENT_REF_ATTRIBUTE);
  });

  it('findings and fingerprints are the same with the refs taken out of the DOM, where no join decides an outcome', () => {
    for (const name of ['a11y', 'gov-home', 'tw-good'] as const) {
      const capture = loadCapture(name);
      const stripped = { ...capture, site: { ...capture.site, pages: capture.site.pages.map((p) => ({ ...p, html: withoutElementRefs(p.html) })) } };
      const findings = (c: typeof capture) => replayCapture(c).pages.flatMap((p) => p.findings.map((f) => [f.rule, f.fingerprint, f.selector, f.snippet]));
      expect(findings(capture).length, name).toBeGreaterThan(0);
      expect(findings(stripped), name).toEqual(findings(capture));
    }
  });
});
