// Saved-artifact helpers for the Taiwan-convention rule tests: focus order approximated from the markup
// the way the browser gathers it (Tab from the top: positive tabindex first, then document order).
import { parseHTML } from 'linkedom';
import type { FocusStop, PageArtifacts, PageRuleContext, PageRule } from '../../../core/types.ts';
import { selectorOf } from '../../../rules/lib/dom.ts';
import { makePage, makeSite, pageContext, stamper, TAB_STOPS } from '../../helpers/artifacts.ts';

const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex]';

function hidden(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.hasAttribute('hidden') || /display:\s*none/i.test(n.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** The first tab stops of `html`, and the markup with their elements' refs (as the browser serialises it). */
export function focusOrderOf(html: string, url = 'https://www.example.gov.tw/'): { stops: FocusStop[]; html: string } {
  const { document } = parseHTML(html);
  const stamp = stamper(document);
  const els = (Array.from(document.querySelectorAll(FOCUSABLE)) as Element[]).filter((el) => {
    if (hidden(el) || el.hasAttribute('disabled')) return false;
    if (el.tagName === 'INPUT' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return false;
    return Number(el.getAttribute('tabindex') ?? '0') >= 0;
  });
  const positive = els.filter((el) => Number(el.getAttribute('tabindex') ?? '0') > 0).sort((a, b) => Number(a.getAttribute('tabindex')) - Number(b.getAttribute('tabindex')));
  const rest = els.filter((el) => Number(el.getAttribute('tabindex') ?? '0') === 0);
  const stops = [...positive, ...rest].slice(0, TAB_STOPS).map((el): FocusStop => {
    const raw = el.getAttribute('href');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const alt = Array.from(el.querySelectorAll('img')).map((i) => i.getAttribute('alt') ?? '').join(' ').trim();
    const frag = raw && raw.startsWith('#') && raw.length > 1 ? raw.slice(1) : null;
    const targetExists = frag === null ? null : !!(document.getElementById(frag) || Array.from(document.querySelectorAll('a[name]')).some((a: any) => a.getAttribute('name') === frag));
    return {
      tag: el.tagName.toLowerCase(),
      href: raw ? new URL(raw, url).href : null,
      rawHref: raw,
      text,
      name: el.getAttribute('aria-label') || text || alt || el.getAttribute('title') || '',
      accesskey: el.getAttribute('accesskey'),
      ref: stamp(el),
      selector: selectorOf(el),
      targetExists,
      visibleWhenFocused: true,
    };
  });
  return { stops, html: stops.length ? document.toString() : html };
}

/** A start page with focus order gathered from its markup. */
export function pageOf(html: string, overrides: Partial<PageArtifacts> = {}): PageArtifacts {
  const url = overrides.url ?? 'https://www.example.gov.tw/';
  const focus = focusOrderOf(html, url);
  return makePage(focus.html, { focusOrder: focus.stops, ...overrides });
}

export function run(rule: PageRule, page: PageArtifacts, now?: Date, ctxOverrides: Partial<PageRuleContext> = {}) {
  const site = makeSite([page]);
  return rule.check(page, { ...pageContext(site, page, now), ...ctxOverrides });
}

/** Replace exactly one occurrence, so a fixture edit that stops matching fails loudly. */
export function edit(html: string, from: string | RegExp, to: string): string {
  const next = html.replace(from, to);
  if (next === html) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return next;
}
