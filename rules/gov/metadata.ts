// 詮釋資料: 行政機關電子資料流通詮釋資料及分類檢索規範 asks every page for Dublin Core meta tags
// (DC.Title, DC.Date, DC.Identifier = 機關代碼 …) and the three Taiwan classifications
// (Category.Theme 主題, Category.Cake 施政, Category.Service 服務) used by the gov.tw portal search.
// Many modern sites omit some of the 15 elements, so only a page with no DC tag at all, or a tag whose
// value is malformed, is a finding.
import type { FindingDraft, MetaTag, PageArtifacts, PageRule } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { msg, resultOf } from '../lib/result.ts';
import { isValidMetaDate } from './lib/meta-date.ts';

/** 機關代碼: nine digits and a check letter (341000000A); newer agencies start with a letter (A21000000I). */
export const AGENCY_CODE = /^[0-9A-Z]\d{8}[A-Z]$/;
const THEME_CODE = /^\d{3}$/;
const CAKE_OR_SERVICE_CODE = /^[0-9A-Z]\d{2}$/;

interface FieldRule {
  field: string;
  valid: (value: string) => boolean;
  expected: { zh: string; en: string };
}

/** A list of codes (the tags are repeatable, and sites separate several codes with commas). */
const codeList = (code: RegExp, caseSensitive = false) => (v: string) => {
  const parts = (caseSensitive ? v : v.toUpperCase()).split(/[\s,，、;；]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => code.test(p));
};

const FIELD_RULES: FieldRule[] = [
  { field: 'DC.Title', valid: (v) => v.trim() !== '', expected: { zh: '不可空白', en: 'must not be empty' } },
  {
    field: 'DC.Date',
    valid: isValidMetaDate,
    expected: { zh: '應為日期，例如 2026-11-27 或 2026-11-27 09:30', en: 'expected a date such as 2026-11-27 or 2026-11-27 09:30' },
  },
  {
    field: 'DC.Identifier',
    valid: codeList(AGENCY_CODE, true),
    expected: { zh: '應為 10 碼機關代碼，例如 341000000A', en: 'expected a 10-character agency code such as 341000000A' },
  },
  {
    field: 'Category.Theme',
    valid: codeList(THEME_CODE),
    expected: { zh: '應為 3 位數主題分類代碼，多個以逗號分隔（例如 200,910）', en: 'expected 3-digit theme codes separated by commas (e.g. 200,910)' },
  },
  {
    field: 'Category.Cake',
    valid: codeList(CAKE_OR_SERVICE_CODE),
    expected: { zh: '應為施政分類代碼，例如 C21 或 E00,I00', en: 'expected administrative codes such as C21 or E00,I00' },
  },
  {
    field: 'Category.Service',
    valid: codeList(CAKE_OR_SERVICE_CODE),
    expected: { zh: '應為服務分類代碼，例如 E10 或 I00', en: 'expected service codes such as E10 or I00' },
  },
];

function metaTagsOf(page: PageArtifacts): MetaTag[] {
  if (page.meta.length > 0) return page.meta;
  return Array.from(documentOf(page).querySelectorAll('meta')).map((m) => ({
    name: m.getAttribute('name'),
    property: m.getAttribute('property'),
    httpEquiv: m.getAttribute('http-equiv'),
    content: m.getAttribute('content') ?? '',
  }));
}

/** 'dc.title', 'DC:Title' → 'DC.Title'; 'category.theme' → 'Category.Theme'; null for other names. */
export function canonicalField(name: string | null): string | null {
  const m = /^\s*(dc|category)[.:]([a-z.]+)\s*$/i.exec(name ?? '');
  if (!m) return null;
  const prefix = m[1]!.toLowerCase() === 'dc' ? 'DC' : 'Category';
  const rest = m[2]!.split('.').map((p, i) => (i === 0 ? p.charAt(0).toUpperCase() + p.slice(1).toLowerCase() : p.toLowerCase()));
  return `${prefix}.${rest.join('.')}`;
}

export const metadata: PageRule = {
  meta: {
    id: 'gov/metadata',
    requires: ['html', 'meta'],
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: [],
    title: msg('網頁應有正確的詮釋資料（DC／分類檢索）', 'Pages carry valid government metadata (DC / Category)'),
    description: msg(
      '檢查網頁是否有 Dublin Core 詮釋資料（DC.Title、DC.Date、DC.Identifier 等）及主題、施政、服務分類（Category.Theme／Cake／Service），並驗證其格式。',
      'Checks that the page has Dublin Core meta tags (DC.Title, DC.Date, DC.Identifier …) and the Taiwan classifications (Category.Theme / Cake / Service), and that their values are well-formed.',
    ),
    howToFix: msg(
      '依「行政機關電子資料流通詮釋資料及分類檢索規範」在 <head> 加入 <meta name="DC.Title" …> 等 15 項 DC 元素與 Category.Theme／Cake／Service；DC.Date 用 YYYY-MM-DD，DC.Identifier 用機關代碼。',
      'Following the government metadata specification (FL043379), add <meta name="DC.Title" …> and the other 15 DC elements plus Category.Theme / Cake / Service to <head>; write DC.Date as YYYY-MM-DD and DC.Identifier as the agency code.',
    ),
    helpUrl: 'https://law.moda.gov.tw/LawContent.aspx?id=FL043379',
    source: '行政機關電子資料流通詮釋資料及分類檢索規範（111-12-02 修正）；tw-rules §3、#37',
    tags: ['metadata'],
  },
  check(page) {
    const tags = metaTagsOf(page)
      .map((t) => ({ tag: t, field: canonicalField(t.name) }))
      .filter((t): t is { tag: MetaTag; field: string } => t.field !== null);
    if (!tags.some((t) => t.field.startsWith('DC.'))) {
      return resultOf([
        {
          message: msg('網頁沒有任何 DC 詮釋資料（如 DC.Title、DC.Date、DC.Identifier）。', 'The page has no Dublin Core metadata (DC.Title, DC.Date, DC.Identifier …).'),
          selector: 'head',
          data: { categoryTags: tags.map((t) => t.field) },
        },
      ]);
    }
    const findings: FindingDraft[] = [];
    for (const { tag, field } of tags) {
      const rule = FIELD_RULES.find((r) => r.field === field);
      if (!rule || rule.valid(tag.content)) continue;
      const value = tag.content.trim();
      findings.push({
        message: value
          ? msg(`${field} 的值「${value}」格式不正確：${rule.expected.zh}。`, `${field} "${value}" is malformed: ${rule.expected.en}.`)
          : msg(`${field} 的值是空白的：${rule.expected.zh}。`, `${field} is empty: ${rule.expected.en}.`),
        selector: `meta[name="${tag.name}"]`,
        snippet: `<meta name="${tag.name}" content="${tag.content}">`.slice(0, 300),
        data: { field, value },
      });
    }
    return resultOf(findings);
  },
};
