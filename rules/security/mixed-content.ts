// security/mixed-content: an https page that loads http: subresources. Browsers block active content
// (scripts, styles, frames) and auto-upgrade or block images and media, so pages break or show warnings.
// Evidence: the browser's own mixed-content reports plus the rendered markup (which also catches what
// the browser never requested, e.g. lazy images below the fold).
import type { FindingDraft, PageRule, Severity } from '../../core/types.ts';
import { documentOf, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { isHttpsUrl } from './lib.ts';

const MAX_FINDINGS = 50;

interface Source {
  selector: string;
  attr: string;
  kind: string;
  active: boolean;
  /** srcset lists several URLs. */
  list?: boolean;
}

const SOURCES: Source[] = [
  { selector: 'script[src]', attr: 'src', kind: 'script', active: true },
  { selector: 'iframe[src]', attr: 'src', kind: 'iframe', active: true },
  { selector: 'frame[src]', attr: 'src', kind: 'frame', active: true },
  { selector: 'object[data]', attr: 'data', kind: 'object', active: true },
  { selector: 'embed[src]', attr: 'src', kind: 'embed', active: true },
  { selector: 'form[action]', attr: 'action', kind: 'form', active: true },
  { selector: 'img[src]', attr: 'src', kind: 'image', active: false },
  { selector: 'img[srcset], source[srcset]', attr: 'srcset', kind: 'image', active: false, list: true },
  { selector: 'input[type=image][src]', attr: 'src', kind: 'image', active: false },
  { selector: 'video[src], audio[src], source[src], track[src]', attr: 'src', kind: 'media', active: false },
  { selector: 'video[poster]', attr: 'poster', kind: 'image', active: false },
];

/** <link> rels that load a resource (canonical/alternate only name a URL). */
const LOADING_RELS: Record<string, { kind: string; active: boolean }> = {
  stylesheet: { kind: 'stylesheet', active: true },
  preload: { kind: 'preload', active: true },
  modulepreload: { kind: 'script', active: true },
  manifest: { kind: 'manifest', active: true },
  icon: { kind: 'icon', active: false },
  'apple-touch-icon': { kind: 'icon', active: false },
};

const ACTIVE_REQUEST_TYPES = new Set(['script', 'stylesheet', 'document', 'subdocument', 'xhr', 'fetch', 'websocket', 'font', 'manifest']);

function isHttp(url: string): boolean {
  return /^\s*http:\/\//i.test(url);
}

export const mixedContent: PageRule = {
  meta: {
    id: 'security/mixed-content',
    requires: ['html', 'requestIssues'],
    category: 'security',
    severity: 'serious',
    scope: 'page',
    pages: 'all',
    wcag: [],
    title: msg('HTTPS 頁面不應載入 HTTP 資源（混合內容）', 'HTTPS pages should not load HTTP resources (mixed content)'),
    description: msg(
      'HTTPS 頁面載入 http:// 的腳本、樣式、框架或圖片時，瀏覽器會封鎖或警告，頁面可能無法正常運作，內容也可能遭竄改。',
      'When an HTTPS page loads http:// scripts, styles, frames or images, browsers block them or warn, the page may break, and the content can be tampered with.',
    ),
    howToFix: msg(
      '將資源網址改為 https:// 或相對路徑（//example 或 /path），並確認資源主機支援 HTTPS；可加上 CSP upgrade-insecure-requests。',
      'Change resource URLs to https:// or relative paths, make sure the resource host supports HTTPS, and consider the CSP directive upgrade-insecure-requests.',
    ),
    helpUrl: 'https://developer.mozilla.org/docs/Web/Security/Mixed_content',
    source: 'W3C Mixed Content；tw-rules #27',
  },
  check(page) {
    if (!isHttpsUrl(page.finalUrl || page.url)) return notApplicable(); // plain-http sites: security/no-https
    const seen = new Set<string>();
    const findings: FindingDraft[] = [];
    const add = (url: string, kind: string, active: boolean, el: Element | null) => {
      const key = url.trim();
      if (seen.has(key)) return;
      seen.add(key);
      const severity: Severity = active ? 'serious' : 'moderate';
      findings.push({
        severity,
        selector: el ? selectorOf(el) : undefined,
        snippet: el ? snippetOf(el) : undefined,
        message: msg(`HTTPS 頁面載入 HTTP ${kind} 資源：${key}`, `The HTTPS page loads an HTTP ${kind} resource: ${key}`),
        data: { url: key, kind, active },
      });
    };
    for (const issue of page.requestIssues) {
      if (issue.kind.toLowerCase() !== 'mixed-content') continue;
      const type = issue.resourceType.toLowerCase();
      add(issue.url, type || 'resource', ACTIVE_REQUEST_TYPES.has(type), null);
    }
    const doc = documentOf(page);
    for (const src of SOURCES) {
      for (const el of Array.from(doc.querySelectorAll(src.selector))) {
        const value = el.getAttribute(src.attr) ?? '';
        const urls = src.list ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) if (isHttp(url)) add(url, src.kind, src.active, el);
      }
    }
    for (const link of Array.from(doc.querySelectorAll('link[href][rel]'))) {
      const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      const loading = rels.map((r) => LOADING_RELS[r]).find(Boolean);
      const href = link.getAttribute('href') ?? '';
      if (loading && isHttp(href)) add(href, loading.kind, loading.active, link);
    }
    findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'serious' ? -1 : 1));
    const kept = findings.slice(0, MAX_FINDINGS);
    if (findings.length > MAX_FINDINGS) kept[MAX_FINDINGS - 1] = { ...kept[MAX_FINDINGS - 1]!, data: { ...kept[MAX_FINDINGS - 1]!.data, moreElements: findings.length - MAX_FINDINGS } };
    return resultOf(kept);
  },
};
