// The DOM-derived artifacts that need a real browser (visibility, layout, resolved URLs, CSSOM): one page
// module per artifact (worker/in-page/artifacts/*.js), all run in one page round trip, each skipped when
// the gather plan does not want it, each result shape-checked here before it becomes a typed artifact.
import type {
  Box,
  HeadingArtifact,
  ImageArtifact,
  LandmarkArtifact,
  LinkArtifact,
  MetaTag,
  PageArtifacts,
  PageVitals,
  Stylesheet,
  TableArtifact,
  TableCellArtifact,
  TextBackgroundArtifact,
} from '../../core/types.ts';
import { OPTIONAL_IN_PAGE, type OptionalInPage } from '../gather-plan.ts';
import { inPageSource, withIdentity } from './in-page.ts';
import { arrayOf, bool, nullable, num, object, oneOf, optional, recordOf, str, tuple, type Check } from './shape.ts';

/** What the page modules gather, as page artifacts. */
export type InPageArtifacts = Pick<PageArtifacts, 'title' | 'lang' | 'layout' | 'meta' | 'links' | 'images' | 'stylesheets' | 'tables' | 'headings' | 'landmarks' | 'textBackgrounds' | 'text' | 'vitals'>;

export interface InPageLimits {
  maxLinks: number;
  maxImages: number;
  maxText: number;
  maxCss: number;
}

const REGION = oneOf('header', 'nav', 'main', 'footer', 'aside', 'other');
const BOX = nullable(object<Box>({ x: num, y: num, width: num, height: num }));
const element = { ref: optional(str), selector: str };

const LINK = object<LinkArtifact>({
  ...element,
  href: str,
  rawHref: nullable(str),
  text: str,
  name: str,
  title: nullable(str),
  ariaLabel: nullable(str),
  accesskey: nullable(str),
  target: nullable(str),
  rel: nullable(str),
  hreflang: nullable(str),
  imgAlts: arrayOf(nullable(str)),
  region: REGION,
  visible: bool,
  box: BOX,
  snippet: str,
});
const IMAGE = object<ImageArtifact>({
  ...element,
  src: str,
  alt: nullable(str),
  title: nullable(str),
  naturalWidth: num,
  naturalHeight: num,
  box: BOX,
  visible: bool,
  linkHref: nullable(str),
  region: REGION,
  snippet: str,
});
const CELL = object<TableCellArtifact>({
  ...element,
  tag: oneOf('td', 'th', 'other'),
  role: nullable(str),
  colspan: num,
  rowspan: num,
  id: nullable(str),
  headers: nullable(str),
  scope: nullable(str),
  empty: bool,
  exposed: bool,
  visible: bool,
  text: str,
});
const TABLE = object<TableArtifact>({ ...element, kind: oneOf('html', 'aria'), role: nullable(str), exposed: bool, rows: arrayOf(object<TableArtifact['rows'][number]>({ group: num, foot: optional(oneOf(true)), cells: arrayOf(CELL) })), truncated: bool });
const HEADING = object<HeadingArtifact>({ ...element, level: num, name: str, exposed: bool, visible: bool });
const LANDMARK = object<LandmarkArtifact>({ ...element, role: str, exposed: bool, hasContent: bool });
const TEXT_BACKGROUND = object<TextBackgroundArtifact>({
  ...element,
  snippet: str,
  text: str,
  fontSizePx: num,
  fontWeight: num,
  color: str,
  foreground: tuple(num, num, num, num),
  palette: arrayOf(tuple(num, num, num)),
  chars: arrayOf(object<TextBackgroundArtifact['chars'][number]>({ char: str, backgrounds: arrayOf(num) })),
  charsJudged: num,
});
const VITALS = object<PageVitals>({ lcpMs: nullable(num), cls: nullable(num), fcpMs: nullable(num), ttfbMs: nullable(num), domContentLoadedMs: nullable(num), loadMs: nullable(num), transferBytes: nullable(num), requestCount: nullable(num) });
const DOCUMENT = object<Pick<InPageArtifacts, 'title' | 'lang' | 'layout'>>({
  title: str,
  lang: nullable(str),
  // The 320 px fields are filled in later by the narrow-layout gatherer.
  layout: object<Omit<PageArtifacts['layout'], 'narrowOverflow'>>({ viewportWidth: num, scrollWidth: num, documentHeight: num, narrowScrollWidth: nullable(num) }),
});

interface PageModule {
  /** The artifact (or, for `document`, the fields) it returns. */
  name: OptionalInPage | 'document' | 'meta' | 'links' | 'images' | 'text' | 'vitals';
  file: string;
  shape: Check;
}

/** In page order: refs are numbered in the order elements are first reported. */
const MODULES: PageModule[] = [
  { name: 'document', file: 'document.js', shape: DOCUMENT },
  { name: 'meta', file: 'meta.js', shape: arrayOf(object<MetaTag>({ name: nullable(str), property: nullable(str), httpEquiv: nullable(str), content: str })) },
  { name: 'links', file: 'links.js', shape: arrayOf(LINK) },
  { name: 'images', file: 'images.js', shape: arrayOf(IMAGE) },
  { name: 'stylesheets', file: 'stylesheets.js', shape: arrayOf(object<Stylesheet>({ url: nullable(str), text: str })) },
  { name: 'tables', file: 'tables.js', shape: arrayOf(TABLE) },
  { name: 'headings', file: 'headings.js', shape: arrayOf(HEADING) },
  { name: 'landmarks', file: 'landmarks.js', shape: arrayOf(LANDMARK) },
  { name: 'textBackgrounds', file: 'text-backgrounds.js', shape: arrayOf(TEXT_BACKGROUND) },
  { name: 'text', file: 'text.js', shape: str },
  { name: 'vitals', file: 'vitals.js', shape: VITALS },
];

const FIELD_ORDER: (keyof InPageArtifacts)[] = ['title', 'lang', 'meta', 'links', 'images', 'text', 'stylesheets', 'vitals', 'tables', 'headings', 'landmarks', 'textBackgrounds', 'layout'];

const optionalModule = (name: PageModule['name']): boolean => (OPTIONAL_IN_PAGE as readonly string[]).includes(name);

// One page function: a frameset page's frames inlined first (they are the page a visitor reads), then
// the shared helpers once, then each wanted module in order. A failing optional module is left out (its
// rules then do not judge); a failing required one fails the gather.
const SOURCE = `async (opts, identity) => {
  let frameset = null;
  try {
    frameset = (${inPageSource('frameset-inline.js')})();
  } catch (e) {
    /* a frame that cannot be read stays out; the page is gathered as it is */
  }
  const h = (${inPageSource('artifacts/common.js')})(opts, identity);
  const want = (name) => !opts.want || opts.want.includes(name);
  const out = {};
  const ms = {};
  const run = async (name, optional, fn) => {
    if (optional && !want(name)) return;
    const started = performance.now();
    try {
      out[name] = await fn(h);
    } catch (e) {
      if (!optional) throw e;
    } finally {
      ms[name] = Math.round(performance.now() - started);
    }
  };
${MODULES.map((m) => `  await run(${JSON.stringify(m.name)}, ${optionalModule(m.name)}, ${inPageSource(`artifacts/${m.file}`)});`).join('\n')}
  return { frameset, artifacts: out, ms };
}`;

/** The page.evaluate expression gathering the in-page artifacts (`want`: optional ones to gather; absent: all). */
export function inPageArtifactsScript(limits: InPageLimits, want?: readonly string[]): string {
  return withIdentity(SOURCE, { ...limits, want });
}

const FRAMESET = nullable(object<NonNullable<PageArtifacts['frameset']>>({ frames: num, inlined: arrayOf(str) }));

/** The page's results, shape-checked, as artifacts; throws ShapeError naming the first wrong field. */
export function inPageArtifactsOf(raw: unknown): { artifacts: InPageArtifacts; frameset: PageArtifacts['frameset']; moduleMs: Record<string, number> } {
  object({})(raw, 'in-page result');
  const { frameset, artifacts, ms } = raw as { frameset: unknown; artifacts: unknown; ms?: unknown };
  FRAMESET(frameset, 'frameset');
  optional(recordOf(num))(ms, 'ms');
  object({})(artifacts, 'in-page artifacts');
  const results = artifacts as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const m of MODULES) {
    const value = results[m.name];
    if (value === undefined && optionalModule(m.name)) continue;
    m.shape(value, m.name);
    if (m.name === 'document') Object.assign(out, value);
    else out[m.name] = value;
  }
  // Saved artifacts keep one field order, so captures of the same page compare line by line.
  return {
    artifacts: Object.fromEntries(FIELD_ORDER.filter((k) => k in out).map((k) => [k, out[k]])) as unknown as InPageArtifacts,
    frameset: frameset as PageArtifacts['frameset'],
    moduleMs: (ms ?? {}) as Record<string, number>,
  };
}
