// What a rule may read: only the artifacts its metadata declares (`requires`). The engine hands every
// rule a view of the page and site artifacts in which reading an undeclared artifact throws, so a rule's
// inputs cannot drift from its declaration, and the gather plan (the union of the selected rules'
// `requires`) is always enough. Identity fields (url, finalUrl, …) are always readable.
import type { ArtifactName, PageArtifacts, RuleContext, SiteArtifacts } from '../core/types.ts';

/** Fields every rule may read without declaring them: they name the page or site, they are not gathered. */
const PAGE_IDENTITY = new Set<string>(['url', 'finalUrl', 'sampledBecause', 'timings', 'gatherErrors']);
const SITE_IDENTITY = new Set<string>(['startUrl', 'origin', 'pages', 'externalNetwork']);

export class UndeclaredArtifactError extends Error {
  constructor(readonly artifact: string) {
    super(`reads the artifact "${artifact}" without declaring it in requires`);
    this.name = 'UndeclaredArtifactError';
  }
}

const raw = new WeakMap<object, object>();

/** The artifacts behind a view (the object itself when it is no view): a key for caches shared by all rules. */
export function rawOf<T extends object>(x: T): T {
  return (raw.get(x) as T | undefined) ?? x;
}

/** One set of views per site and declaration: rules with the same `requires` share them (and the caches keyed by them). */
const views = new WeakMap<SiteArtifacts, Map<string, SiteArtifacts>>();

function guard<T extends object>(target: T, allowed: ReadonlySet<string>, identity: ReadonlySet<string>, wrap: (key: string, value: unknown) => unknown): T {
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || identity.has(key)) return wrap(key as string, Reflect.get(t, key, receiver));
      if (!allowed.has(key)) {
        // Probes of generic code (JSON.stringify, await) are no artifact reads.
        if (key === 'toJSON' || key === 'then' || key === 'constructor') return Reflect.get(t, key, receiver);
        throw new UndeclaredArtifactError(key);
      }
      return wrap(key, Reflect.get(t, key, receiver));
    },
    has(t, key) {
      return Reflect.has(t, key);
    },
  });
  raw.set(proxy, target);
  return proxy;
}

function pageView(page: PageArtifacts, allowed: ReadonlySet<string>): PageArtifacts {
  let layout: PageArtifacts['layout'] | undefined;
  return guard(page, allowed, PAGE_IDENTITY, (key, value) => {
    // The 320 px measurement is a browser step of its own: it is declared as 'narrowLayout'.
    if (key === 'layout' && value && typeof value === 'object') {
      layout ??= guard(value as PageArtifacts['layout'], allowed.has('narrowLayout') ? new Set(['viewportWidth', 'scrollWidth', 'documentHeight', 'narrowScrollWidth', 'narrowOverflow']) : new Set(['viewportWidth', 'scrollWidth', 'documentHeight']), new Set(), (_k, v) => v);
      return layout;
    }
    return value;
  });
}

/**
 * The site as a rule declaring `requires` sees it: its pages and the site itself answer only declared
 * artifacts (and identity fields); anything else throws UndeclaredArtifactError.
 */
export function siteView(site: SiteArtifacts, requires: readonly ArtifactName[]): SiteArtifacts {
  const key = [...requires].sort().join(',');
  let bySig = views.get(site);
  if (!bySig) views.set(site, (bySig = new Map()));
  const hit = bySig.get(key);
  if (hit) return hit;
  const allowed = new Set<string>(requires);
  const pages = site.pages.map((p) => pageView(p, allowed));
  const view = guard(site, allowed, SITE_IDENTITY, (k, v) => (k === 'pages' ? pages : v));
  bySig.set(key, view);
  return view;
}

/** The page view matching `page` within a site view made by siteView. */
export function pageOf(view: SiteArtifacts, page: PageArtifacts): PageArtifacts {
  const i = rawOf(view).pages.indexOf(rawOf(page));
  return i >= 0 ? view.pages[i] : page;
}

/** A rule context whose site is the rule's view. */
export function contextView<C extends RuleContext>(ctx: C, requires: readonly ArtifactName[]): C {
  return { ...ctx, site: siteView(rawOf(ctx.site), requires) };
}
