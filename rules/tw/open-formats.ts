// tw/open-formats (ME1320200C): a doc/docx/xls/xlsx/ppt/pptx download must come with an open-format
// alternative (ODF: odt/ods/odp, or PDF) for the same item — the NDC ODF policy. "Same item" is read from
// the markup: the same file name in another format anywhere on the page, or another-format link in the
// same list item / table row / paragraph / block, as long as that block is not a sibling item of its own.
import type { FindingDraft, PageArtifacts, PageRule } from '../../core/types.ts';
import { documentOf, normalizeText } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { fileFormatOf, OPEN, PROPRIETARY, type FileLink } from './lib/files.ts';
import { capFindings, isShown, labelOf, linkEvidence, visibleTextOf } from './lib/markup.ts';

/** Elements that delimit one item in a list of downloads. */
const ITEM_TAGS = new Set(['LI', 'TR', 'DD', 'DT', 'P', 'ARTICLE', 'SECTION']);
/** Never climb past these: beyond them "the same item" means nothing. */
const STOP_TAGS = new Set(['BODY', 'HTML', 'MAIN', 'HEADER', 'FOOTER', 'NAV', 'FORM', 'TABLE', 'ASIDE']);
const MAX_CLIMB = 8;

const SIZE_AND_FORMAT_WORDS = /\(?\d+(?:\.\d+)?\s*(?:[kmg]i?b|bytes?)\)?|\b(?:docx?|xlsx?|pptx?|odt|ods|odp|odg|pdf|csv)\b|下載|下载|檔案|檔|格式|download/gi;

/** Per-check memo: pages with hundreds of downloads ask the same containers again and again. */
const ownTextMemo = new WeakMap<Map<Element, FileLink>, Map<Element, boolean>>();

/** Text an element carries besides its download links: an item title, a description. */
function ownText(el: Element, files: Map<Element, FileLink>): boolean {
  let memo = ownTextMemo.get(files);
  if (!memo) ownTextMemo.set(files, (memo = new Map()));
  const known = memo.get(el);
  if (known !== undefined) return known;
  let text = visibleTextOf(el);
  for (const a of el.querySelectorAll('a[href]')) {
    if (files.has(a)) text = text.replace(visibleTextOf(a), ' ');
  }
  const rest = normalizeText(text).replace(SIZE_AND_FORMAT_WORDS, '').replace(/[\s\p{P}\p{S}\d]/gu, '');
  const result = rest.length >= 2;
  memo.set(el, result);
  return result;
}

function childContaining(ancestor: Element, el: Element): Element {
  let node = el;
  while (node.parentElement && node.parentElement !== ancestor) node = node.parentElement;
  return node;
}

/** Two branches of a block are separate items when both carry their own text, or are named files that differ. */
function separateItems(a: Element, b: Element, files: Map<Element, FileLink>): boolean {
  if (files.has(a) || files.has(b)) return false; // the links themselves sit side by side in one block
  if (ownText(a, files) && ownText(b, files)) return true;
  const nameA = [...files].find(([el]) => a.contains(el))?.[1].basename;
  const nameB = [...files].find(([el]) => b.contains(el))?.[1].basename;
  return !!nameA && !!nameB && nameA !== nameB;
}

function hasAlternative(link: Element, info: FileLink, files: Map<Element, FileLink>): boolean {
  const open = [...files].filter(([, f]) => OPEN.has(f.ext));
  if (info.basename && open.some(([, f]) => f.basename === info.basename)) return true;
  let node: Element = link;
  for (let depth = 0; depth < MAX_CLIMB; depth++) {
    const parent = node.parentElement;
    if (!parent || STOP_TAGS.has(parent.tagName)) return false;
    const near = open.filter(([el]) => el !== link && parent.contains(el));
    if (near.length) {
      const mine = childContaining(parent, link);
      return near.some(([el]) => !separateItems(mine, childContaining(parent, el), files));
    }
    // An item boundary with its own title ends the item; a bare wrapper (a format slot) does not.
    if (ITEM_TAGS.has(parent.tagName) && ownText(parent, files)) return false;
    node = parent;
  }
  return false;
}

function fileLinks(page: PageArtifacts): Map<Element, FileLink> {
  const base = page.finalUrl || page.url;
  const files = new Map<Element, FileLink>();
  for (const a of Array.from(documentOf(page).querySelectorAll('a[href]'))) {
    if (!isShown(page, a)) continue;
    const info = fileFormatOf(a, base);
    if (info) files.set(a, info);
  }
  return files;
}

export const openFormats: PageRule = {
  meta: {
    id: 'tw/open-formats',
    requires: ['html', 'links'],
    category: 'governance',
    severity: 'moderate',
    scope: 'page',
    pages: 'all',
    wcag: [],
    twCodes: { '115.11': ['ME1320200C'], '110.07': ['ME1320200C'] },
    level: 'A',
    title: msg('文件下載應同時提供開放格式（ODF 或 PDF）', 'Document downloads should also be offered in an open format (ODF or PDF)'),
    description: msg(
      '提供 doc、docx、xls、xlsx、ppt、pptx 等檔案下載時，應同時提供 ODF（odt、ods、odp）或 PDF 格式（網站無障礙規範 ME1320200C；國家發展委員會 ODF 政策）。',
      'Downloads in doc, docx, xls, xlsx, ppt or pptx must come with an ODF (odt, ods, odp) or PDF version (Taiwan accessibility spec ME1320200C; NDC open document format policy).',
    ),
    howToFix: msg(
      '在同一項目旁加上相同內容的 .odt/.ods/.odp 或 .pdf 下載連結，例如「申請表（ODT）（PDF）（DOCX）」。',
      'Next to the same item, add a download of the same document as .odt/.ods/.odp or .pdf, e.g. "Application form (ODT) (PDF) (DOCX)".',
    ),
    helpUrl: 'https://accessibility.moda.gov.tw/Accessible/Guide/68',
    source: '網站無障礙規範 110.07 ME1320200C',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const files = fileLinks(page);
    const proprietary = [...files].filter(([, f]) => PROPRIETARY.has(f.ext));
    if (proprietary.length === 0) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const [a, info] of proprietary) {
      if (hasAlternative(a, info, files)) continue;
      const label = labelOf(a);
      findings.push({
        ...linkEvidence(page, a),
        message: msg(
          `「${label}」提供 .${info.ext} 檔下載，但同一項目沒有 ODF 或 PDF 版本`,
          `"${label}" is offered as .${info.ext} without an ODF or PDF version of the same item`,
        ),
        data: { format: info.ext, href: a.getAttribute('href') },
      });
    }
    if (findings.length) {
      findings[0] = { ...findings[0]!, data: { ...findings[0]!.data, proprietaryLinks: proprietary.length, withoutAlternative: findings.length } };
    }
    return resultOf(capFindings(findings));
  },
};
