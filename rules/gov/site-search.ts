// 站內搜尋: a site search box. Detected the way GSA's site scanner does (form action, input type,
// name/id/class) plus Taiwan's wording (搜尋, 站內搜尋, 全文檢索, 關鍵字) and Google Custom Search embeds.
// Search boxes are often opened by a button or built by script, so a 搜尋 button or link counts too.
// What only looks like search does not count: a lookup of the agency's records (案件查詢, 進度查詢), a
// form posted to another site, or a link to an outside app.
import type { PageArtifacts, PageRule } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { clickablesOf, MAX_LABEL_LENGTH } from './lib/clickables.ts';
import { judgeable, pagesToSearch, searchPages } from './lib/scope.ts';
import { normalizeHref, normalizeLabel } from './lib/text.ts';

/** Normalised names/placeholders of a search field ("查詢" alone is no evidence: 案件查詢 is a lookup). */
const FIELD_WORDS = /search|keyword|搜尋|搜索|關鍵字|關鍵詞|全文檢索|(站內|全站|網站|本站)(查詢|檢索)/;
/** Short field names search forms use: q, kw, k, s, wd, key, qs, query_string. */
const FIELD_NAMES = /^(q|kw|k|s|wd|key|qs|qt|query|querystring|searchword|searchtext|txtsearch|txtkeyword)$/;
/**
 * A generic site-search button, toggle or link: 站內搜尋, 全文檢索, 搜尋, 開啟站內搜尋, "Search", "Site search".
 * A named lookup (法規搜尋, Case Search) searches something else than the site.
 */
const SEARCH_LABEL =
  /(站內|全站|網站|本站|全文)(搜尋|搜索|檢索|查詢)|^(開啟|打開|進行)?(搜尋|搜索|檢索)(按鈕|欄位|功能|區塊)?$|^(open|toggle|show)?(site|website|fulltext)?search(this(site|website)|the(site|website))?(button|box|form)?$/;
/** Labels of a lookup of the agency's records or an outside app, not a search of the site: 案件查詢, 進度查詢, 判決書查詢 … */
const LOOKUP_LABEL = /查詢|查閱|案件|進度|判決|法規|系統|平台|平臺|app|lookup|tracking|case|status/;
/** 'search' in a URL but not inside "research". */
const SEARCH_HREF = /(?<!re)search|fullsearch|搜尋|全文檢索/;
/** Search services that search a given site (Google Custom Search, Google with sitesearch=). */
const SITE_SEARCH_SERVICE = /cse\.google\.|google\.com\/cse|google\.[a-z.]+\/search\?.*\b(as_)?sitesearch=/;
const CSE = /cse\.google\.|google\.com\/cse|gcse-search|class=["'][^"']*\bgsc-|name=["']cx["']/i;
/** Headings or captions above a search box. */
const SEARCH_TEXT = /站內搜尋|網站搜尋|全站搜尋|全文檢索|站內檢索/;

/** Host of the site without a leading www., for "is this link on the site itself". */
function siteBase(page: PageArtifacts): string {
  try {
    return new URL(page.finalUrl || page.url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** A normalised href that stays on the site (relative, same host, or a subdomain of it). */
function onSite(href: string, base: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/.test(href) && !href.startsWith('//')) return true;
  let host: string;
  try {
    host = new URL(href, 'https://x.invalid/').hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
  return host === base || host.endsWith(`.${base}`) || base.endsWith(`.${host}`);
}

/** A form that searches something other than the site: posted to another site, or a named lookup (案件查詢). */
function foreignForm(form: Element, base: string): boolean {
  const action = normalizeHref(form.getAttribute('action'));
  const limitedToSite = /google\./.test(action) && form.querySelector('input[name=sitesearch],input[name=as_sitesearch],input[name=cx]') !== null;
  if (action && !onSite(action, base) && !SITE_SEARCH_SERVICE.test(action) && !limitedToSite) return true;
  const names = [
    ...['id', 'name', 'class', 'aria-label', 'title'].map((a) => normalizeLabel(form.getAttribute(a))),
    ...Array.from(form.querySelectorAll('legend,label,button,input[type=submit],input[type=image],input[type=text],input:not([type])')).flatMap((el) =>
      [el.textContent, el.getAttribute('value'), el.getAttribute('alt'), el.getAttribute('placeholder'), el.getAttribute('title'), el.getAttribute('name')].map(normalizeLabel),
    ),
  ].filter(Boolean);
  const text = normalizeLabel(form.textContent);
  if (text.length <= MAX_LABEL_LENGTH) names.push(text);
  const generic = names.some((n) => FIELD_WORDS.test(n) || SEARCH_LABEL.test(n));
  return !generic && names.some((n) => LOOKUP_LABEL.test(n));
}

function searchOnPage(page: PageArtifacts): string | null {
  const doc = documentOf(page);
  const base = siteBase(page);
  const foreign = new Set(Array.from(doc.querySelectorAll('form')).filter((f) => foreignForm(f, base)));
  const inForeign = (el: Element) => {
    const form = el.closest('form');
    return form !== null && foreign.has(form);
  };
  for (const el of Array.from(doc.querySelectorAll('[role=search],search,input[type=search]'))) {
    if (!inForeign(el)) return 'search landmark or field';
  }
  for (const form of Array.from(doc.querySelectorAll('form'))) {
    if (foreign.has(form)) continue;
    const names = ['id', 'name', 'class', 'aria-label', 'title'].map((a) => normalizeLabel(form.getAttribute(a)));
    const action = normalizeHref(form.getAttribute('action'));
    if (SEARCH_HREF.test(action) || SITE_SEARCH_SERVICE.test(action) || names.some((n) => FIELD_WORDS.test(n))) return 'search form';
  }
  for (const input of Array.from(doc.querySelectorAll('input,textarea'))) {
    if (inForeign(input)) continue;
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    if (!['text', 'search', ''].includes(type)) continue;
    const words = ['placeholder', 'title', 'aria-label', 'id', 'class', 'name'].map((a) => normalizeLabel(input.getAttribute(a)));
    if (words.some((w) => FIELD_WORDS.test(w)) || FIELD_NAMES.test(normalizeLabel(input.getAttribute('name')))) return 'search field';
    if (input.getAttribute('accesskey')?.toUpperCase() === 'S') return 'search field (accesskey S)';
  }
  for (const label of Array.from(doc.querySelectorAll('label'))) {
    if (!inForeign(label) && FIELD_WORDS.test(normalizeLabel(label.textContent))) return 'search label';
  }
  if (CSE.test(page.html)) return 'Google Custom Search';
  // A search button or toggle, or a link to the site's own search page; not a lookup and not an outside app.
  for (const c of clickablesOf(page)) {
    const labels = c.labels.filter((l) => l.length <= MAX_LABEL_LENGTH);
    if (labels.some((l) => LOOKUP_LABEL.test(l) && !SEARCH_LABEL.test(l))) continue;
    const usable = c.href && !/^(javascript:|#)/.test(c.href);
    if (usable && !onSite(c.href, base) && !SITE_SEARCH_SERVICE.test(c.href)) continue;
    if (labels.some((l) => SEARCH_LABEL.test(l))) return 'search button or link';
    if (usable && (SEARCH_HREF.test(c.href) || SITE_SEARCH_SERVICE.test(c.href))) return 'search page link';
  }
  if (SEARCH_TEXT.test(normalizeLabel(page.text))) return 'search caption';
  return null;
}

export const siteSearch: PageRule = {
  meta: {
    id: 'gov/site-search',
    category: 'governance',
    severity: 'moderate',
    scope: 'page',
    pages: 'start',
    wcag: ['2.4.5'],
    title: msg('網站應提供站內搜尋', 'The site offers a site search'),
    description: msg(
      '檢查首頁是否有站內搜尋：搜尋表單或欄位（role="search"、type="search"、關鍵字欄位）、Google 自訂搜尋，或「站內搜尋」、「全文檢索」按鈕與連結。',
      'Looks on the start page for a site search: a search form or field (role="search", type="search", a keyword field), Google Custom Search, or a 站內搜尋 / 全文檢索 / "Search" button or link.',
    ),
    howToFix: msg(
      '在全站頁首提供站內搜尋欄位，使用 <form role="search"> 與 <input type="search">，並加上標籤（例如「站內搜尋」）與 accesskey="S"。',
      'Add a site search box to the site-wide header using <form role="search"> and <input type="search">, with a visible or programmatic label (e.g. 「站內搜尋」) and accesskey="S".',
    ),
    source: 'GSA Site Scanning site_search；HyUI5 頁首範本；WCAG 2.4.5；tw-rules #24',
    tags: ['site-element'],
  },
  check(page, ctx) {
    if (!judgeable(page, ctx)) return notApplicable();
    if (searchPages(page, ctx, searchOnPage)) return pass();
    return fail({
      message: msg('在首頁找不到站內搜尋功能。', 'No site search (search form, field or link) was found on the start page.'),
      data: { searchedPages: pagesToSearch(page, ctx).length },
    });
  },
};
