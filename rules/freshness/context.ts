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

const FOOTER_TOKEN = /^(?:footer|foot|ft|copyright|site-?info|(?:site|page|global|main|body)[-_]?foot(?:er)?|foot(?:er)?[-_]?(?:wrap|wrapper|area|inner|info|content|container|box|bottom|main|block|bar|link|links|nav))$/i;
/** Any other token with "footer" in it (fatfooter, mp-footer, footer_info) is page chrome, except a component's own footer. */
const ANY_FOOTER_TOKEN = /footer/i;
const COMPONENT_FOOTER = /^(?:card|panel|modal|dialog|item|post|entry|news|list|article|media|table|tab|widget|block|box|cell|section)[-_]?footer/i;
const isFooterToken = (t: string) => FOOTER_TOKEN.test(t) || (ANY_FOOTER_TOKEN.test(t) && !COMPONENT_FOOTER.test(t));
const HEADER_TOKEN = /^(?:header|masthead|banner|topbar|top-bar|site-header|global-header|header[-_](?:wrap|wrapper|area|inner|top|bar))$/i;
const ROW_TAGS = new Set(['li', 'tr', 'article', 'dt']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'legend', 'th']);
const HEADING_CLASS = /(?:^|\s)(?:title|hd|head|heading)(?:\s|$)/;

export function isHeadingLike(el: Element): boolean {
  return HEADING_TAGS.has(el.localName) || el.getAttribute('role') === 'heading' || HEADING_CLASS.test(el.getAttribute('class') ?? '');
}

/** First descendant in document order matching `pred` (a walk: see PageContext.linksIn). */
function firstDescendant(el: Element, pred: (e: Element) => boolean): Element | null {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (pred(c)) return c;
    const d = firstDescendant(c, pred);
    if (d) return d;
  }
  return null;
}

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

  /**
   * Page region: anything inside <main>/<article> is content (an article's own <header>/<footer>, a
   * card-footer with the date); otherwise the innermost footer/header/nav by tag, role or class/id token.
   */
  regionOf(el: Element): DateRegion | null {
    let chrome: DateRegion | null = null;
    for (let n: Element | null = el; n && n.localName !== 'body' && n.localName !== 'html'; n = n.parentElement) {
      const tag = n.localName;
      const role = n.getAttribute('role');
      if (tag === 'main' || tag === 'article' || role === 'main' || role === 'article') return 'content';
      if (chrome) continue;
      if (tag === 'footer' || role === 'contentinfo') chrome = 'footer';
      else if (tag === 'header' || role === 'banner') chrome = 'header';
      else if (tag === 'nav' || role === 'navigation') chrome = 'nav';
      else {
        const tokens = `${n.getAttribute('id') ?? ''} ${n.getAttribute('class') ?? ''}`.split(/\s+/).filter(Boolean);
        if (tokens.some(isFooterToken)) chrome = 'footer';
        else if (tokens.some((t) => HEADER_TOKEN.test(t))) chrome = 'header';
      }
    }
    return chrome;
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
    // div-based lists: the nearest short ancestor that also holds a link, unless it holds a list of its own
    // (then it is the list's container, and a line beside the list — 「更新日期」 — belongs to no item).
    n = el;
    for (let depth = 0; n && depth < 4; depth++, n = n.parentElement) {
      if (n.localName === 'body') break;
      if (this.textLength(n) > 300) break;
      if (this.linksIn(n).length > 0) return firstDescendant(n, (e) => ROW_TAGS.has(e.localName)) ? null : n;
    }
    return null;
  }

  /** Links inside (or being) an element. Walks children: linkedom's querySelector scans far beyond small subtrees. */
  linksIn(el: Element): Element[] {
    const out: Element[] = [];
    const visit = (n: Element) => {
      if (n.localName === 'a' && n.hasAttribute('href')) out.push(n);
      for (let c = n.firstElementChild; c; c = c.nextElementSibling) visit(c);
    };
    visit(el);
    return out;
  }

  /**
   * A row is a news item when it links somewhere (every news item opens its own page) and either links
   * to a news item URL, sits in a news container, or is on a news list page.
   */
  isNewsRow(row: Element): boolean {
    const links = this.linksIn(row);
    // <dl> lists pair a <dt> date with a <dd> title (or the reverse): the link sits next door.
    if (row.localName === 'dt' || row.localName === 'dd') {
      for (const near of [row.previousElementSibling, row.nextElementSibling]) {
        if (near && (near.localName === 'dt' || near.localName === 'dd') && near.localName !== row.localName) links.push(...this.linksIn(near));
      }
    }
    if (links.length === 0 || this.isFooterLike(row)) return false;
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

  /** A legacy footer row (one table cell holding address, phone, policy links, counters): never a news item. */
  isFooterLike(el: Element): boolean {
    const text = el.textContent ?? '';
    let hits = 0;
    for (const word of FOOTER_WORDS) if (word.test(text) && ++hits >= 2) return true;
    return false;
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
    const heading = firstDescendant(el, isHeadingLike);
    if (heading && isNewsHeading(heading)) return true;
    const before = el.previousElementSibling;
    return Boolean(before && /^(h[1-6]|caption|legend)$/.test(before.localName) && isNewsHeading(before));
  }
}

const FOOTER_WORDS = [/地址|address/i, /電話|tel\b|phone/i, /傳真|fax\b/i, /版權|copyright|©|all rights reserved/i, /瀏覽人次|參觀人次|訪客|visitors/i, /最佳瀏覽|解析度|best viewed/i, /隱私權|privacy/i, /服務時間|上班時間|office hours/i];

/** Class tokens that contain "news" but are not lists (a newsletter sign-up form). */
const WIDGETISH = /newsletter|subscribe/i;

function isNewsHeading(el: Element): boolean {
  const text = collapseWhitespace(el.textContent ?? '');
  return text.length > 0 && text.length <= 30 && NEWS_WORDS.test(text);
}
