// 站內搜尋: a site search box. Detected the way GSA's site scanner does (form action, input type,
// name/id/class) plus Taiwan's wording (搜尋, 站內搜尋, 全文檢索, 關鍵字) and Google Custom Search embeds.
// Search boxes are often opened by a button or built by script, so a 搜尋 button or link counts too.
import type { PageArtifacts, PageRule } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { findClickable } from './lib/clickables.ts';
import { judgeable, pagesToSearch, searchPages } from './lib/scope.ts';
import { normalizeHref, normalizeLabel } from './lib/text.ts';

/** Normalised names/placeholders of a search field. */
const FIELD_WORDS = /search|query|keyword|搜尋|搜索|關鍵字|關鍵詞|查詢|檢索/;
/** Short field names search forms use: q, kw, k, s, wd, key, qs, query_string. */
const FIELD_NAMES = /^(q|kw|k|s|wd|key|qs|qt|searchword|searchtext|txtsearch|txtkeyword)$/;
/** A search button, toggle or link. */
const SEARCH_LABEL = /搜尋|搜索|全文檢索|全站檢索|站內檢索|^查詢$|^檢索$|(?<!re)search/;
/** 'search' in a URL but not inside "research". */
const SEARCH_HREF = /(?<!re)search|fullsearch|cse\.google|google\.com\/cse|搜尋|全文檢索/;
const CSE = /cse\.google\.|google\.com\/cse|gcse-search|class=["'][^"']*\bgsc-|name=["']cx["']/i;
/** Headings or captions above a search box. */
const SEARCH_TEXT = /站內搜尋|網站搜尋|全站搜尋|全文檢索|站內檢索/;

function searchOnPage(page: PageArtifacts): string | null {
  const doc = documentOf(page);
  if (doc.querySelector('[role=search],search,input[type=search]')) return 'search landmark or field';
  for (const form of Array.from(doc.querySelectorAll('form'))) {
    const names = ['id', 'name', 'class', 'aria-label', 'title'].map((a) => normalizeLabel(form.getAttribute(a)));
    if (SEARCH_HREF.test(normalizeHref(form.getAttribute('action'))) || names.some((n) => FIELD_WORDS.test(n))) return 'search form';
  }
  for (const input of Array.from(doc.querySelectorAll('input,textarea'))) {
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    if (!['text', 'search', ''].includes(type)) continue;
    const words = ['placeholder', 'title', 'aria-label', 'id', 'class', 'name'].map((a) => normalizeLabel(input.getAttribute(a)));
    if (words.some((w) => FIELD_WORDS.test(w)) || FIELD_NAMES.test(normalizeLabel(input.getAttribute('name')))) return 'search field';
    if (input.getAttribute('accesskey')?.toUpperCase() === 'S') return 'search field (accesskey S)';
  }
  for (const label of Array.from(doc.querySelectorAll('label'))) {
    if (FIELD_WORDS.test(normalizeLabel(label.textContent))) return 'search label';
  }
  if (CSE.test(page.html)) return 'Google Custom Search';
  if (findClickable(page, { label: SEARCH_LABEL, href: SEARCH_HREF })) return 'search button or link';
  if (SEARCH_TEXT.test(normalizeLabel(page.text))) return 'search caption';
  return null;
}

export const siteSearch: PageRule = {
  meta: {
    id: 'gov/site-search',
    requires: ['html', 'links', 'text', 'httpStatus'],
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
