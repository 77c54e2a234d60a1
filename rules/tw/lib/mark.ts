// Finding the 無障礙標章 (accessibility mark) on a page. The mark is an 88×31 image that must link to its
// certificate page (辦法 §6): accessibility.moda.gov.tw/Applications/Detail?category=<14-digit number>
// today, accessibility.ncc.gov.tw (2017–2022) or handicap-free.nat.gov.tw before that. The number starts
// with YYYYMMDD, which dates the mark (valid 3 years, 辦法 §5). The level is read from the image's alt.
import { taipeiDateOf } from '../../../core/taipei.ts';
import type { A11yLevel, Conformance, MarkReadiness, PageArtifacts, PageRegion } from '../../../core/types.ts';
import { defaultEdition, levelRank } from '../../../core/tw-a11y.ts';
import { documentOf, normalizeText, selectorOf, snippetOf } from '../../lib/dom.ts';
import { hiddenByMarkup, linkArtifactFor, visibleTextOf } from './markup.ts';

export type MarkLevel = 'A' | 'A+' | 'AA' | 'AAA';

export interface MarkInfo {
  /** linked: links to a certificate page; wrong-link: links to the authority's site but not a certificate; unlinked: image only. */
  status: 'linked' | 'wrong-link' | 'unlinked';
  href: string | null;
  /** The `category` query value, when present. */
  category: string | null;
  /** category when it is the 14-digit YYYYMMDDhhmmss number. */
  markNumber: string | null;
  level: MarkLevel | null;
  levelSource: 'alt' | 'title' | 'text' | 'src' | null;
  alt: string | null;
  hasImage: boolean;
  region: PageRegion | null;
  selector: string;
  snippet: string;
}

const AUTHORITY_HOST = /(?:^|\.)(?:accessibility\.moda\.gov\.tw|accessibility\.ncc\.gov\.tw|handicap-free\.nat\.gov\.tw)$/i;

/** Parses an href on any of the authority hosts: null when the link is not to the authority at all. */
export function authorityLink(href: string, base: string): { certificate: boolean; category: string | null } | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || !AUTHORITY_HOST.test(url.hostname)) return null;
  let category: string | null = null;
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === 'category') category = v.trim();
  const certificate = /\/applications\/detail/i.test(url.pathname) && !!category;
  return { certificate, category };
}

const LEVEL_AFTER_KEYWORD = /(?:level|等級|conformance|wcag\s*2(?:\.\d)?|accessib\w*)\s*[:：-]?\s*(AAA|AA|A\+|A)(?![A-Za-z])/i;
const LEVEL_BEFORE_KEYWORD = /(?<![A-Za-z])(AAA|AA|A\+|A)\s*(?:級|等級|優先|优先|檢測|检测|標章|标章|無障礙|无障碍|level|conformance|mark|badge)/i;
/** Letters written against Chinese text (無障礙A+, AA無障礙): at least one side must be CJK, not a space. */
const LEVEL_BESIDE_CJK = /(?<=[\u3400-\u9fff（「])(AAA|AA|A\+|A)(?![A-Za-z])|(?<![A-Za-z])(AAA|AA|A\+|A)(?=[\u3400-\u9fff）」])/;
const PRIORITY = /第\s*([一二三123])\s*優先/;

/** 通過AA檢測等級無障礙網頁檢測 → AA; 通過A+優先等級 → A+; 無障礙A+ → A+; conformance level AA → AA; 無障礙標章2.0 → null. */
export function levelFromText(raw: string | null | undefined): MarkLevel | null {
  if (!raw) return null;
  const text = normalizeText(raw);
  for (const re of [LEVEL_AFTER_KEYWORD, LEVEL_BEFORE_KEYWORD, LEVEL_BESIDE_CJK]) {
    const m = re.exec(text);
    const level = m?.[1] ?? m?.[2];
    // The level letters are upper case on every mark; a lower-case "a" is the English article.
    if (level && level === level.toUpperCase()) return level as MarkLevel;
  }
  const p = PRIORITY.exec(text);
  if (p) return ({ 一: 'A', '1': 'A', 二: 'AA', '2': 'AA', 三: 'AAA', '3': 'AAA' } as const)[p[1] as '一'];
  return null;
}

/** Image file names: AA.png, icon-aa.png, A_Plus.gif, aplus.png, accessibility-aa.webp. */
export function levelFromSrc(src: string | null | undefined): MarkLevel | null {
  if (!src) return null;
  const file = (src.split(/[?#]/)[0] ?? '').split('/').pop() ?? '';
  const stem = file.replace(/\.[a-z0-9]+$/i, '');
  const m = /(?:^|[_\-.\s])(aaa|aa|a[_-]?plus|a\+|a)(?:[_\-.\s]|$)/i.exec(stem);
  if (!m) return null;
  const v = m[1]!.toLowerCase();
  return v === 'aaa' ? 'AAA' : v === 'aa' ? 'AA' : v === 'a' ? 'A' : 'A+';
}

/** Alt/title/src of an image that looks like the mark even when it is not linked. */
const MARK_WORDS = /無障礙(?:網頁|網站|网页|网站)?\s*(?:標章|标章|檢測|检测|A\+?|AA|2\.0)|通過.{0,6}(?:A\+?|AA|AAA).{0,10}(?:檢測|等級)|accessibility\s*(?:mark|badge|conformance|level|AA?)|conformance\s+level|freego/i;
const MARK_SRC = /handicap|accessib|a_?plus|freego|wcag|(?:^|\/)(?:aaa?|a)\.(?:png|gif|jpe?g|svg|webp)$/i;

function firstImage(el: Element): Element | null {
  return el.querySelector('img,svg,[role=img]');
}

function describe(page: PageArtifacts, anchor: Element | null, img: Element | null): Pick<MarkInfo, 'level' | 'levelSource' | 'alt' | 'hasImage' | 'region' | 'selector' | 'snippet'> {
  const alt = img?.getAttribute('alt') ?? img?.getAttribute('aria-label') ?? null;
  const tries: [MarkInfo['levelSource'], MarkLevel | null][] = [
    ['alt', levelFromText(alt)],
    ['title', levelFromText(anchor?.getAttribute('title')) ?? levelFromText(img?.getAttribute('title'))],
    ['text', anchor ? levelFromText(visibleTextOf(anchor)) : null],
    ['src', levelFromSrc(img?.getAttribute('src'))],
  ];
  const hit = tries.find(([, l]) => l);
  const el = anchor ?? img!;
  const artifact = anchor ? linkArtifactFor(page, anchor) : null;
  return {
    level: hit?.[1] ?? null,
    levelSource: hit?.[0] ?? null,
    alt,
    hasImage: !!img,
    region: artifact?.region ?? null,
    selector: artifact?.selector ?? selectorOf(el),
    snippet: snippetOf(el),
  };
}

/** The page's accessibility mark, best candidate first: certificate link > authority link > mark-like image. */
export function findMark(page: PageArtifacts): MarkInfo | null {
  const doc = documentOf(page);
  const base = page.finalUrl || page.url;
  let wrong: MarkInfo | null = null;
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (hiddenByMarkup(a)) continue;
    const link = authorityLink(a.getAttribute('href') ?? '', base);
    if (!link) continue;
    // A text link to the authority's site in a "related links" list is not a mark; only judge links that
    // show an image or say they are the mark.
    const markish = link.certificate || firstImage(a) || MARK_WORDS.test(normalizeText(`${visibleTextOf(a)} ${a.getAttribute('title') ?? ''}`));
    if (!markish) continue;
    const info: MarkInfo = {
      status: link.certificate ? 'linked' : 'wrong-link',
      href: new URL(a.getAttribute('href')!.trim(), base).href,
      category: link.category,
      markNumber: link.category && /^\d{14}$/.test(link.category) ? link.category : null,
      ...describe(page, a, firstImage(a)),
    };
    if (link.certificate) return info;
    wrong ??= info;
  }
  if (wrong) return wrong;
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (hiddenByMarkup(img)) continue;
    const words = `${img.getAttribute('alt') ?? ''} ${img.getAttribute('title') ?? ''}`;
    if (!MARK_WORDS.test(normalizeText(words)) && !MARK_SRC.test(img.getAttribute('src') ?? '')) continue;
    const anchor = img.closest('a[href]');
    return {
      status: 'unlinked',
      href: anchor ? (anchor.getAttribute('href') ?? null) : null,
      category: null,
      markNumber: null,
      ...describe(page, null, img),
    };
  }
  return null;
}

/** YYYYMMDDhhmmss → the instant in Asia/Taipei (UTC+8), or null when it is not a real date. */
export function markIssuedAt(markNumber: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(markNumber);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < 2000 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - 8 * 3600_000;
  const check = new Date(utc + 8 * 3600_000);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  return new Date(utc);
}


/** When a mark issued at `issued` lapses: `years` calendar years later, in Taipei time. */
export function markExpiry(issued: Date, years: number): Date {
  const local = new Date(issued.getTime() + 8 * 3600_000);
  local.setUTCFullYear(local.getUTCFullYear() + years);
  return new Date(local.getTime() - 8 * 3600_000);
}

/**
 * The home page's mark judged against the site's code verdict: the level it claims (A+ counts as A), the
 * edition it was tested under (110.07 before 2026-11-30), its expiry, and the codes at or below the claimed
 * level that fail now. null when the page shows no mark.
 */
export function markReadiness(page: PageArtifacts, now: Date, maxAgeYears: number, conformance: Pick<Conformance, 'codes'>): MarkReadiness | null {
  const mark = findMark(page);
  if (!mark) return null;
  const level: A11yLevel | null = mark.level === 'A+' ? 'A' : mark.level;
  const issued = mark.markNumber ? markIssuedAt(mark.markNumber) : null;
  const known = issued && issued.getTime() <= now.getTime() + 86_400_000 ? issued : null;
  const expires = known ? markExpiry(known, maxAgeYears) : null;
  return {
    level,
    markNumber: mark.markNumber,
    edition: known ? defaultEdition(known) : null,
    issued: known ? taipeiDateOf(known) : null,
    expires: expires ? taipeiDateOf(expires) : null,
    expired: expires ? now.getTime() > expires.getTime() : null,
    failingCodes: level ? conformance.codes.filter((c) => c.status === 'fail' && levelRank(c.level) <= levelRank(level)).map((c) => c.code) : [],
  };
}
