// Where a date sits on the page: page region (header/footer chrome vs content), the list row it belongs
// to, and whether that row is a news item (最新消息 / 公告 / News lists, Hyweb News.aspx, legacy GIP lp.asp).
// Works on semantic markup, Hyweb-style div.header/div.footer, and legacy tables with no regions at all.
import type { PageArtifacts } from '../../core/types.ts';
import { collapseWhitespace } from '../lib/dom.ts';

export type DateRegion = 'header' | 'nav' | 'footer' | 'content';

/** Headings and labels of news lists (zh-TW, zh-CN variants, English). */
export const NEWS_WORDS =
  /最新消息|最新訊息|新聞|新闻|公告|活動訊息|活動消息|最新動態|即時訊息|重要訊息|政令宣導|\bnews\b|newsroom|announcements?|press\s*releases?|bulletins?|latest\s+updates|what'?s\s+new/i;
/** News item and list URLs: Hyweb News_Content.aspx / News.aspx?n=, legacy GIP lp.asp?ctNode= / ct.asp?xItem=, /news/… */
export const NEWS_HREF =
  /News(?:_Content)?\d*\.aspx\?|lp\.asp\?(?:.*&)?ctNode=|ct\.asp\?(?:.*&)?xItem=|\/news(?:es)?(?:[/._?-]|$)|news_?id=|press-?releases?|announcements?(?:[/._?-]|$)|bulletin/i;
const NEWS_ATTR = /news|announce|bulletin|press|latest|公告|消息/i;
const NEWS_LIST_URL = /News\.aspx\?|lp\.asp\?(?:.*&)?ctNode=|\/news\/?(?:$|\?|index|list)|news[_-]?list|\/announcements?\/?(?:$|\?)/i;

const FOOTER_TOKEN = /^(?:footer|foot|ft|copyright|siteinfo|site-info|bottom|footer[-_]\w+|\w+[-_]footer|\w+[-_]foot)$/i;
const HEADER_TOKEN = /^(?:header|masthead|banner|topbar|top-bar|site-header|global-header|header[-_](?:wrap|wrapper|area|inner|top|bar))$/i;
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, caption, legend, [role="heading"], .title, .hd, .head, .heading, th';

/** Per-page memo of the questions asked of many dates. */
export class PageContext {
  private readonly textLengths = new Map<Element, number>();
  private readonly newsContainers = new Map<Element, boolean>();
  readonly isNewsListPage: boolean;

  constructor(
    private readonly page: PageArtifacts,
    private readonly doc: Document,
  ) {
    this.isNewsListPage = page.sampledBecause === 'news-list' || NEWS_LIST_URL.test(page.finalUrl || page.url);
  }

  textLength(el: Element): number {
    let n = this.textLengths.get(el);
    if (n === undefined) {
      n = collapseWhitespace(el.textContent ?? '').length;
      this.textLengths.set(el, n);
    }
    return n;
  }

  /** Page region by semantics first (<main>/<article> win over a footer inside them), else by class/id tokens. */
  regionOf(el: Element): DateRegion | null {
    for (let n: Element | null = el; n && n.localName !== 'body' && n.localName !== 'html'; n = n.parentElement) {
      const tag = n.localName;
      const role = n.getAttribute('role');
      if (tag === 'main' || tag === 'article' || role === 'main' || role === 'article') return 'content';
      if (tag === 'footer' || role === 'contentinfo') return 'footer';
      if (tag === 'header' || role === 'banner') return 'header';
      if (tag === 'nav' || role === 'navigation') return 'nav';
      const tokens = `${n.getAttribute('id') ?? ''} ${n.getAttribute('class') ?? ''}`.split(/\s+/).filter(Boolean);
      if (tokens.some((t) => FOOTER_TOKEN.test(t))) return 'footer';
      if (tokens.some((t) => HEADER_TOKEN.test(t))) return 'header';
    }
    return null;
  }

  /** The list row (li, tr, article, or a short block holding a link) a date belongs to, or null. */
  rowOf(el: Element): Element | null {
    let n: Element | null = el;
    for (let depth = 0; n && depth < 8; depth++, n = n.parentElement) {
      const tag = n.localName;
      if (tag === 'body' || tag === 'main' || tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'tbody') break;
      if (tag === 'li' || tag === 'tr' || tag === 'article') return this.textLength(n) <= 400 ? n : null;
      if (tag === 'dt' || tag === 'dd') {
        const dl = n.parentElement;
        return dl && dl.children.length <= 4 && this.textLength(dl) <= 400 ? dl : n;
      }
    }
    // div-based lists: the nearest short ancestor that also holds a link.
    n = el;
    for (let depth = 0; n && depth < 4; depth++, n = n.parentElement) {
      if (n.localName === 'body') break;
      if (this.textLength(n) > 300) break;
      if (n.localName === 'a' || n.querySelector('a[href]')) return n;
    }
    return null;
  }

  /**
   * A row is a news item when it links somewhere (every news item opens its own page) and either links
   * to a news item URL, sits in a news container, or is on a news list page.
   */
  isNewsRow(row: Element): boolean {
    const links = Array.from(row.querySelectorAll('a[href]')).concat(row.localName === 'a' ? [row] : []);
    if (links.length === 0) return false;
    for (const a of links) {
      if (NEWS_HREF.test(a.getAttribute('href') ?? '')) return true;
    }
    let n: Element | null = row.parentElement;
    for (let depth = 0; n && depth < 6; depth++, n = n.parentElement) {
      const tag = n.localName;
      if (tag === 'body' || tag === 'html') break;
      if (this.isNewsContainer(n)) return true;
    }
    return this.isNewsListPage && this.regionOf(row) !== 'nav' && this.regionOf(row) !== 'footer' && this.regionOf(row) !== 'header';
  }

  private isNewsContainer(el: Element): boolean {
    let yes = this.newsContainers.get(el);
    if (yes === undefined) {
      yes = this.looksLikeNewsContainer(el);
      this.newsContainers.set(el, yes);
    }
    return yes;
  }

  private looksLikeNewsContainer(el: Element): boolean {
    const tokens = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    if (tokens.trim() && NEWS_ATTR.test(tokens) && !WIDGETISH.test(tokens)) return true;
    const aria = el.getAttribute('aria-label') ?? el.getAttribute('title');
    if (aria && NEWS_WORDS.test(aria)) return true;
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => this.doc.getElementById(id)?.textContent ?? '')
        .join(' ');
      if (NEWS_WORDS.test(text)) return true;
    }
    const heading = el.querySelector(HEADING_SELECTOR);
    if (heading && isNewsHeading(heading)) return true;
    const before = el.previousElementSibling;
    return Boolean(before && /^(h[1-6]|caption|legend)$/.test(before.localName) && isNewsHeading(before));
  }
}

/** Class tokens that contain "news" but are not lists (a newsletter sign-up form). */
const WIDGETISH = /newsletter|subscribe/i;

function isNewsHeading(el: Element): boolean {
  const text = collapseWhitespace(el.textContent ?? '');
  return text.length > 0 && text.length <= 30 && NEWS_WORDS.test(text);
}
