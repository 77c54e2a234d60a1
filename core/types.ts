// Shared types: the only module every part may import (see ../shared/DESIGN.md, "Who may import whom").
// Artifacts are what a worker gathers once per page; rules are pure functions over them;
// SiteResult is the contract's JSON site object (../shared/CONTRACT.md) plus extensions.

export const CATEGORIES = ['accessibility', 'performance', 'freshness', 'governance', 'security'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['critical', 'serious', 'moderate', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type SiteStatus = 'ok' | 'unreachable' | 'blocked' | 'timeout' | 'error';

/** Finer cause behind a SiteStatus, used for retry decisions and reports (GSA-style taxonomy). */
export type FailureKind =
  | 'timeout'
  | 'dns'
  | 'tls'
  | 'refused'
  | 'reset'
  | 'blocked'
  | 'http-4xx'
  | 'http-5xx'
  | 'not-html'
  | 'browser'
  | 'unsafe-address'
  | 'error';

export type Lang = 'zh-TW' | 'en';

/** Editions of Taiwan's 網站無障礙規範; a code string is only meaningful with its edition (HM1130103C changed meaning). */
export const TW_EDITIONS = ['115.11', '110.07'] as const;
export type TwEdition = (typeof TW_EDITIONS)[number];
/** Conformance levels (WCAG / 網站無障礙規範 A, AA, AAA). */
export const A11Y_LEVELS = ['A', 'AA', 'AAA'] as const;
export type A11yLevel = (typeof A11Y_LEVELS)[number];
/** Taiwan codes per edition, e.g. { '115.11': ['HM1130105C'], '110.07': ['HM1130103C'] }. */
export type TwCodesByEdition = Partial<Record<TwEdition, string[]>>;
export interface Localized {
  'zh-TW': string;
  en: string;
}

// ---------------------------------------------------------------- artifacts

export type PageRegion = 'header' | 'nav' | 'main' | 'footer' | 'aside' | 'other';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An element a gatherer reported, named the same way on both sides (core/element-identity.js). */
export interface ReportedElement {
  /** Its ref: the serialised DOM (PageArtifacts.html) carries it on the same element, for an exact join (absent in artifacts saved before refs, and on table cells that are not headers). */
  ref?: string;
  /** Its selector (createSelectorOf); '' on table cells that are not headers. */
  selector: string;
}

export interface LinkArtifact extends ReportedElement {
  /** Absolute URL after resolving against the document base; '' when the anchor has no usable href. */
  href: string;
  rawHref: string | null;
  /** Visible text content, whitespace collapsed. */
  text: string;
  /** Approximate accessible name: aria-label, text, contained img alt, title (in that order). */
  name: string;
  title: string | null;
  ariaLabel: string | null;
  accesskey: string | null;
  target: string | null;
  rel: string | null;
  hreflang: string | null;
  /** alt attributes of images inside the link (null entries: img without alt). */
  imgAlts: (string | null)[];
  region: PageRegion;
  visible: boolean;
  box: Box | null;
  /** outerHTML, truncated. */
  snippet: string;
}

export interface ImageArtifact extends ReportedElement {
  src: string;
  alt: string | null;
  title: string | null;
  naturalWidth: number;
  naturalHeight: number;
  box: Box | null;
  visible: boolean;
  /** href of the closest enclosing link, if any. */
  linkHref: string | null;
  region: PageRegion;
  snippet: string;
}

export interface MetaTag {
  name: string | null;
  property: string | null;
  httpEquiv: string | null;
  content: string;
}

export interface FocusStop extends ReportedElement {
  tag: string;
  href: string | null;
  rawHref: string | null;
  text: string;
  name: string;
  accesskey: string | null;
  /** For in-page links (#id): whether an element with that id or name exists. */
  targetExists: boolean | null;
  visibleWhenFocused: boolean;
}

/** One cell of a gathered table, in source order within its row. */
export interface TableCellArtifact extends ReportedElement {
  tag: 'td' | 'th' | 'other';
  /** Explicit role attribute (lower-cased first token), or null. */
  role: string | null;
  colspan: number;
  /** 0 = spans to the end of the row group (HTML). */
  rowspan: number;
  id: string | null;
  headers: string | null;
  scope: string | null;
  /** HTML "empty cell": no child elements and only white space. */
  empty: boolean;
  /** Rendered and not inside aria-hidden="true": included in the accessibility tree. */
  exposed: boolean;
  /** Rendered with some visible content (text or replaced element) on screen. */
  visible: boolean;
  text: string;
}

/** A table as the browser sees it: an HTML <table> (rows by row group) or an ARIA table/grid. */
export interface TableArtifact extends ReportedElement {
  kind: 'html' | 'aria';
  /** Explicit role attribute, or null. */
  role: string | null;
  exposed: boolean;
  /** Rows in tree order, each with the index of its row group (tree order too); rows of a tfoot group are
   * marked `foot` (the table model puts them last). Artifacts saved before `foot` have them last already. */
  rows: { group: number; foot?: true; cells: TableCellArtifact[] }[];
  /** Rows or cells beyond the gathering caps were left out. */
  truncated: boolean;
}

/** A heading (h1–h6 or role=heading) with what assistive technology gets of it. */
export interface HeadingArtifact extends ReportedElement {
  level: number;
  /** Approximate accessible name (aria-labelledby, aria-label, text, image alt). */
  name: string;
  exposed: boolean;
  visible: boolean;
}

/** A landmark region (main, navigation, banner, contentinfo, complementary, search, region, form). */
export interface LandmarkArtifact extends ReportedElement {
  role: string;
  exposed: boolean;
  /** Has non-white-space text content. */
  hasContent: boolean;
}

/** Text painted over a background image or gradient, with the colours behind it worked out per character. */
export interface TextBackgroundArtifact extends ReportedElement {
  snippet: string;
  text: string;
  fontSizePx: number;
  fontWeight: number;
  /** Computed text colour (CSS). */
  color: string;
  /** The text colour as painted: [r, g, b] 0–255 and alpha 0–1. */
  foreground: [number, number, number, number];
  /** Opaque background colours ([r, g, b], 0–255) found behind the judged characters. */
  palette: [number, number, number][];
  /** Per distinct set of background colours: the first character that has it, and the set (indexes into palette). */
  chars: { char: string; backgrounds: number[] }[];
  charsJudged: number;
}

export interface Stylesheet {
  /** null for inline <style> blocks. */
  url: string | null;
  text: string;
}

export interface AxeNode {
  /** The element's ref (ReportedElement.ref) for nodes of the top document. */
  ref?: string;
  target: string[];
  html: string;
  failureSummary: string | null;
  impact: Severity | null;
}

export interface AxeRuleResult {
  id: string;
  impact: Severity | null;
  tags: string[];
  help: string;
  description: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export interface AxeArtifact {
  version: string;
  violations: AxeRuleResult[];
  incomplete: AxeRuleResult[];
  passes: string[];
  inapplicable: string[];
  durationMs: number;
}

export interface PageVitals {
  lcpMs: number | null;
  cls: number | null;
  fcpMs: number | null;
  ttfbMs: number | null;
  domContentLoadedMs: number | null;
  loadMs: number | null;
  transferBytes: number | null;
  requestCount: number | null;
}

export interface RequestIssue {
  url: string;
  resourceType: string;
  /** 'mixed-content' | 'failed' | network error text */
  kind: string;
  detail: string | null;
}

export interface PageTimings {
  navigationMs: number;
  settleMs: number;
  /** Scrolling the page through and back and waiting for the content it loaded (absent in older artifacts). */
  scrollMs?: number;
  axeMs: number;
  gatherMs: number;
  totalMs: number;
  /** Where gatherMs went: each page module (links, textBackgrounds, …), focusOrder, narrowLayout, serialise (absent in older artifacts). */
  gatherSteps?: Record<string, number>;
}

/** The element that widens a page beyond a narrow window. */
export interface NarrowOverflow extends ReportedElement {
  /** Its right edge in CSS px (document coordinates). */
  right: number;
  width: number;
  snippet: string;
}

/** One hop on the way to a page: the URL left, its status, and how it moved on. */
export interface RedirectHop {
  url: string;
  status: number;
  /** 'http' (3xx Location), 'meta-refresh' (<meta http-equiv="refresh">) or 'script' (a script set location); absent in artifacts saved before kinds were recorded. */
  kind?: 'http' | 'meta-refresh' | 'script';
  /** Meta refresh: seconds the page waited before moving on (when its markup could be read). */
  delaySeconds?: number;
}

/** A client-side navigation of the shown page that was not followed; the page was gathered as the browser showed it. */
export interface ClientRefresh {
  kind: 'meta-refresh' | 'script';
  /** self: refreshes itself; delayed: to another page after more than 30 s; malformed: URL does not parse; not-followed: target did not load; late: a script navigated after the page settled. */
  reason: 'self' | 'delayed' | 'malformed' | 'not-followed' | 'late';
  /** The meta element's content attribute as written. */
  content: string | null;
  delaySeconds: number | null;
  url: string | null;
}

export interface PageArtifacts {
  url: string;
  finalUrl: string;
  /** Why the sampler chose this page, e.g. 'start', 'sitemap-page', 'news-list', 'template:/news'. */
  sampledBecause: string;
  httpStatus: number | null;
  /** Lower-cased header names of the main document response. */
  headers: Record<string, string>;
  /** Hops from the requested URL to the document shown: HTTP redirects and followed client redirects. */
  redirects: RedirectHop[];
  /** A meta refresh or script navigation of the shown document that was not followed (self-refresh, long delay, malformed URL, late script). */
  clientRefresh?: ClientRefresh;
  /** A frameset page whose same-origin frames were gathered into its body (frame URLs inlined). */
  frameset?: { frames: number; inlined: string[] } | null;
  contentType: string | null;
  /** Serialized DOM after scripts ran (page.content()); every element a record above names carries its ref
   * in the data-govcheck-ref attribute (never shown: snippets drop it, core/element-identity.js). */
  html: string;
  title: string;
  lang: string | null;
  meta: MetaTag[];
  links: LinkArtifact[];
  images: ImageArtifact[];
  /** document.body.innerText: visible text only. */
  text: string;
  /** First elements reached by pressing Tab from the top of the page. */
  focusOrder: FocusStop[];
  stylesheets: Stylesheet[];
  layout: {
    viewportWidth: number;
    scrollWidth: number;
    documentHeight: number;
    /** document scrollWidth when the viewport is 320 CSS px wide, measured after the layout settled (null when not measured). */
    narrowScrollWidth: number | null;
    /** At 320 CSS px: the element that sticks out furthest (absent when nothing overflows or not measured). */
    narrowOverflow?: NarrowOverflow | null;
  };
  axe: AxeArtifact | null;
  /** Data tables and ARIA tables/grids of the top document (absent in artifacts saved before they were gathered). */
  tables?: TableArtifact[];
  /** Headings and landmarks of the top document, with accessibility-tree exposure. */
  headings?: HeadingArtifact[];
  landmarks?: LandmarkArtifact[];
  /** Text over background images/gradients whose contrast could be worked out (first screen only). */
  textBackgrounds?: TextBackgroundArtifact[];
  /** Windows the page tried to open by itself while it was checked (window.open calls, scripted
   * target=_blank clicks); all were blocked or closed at once. Absent in artifacts saved before it was gathered. */
  popups?: number;
  vitals: PageVitals;
  requestIssues: RequestIssue[];
  timings: PageTimings;
  /** Set when the page loaded partially (e.g. axe failed) but artifacts are still usable. */
  gatherErrors: string[];
}

export interface FetchedResource {
  url: string;
  status: number | null;
  headers: Record<string, string>;
  body: string | null;
  error: string | null;
}

export interface SitemapArtifact {
  url: string;
  status: number | null;
  entries: { loc: string; lastmod: string | null }[];
  error: string | null;
}

export interface FeedArtifact {
  url: string;
  status: number | null;
  items: { title: string; link: string | null; date: string | null }[];
  error: string | null;
}

export interface HttpsProbe {
  /** The http:// form of the start URL. */
  httpUrl: string;
  /** Where following redirects from httpUrl ended, or null when it could not be fetched. */
  finalUrl: string | null;
  redirectsToHttps: boolean;
  firstStatus: number | null;
  error: string | null;
}

export interface TlsProbe {
  host: string;
  authorized: boolean;
  authorizationError: string | null;
  validTo: string | null;
  daysLeft: number | null;
  protocol: string | null;
  error: string | null;
}

export interface LinkCheck {
  url: string;
  fromPage: string;
  status: number | null;
  ok: boolean;
  external: boolean;
  error: string | null;
  /** true when the link was not fetched (e.g. external links while offline); ok is then meaningless. */
  skipped: boolean;
  linkText: string;
  selector: string | null;
}

export interface DirectoryProbe {
  url: string;
  status: number | null;
  listing: boolean;
}

/** Slim Lighthouse record: scores, metrics and failing audits; never the whole report. */
export interface LighthouseSlim {
  url: string;
  finalUrl: string | null;
  formFactor: 'mobile' | 'desktop';
  lighthouseVersion: string;
  benchmarkIndex: number | null;
  runtimeError: string | null;
  scores: Partial<Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number | null>>;
  metrics: {
    lcpMs: number | null;
    cls: number | null;
    tbtMs: number | null;
    fcpMs: number | null;
    speedIndexMs: number | null;
    ttiMs: number | null;
    transferBytes: number | null;
  };
  failingAudits: {
    id: string;
    title: string;
    score: number | null;
    displayValue: string | null;
    savingsMs: number | null;
    savingsBytes: number | null;
    /** The audit's title in both languages (title is in the run's locale). */
    titles?: Localized;
    /** Lighthouse category the audit belongs to ('performance', 'seo', …). */
    category?: string;
    /** Lighthouse's "learn more" link. */
    helpUrl?: string | null;
    /** The measured value for metric audits (ms, or unitless for CLS). */
    numericValue?: number | null;
    numericUnit?: string | null;
  }[];
  durationMs: number;
  runs: number;
  /** Browser version from the run's user agent, e.g. '156.0.8078.1'. */
  chromiumVersion?: string | null;
}

export interface SiteArtifacts {
  startUrl: string;
  /** Origin of the start page after redirects; sampled pages never leave it. */
  origin: string;
  pages: PageArtifacts[];
  robots: FetchedResource | null;
  sitemap: SitemapArtifact | null;
  feeds: FeedArtifact[];
  httpsProbe: HttpsProbe | null;
  tls: TlsProbe | null;
  directoryProbes: DirectoryProbe[];
  linkChecks: LinkCheck[];
  /** Response to a random non-existent path. */
  soft404: FetchedResource | null;
  lighthouse: LighthouseSlim[];
  /** Whether the network beyond the site is reachable (false for loopback-only runs). */
  externalNetwork: boolean;
}

// ---------------------------------------------------------------- rules

/** A PageArtifacts field a rule may read (identity fields such as url are always readable). */
export type PageArtifactName = Exclude<keyof PageArtifacts, 'url' | 'finalUrl' | 'sampledBecause' | 'timings' | 'gatherErrors'>;
/** A SiteArtifacts field a rule may read (site probes, Lighthouse). */
export type SiteArtifactName = Exclude<keyof SiteArtifacts, 'startUrl' | 'origin' | 'pages' | 'externalNetwork'>;
/**
 * Name of an artifact a rule may read: a PageArtifacts or SiteArtifacts field, or 'narrowLayout' for
 * layout.narrowScrollWidth (a browser step of its own: the page re-laid out at 320 px).
 */
export type ArtifactName = PageArtifactName | SiteArtifactName | 'narrowLayout';

export type RuleScope = 'page' | 'site';

export interface RuleMeta {
  /** Contract id, e.g. 'gov/privacy-policy'. */
  id: string;
  category: Category;
  severity: Severity;
  scope: RuleScope;
  /** Page rules: run on every sampled page ('all') or the start page only ('start'). */
  pages?: 'all' | 'start';
  wcag: string[];
  /** Taiwan 網站無障礙規範 codes per edition (e.g. { '115.11': ['HM1110106C'] }) where one applies. */
  twCodes?: TwCodesByEdition;
  /**
   * Artifacts the rule reads, through helpers included (Lighthouse's requiredArtifacts): the gather plan
   * of a check is the union over the selected rules, and the engine lets a rule read nothing else.
   */
  requires: ArtifactName[];
  /** Lowest conformance level (--level) at which the rule runs; absent: it runs at every level. Equals the
   * lowest level of its twCodes in the code catalogue (AAA rules such as CS3140801C run only at AAA). */
  level?: A11yLevel;
  title: Localized;
  description: Localized;
  howToFix: Localized;
  helpUrl?: string;
  /** Where the rule comes from (law, guideline, convention). */
  source?: string;
  tags?: string[];
  /** W3C ACT rule ids this rule implements (scored against the ACT test cases by `npm run eval:act`). */
  actIds?: string[];
  /** 'conformance': runs after every other rule, with RuleContext.conformance set (e.g. tw/mark-at-risk). */
  phase?: 'conformance';
}

export interface FindingDraft {
  message: Localized;
  selector?: string | null;
  snippet?: string | null;
  /** Overrides the rule's default severity (e.g. a warning threshold). */
  severity?: Severity;
  /** Site rules: the page the finding belongs on (default: the start page). */
  pageUrl?: string;
  /** For rules that expand into many ids (axe-core): the id reported, e.g. 'axe/image-alt'. */
  rule?: string;
  wcag?: string[];
  help?: string;
  data?: Record<string, unknown>;
}

export interface RuleResult {
  applicable: boolean;
  findings: FindingDraft[];
  /** Elements a person must judge (never failures): listed with the page's needsReview, like axe's "incomplete". */
  needsReview?: FindingDraft[];
  /** false: the rule could not check this page at all (its engine did not run there), so codes it checks stay "not-checked". */
  ran?: boolean;
}

export interface RuleOptions {
  freshness: {
    /** Age in days at or under which freshness scores 100. */
    fullMarksDays: number;
    /** Age in days at or over which freshness scores 0. */
    zeroDays: number;
    /** freshness/stale-news: serious above this age. */
    staleDays: number;
    /** freshness/stale-news: moderate warning above this age. */
    warnDays: number;
  };
  accessibilityMark: { maxAgeYears: number };
  /** Per-rule options keyed by rule id. */
  rules: Record<string, Record<string, unknown>>;
}

export interface RuleContext {
  now: Date;
  options: RuleOptions;
  site: SiteArtifacts;
  /** Rules with meta.phase 'conformance' run after the others and see the site's code verdict here. */
  conformance?: Conformance;
}

export interface PageRuleContext extends RuleContext {
  isStartPage: boolean;
}

export interface PageRule {
  meta: RuleMeta & { scope: 'page' };
  check(page: PageArtifacts, ctx: PageRuleContext): RuleResult;
}

export interface SiteRule {
  meta: RuleMeta & { scope: 'site' };
  check(site: SiteArtifacts, ctx: RuleContext): RuleResult;
}

export type Rule = PageRule | SiteRule;

// ---------------------------------------------------------------- results (contract JSON)

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  wcag: string[];
  selector: string | null;
  snippet: string | null;
  message: string;
  help: string | null;
  /** Stable identity across sweeps: rule + normalised selector + page template. */
  fingerprint: string;
  twCodes?: string[];
  data?: Record<string, unknown>;
  /** With `check --baseline`: whether the baseline report had this finding (fingerprint match). */
  baseline?: 'new' | 'unchanged';
  /** With screenshots on: the element as the page showed it, taken during the same load. */
  screenshot?: ElementScreenshot;
}

export const SCREENSHOT_TYPES = ['image/png', 'image/jpeg'] as const;

/** An element's screenshot (clipped to the element and a small margin, size-capped), base64 in JSON. */
export interface ElementScreenshot {
  type: (typeof SCREENSHOT_TYPES)[number];
  /** Pixels (CSS pixels: the check's device scale factor is 1). */
  width: number;
  height: number;
  base64: string;
}

/** A screenshot taken for a finding of `rule` on `selector` of the page `page` (its url as sampled). */
export interface PageScreenshot extends ElementScreenshot {
  page: string;
  rule: string;
  selector: string;
}

/** A baseline finding that is gone: its category ran and its page was checked again, and it was not found. */
export interface FixedFinding {
  rule: string;
  severity: Severity;
  page: string;
  selector: string | null;
  message: string;
  fingerprint: string;
}

/** Per site with `check --baseline`: what changed since the baseline report. */
export interface SiteBaseline {
  /** The baseline site this one was compared with; null when the baseline had no such site (everything is new). */
  url: string | null;
  new: number;
  unchanged: number;
  fixed: FixedFinding[];
  /** Baseline findings that could not be seen this time (category not run, page not sampled): not counted as fixed. */
  unseen: number;
}

export interface NeedsReview {
  rule: string;
  impact: Severity | null;
  help: string;
  helpUrl: string;
  nodes: { selector: string; snippet: string; reason: string | null }[];
}

export interface PageResult {
  url: string;
  finalUrl: string;
  httpStatus: number | null;
  sampledBecause: string;
  title: string;
  findings: Finding[];
  needsReview: NeedsReview[];
  vitals: PageVitals;
  timings: PageTimings;
  /** Page-level accessibility score (input of the site score). */
  accessibilityScore: number | null;
  error: string | null;
  /** The page's verdict per 網站無障礙規範 code of the chosen level. */
  conformance?: PageConformance;
}

export type CategoryScores = Record<Category | 'overall', number | null>;

export type FreshnessSource = 'visible-date' | 'news-list' | 'meta' | 'http-header' | 'sitemap' | 'feed';

export interface FreshnessSummary {
  lastUpdated: string | null;
  source: FreshnessSource | null;
  raw: string | null;
  ageDays: number | null;
  /** Where the date was found (page URL) and its label, for evidence. */
  pageUrl?: string | null;
  newestNews?: { date: string; raw: string; pageUrl: string } | null;
  /**
   * The newest page-level update stamp (a footer/header 「更新日期」 line, "Last Update"): reported apart
   * from the content dates: lastUpdated is the newest content date, and only when the pages show none does
   * it fall back on this stamp.
   */
  siteUpdated?: { date: string; raw: string; pageUrl: string; ageDays: number } | null;
}

export interface SiteMetrics {
  lcpMs: number | null;
  cls: number | null;
  tbtMs: number | null;
  fcpMs: number | null;
  transferBytes: number | null;
  performanceScore: number | null;
  requestCount?: number | null;
  [extra: string]: number | null | undefined;
}

export interface RuleOutcome {
  rule: string;
  category: Category;
  severity: Severity;
  /** 'pass' | 'fail' on the site as a whole (fail if any page failed); 'inapplicable' when no page applied. */
  outcome: 'pass' | 'fail' | 'inapplicable';
  failedPages: number;
  applicablePages: number;
}

export interface BudgetResult {
  /** Human-readable, e.g. "budgets[0] (https://x.gov.tw/news*): lcpMs ≤ 2500". */
  budget: string;
  /** 'lcpMs', 'cls', 'tbtMs', 'fcpMs', 'transferBytes' or 'scores.<category>'. */
  metric: string;
  /** The page measured; null when the budget is on the site as a whole. */
  url: string | null;
  limit: number;
  measured: number | null;
  passed: boolean;
  /** '≤' for metric ceilings, '≥' for score floors. */
  operator?: '≤' | '≥';
}

export interface EngineVersions {
  govcheck: string;
  'axe-core': string;
  lighthouse: string | null;
  chromium: string | null;
  ruleset: string;
}

export interface SiteResult {
  url: string;
  status: SiteStatus;
  error: string | null;
  failureKind: FailureKind | null;
  finalUrl: string | null;
  scores: CategoryScores;
  freshness: FreshnessSummary | null;
  metrics: SiteMetrics;
  pages: PageResult[];
  outcomes: RuleOutcome[];
  budgets: BudgetResult[];
  lighthouse: LighthouseSlim[];
  engines: EngineVersions;
  categories: Category[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Pages that failed to load while the site as a whole was checked. */
  skippedPages: { url: string; reason: string }[];
  /** Where the site's time went (ms): page loads, site probes, waiting for Lighthouse, rules. */
  stageMs?: { pages: number; probes: number; lighthouseWait: number; rules: number; /** Part of `pages`: page rules and element screenshots on the open pages. */ screenshots?: number };
  /** 網站無障礙規範 edition the codes refer to (contract). */
  twEdition?: TwEdition;
  /** Conformance level checked (contract). */
  level?: A11yLevel;
  /** Per-code verdict (contract "conformance"); absent when accessibility was not checked. */
  conformance?: Conformance | null;
  /** With `check --baseline`: new, unchanged and fixed findings since the baseline report. */
  baseline?: SiteBaseline;
}

// ---------------------------------------------------------------- 網站無障礙規範 conformance (規範檢核)

/** A code's verdict: fail (a finding evidences it), pass (a rule checked it and found nothing), not-applicable
 * (the rules that check it found nothing to check), not-checked (no rule that checks it ran). */
export type CodeStatus = 'pass' | 'fail' | 'not-applicable' | 'not-checked';

export interface ConformanceCode {
  code: string;
  level: A11yLevel;
  /** WCAG success criterion. */
  sc: string;
  status: CodeStatus;
  /** Pages failing the code (site verdict) — 0 on a page verdict that passes, 1 when it fails. */
  pages: number;
  /** Findings that evidence the code. */
  findings: number;
  /** Rule ids that check the code and ran. */
  rules: string[];
}

/** The 無障礙標章 on the home page, judged against the site's verdict. */
export interface MarkReadiness {
  /** Level the mark claims (from its alt/title/text/image name); A+ counts as A. */
  level: A11yLevel | null;
  markNumber: string | null;
  /** Edition the mark was tested under: 110.07 when issued before 2026-11-30, else 115.11. */
  edition: TwEdition | null;
  issued: string | null;
  expires: string | null;
  expired: boolean | null;
  /** Codes at or below the claimed level that fail now (edition of this check). */
  failingCodes: string[];
}

export interface Conformance {
  edition: TwEdition;
  level: A11yLevel;
  /** Highest level (up to `level`) whose codes, and every lower level's, pass or do not apply on every checked page. */
  meets: A11yLevel | null;
  codes: ConformanceCode[];
  pagesChecked: number;
  /** Pages that could not be checked (load failures), Freego's 《頁面載入逾時》. */
  pagesNotChecked: { url: string; reason: string }[];
  /** Freego's 《ME1320200C 清單》: proprietary-format downloads without an open alternative. */
  openFormatList: { pageUrl: string; href: string | null; format: string | null; snippet: string | null }[];
  mark?: MarkReadiness | null;
}

/** One page's verdict per code. */
export interface PageConformance {
  meets: A11yLevel | null;
  codes: { code: string; status: CodeStatus; findings: number }[];
}

export interface CheckReport {
  tool: { name: 'govcheck'; version: string; engines: Record<string, string | null> };
  now: string;
  lang: Lang;
  sites: SiteResult[];
  /** Things the reader should know about the run itself, e.g. a waiver that expired and no longer applies. */
  warnings?: string[];
}
