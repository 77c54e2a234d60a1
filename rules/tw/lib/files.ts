// What file format a download link offers, read the way real sites expose it: the URL path
// (report.docx), a query value (Hyweb Download.ashx?…&n=….docx&icon=..docx, ?file=a.xlsx), the download
// attribute, or the link's own words (title="申請表.odt", an icon link reading just "PDF").
import { normalizeText } from '../../lib/dom.ts';
import { visibleTextOf } from './markup.ts';

export const PROPRIETARY = new Set(['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx']);
/** ODF, PDF (ME1320200C), and CSV as the open form of a spreadsheet. */
export const OPEN = new Set(['odt', 'ods', 'odp', 'odg', 'pdf', 'csv']);

const EXT = 'docx?|xlsx?|pptx?|odt|ods|odp|odg|pdf|csv';
const ENDS_WITH_EXT = new RegExp(`\\.(${EXT})$`, 'i');
const FILENAME_IN_TEXT = new RegExp(`([^\\s/\\\\:*?"<>|「」『』()（）\\[\\]【】]+)\\.(${EXT})(?![A-Za-z0-9])`, 'i');
/** Words around a bare format label: 下載 DOCX 檔, [PDF], ODT格式, (123 KB). */
const FORMAT_NOISE = /下載|下载|檔案|档案|檔|档|格式|版本|版|download|file|format|version|\(?\d+(?:\.\d+)?\s*(?:[kmg]i?b|bytes?)\)?|[\s[\]【】()（）「」:：|/_.-]/gi;
const PAGE_LIKE_PATH = /\.(?:html?|aspx?|php|jsp|cfm|do)$/i;
const DOWNLOAD_LIKE_PATH = /down|file|attach|getfile|\bdl\b|upload|media/i;

export interface FileLink {
  ext: string;
  /** Lower-case file name without extension, when one could be read (for matching alternatives). */
  basename: string | null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function split(name: string): FileLink | null {
  const m = ENDS_WITH_EXT.exec(name.trim());
  if (!m) return null;
  const file = name.trim().split(/[\\/]/).pop() ?? '';
  const base = file.slice(0, file.length - m[0].length).replace(/^\.+/, '').toLowerCase();
  return { ext: m[1]!.toLowerCase(), basename: base || null };
}

export function fileFormatOf(el: Element, base: string): FileLink | null {
  const raw = (el.getAttribute('href') ?? '').trim();
  if (!raw || /^(?:mailto|tel|javascript):|^#/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  const path = safeDecode(url.pathname);
  const fromPath = split(path);
  if (fromPath) return fromPath;
  let fromQuery: FileLink | null = null;
  for (const [, value] of url.searchParams) {
    const hit = split(value);
    // Prefer a value that also names the file (n=report.docx) over a bare format marker (icon=..docx).
    if (hit && (!fromQuery || (!fromQuery.basename && hit.basename))) fromQuery = hit;
  }
  const download = el.getAttribute('download');
  const fromDownload = download ? split(download) : null;
  if (fromQuery || fromDownload) {
    const named = fromDownload ?? fromQuery!;
    // icon=..docx carries the format without a name; the title often carries the name.
    if (!named.basename) return { ext: named.ext, basename: nameFromWords(el)?.basename ?? null };
    return named;
  }
  if (PAGE_LIKE_PATH.test(path) && !DOWNLOAD_LIKE_PATH.test(path)) return null;
  return nameFromWords(el) ?? bareFormatLabel(el);
}

function wordsOf(el: Element): string[] {
  const alts = Array.from(el.querySelectorAll('img')).map((i) => i.getAttribute('alt') ?? '');
  return [el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '', visibleTextOf(el), ...alts].map((s) => normalizeText(s)).filter(Boolean);
}

function nameFromWords(el: Element): FileLink | null {
  for (const w of wordsOf(el)) {
    const m = FILENAME_IN_TEXT.exec(w);
    if (m) return { ext: m[2]!.toLowerCase(), basename: m[1]!.toLowerCase() };
  }
  return null;
}

/** An icon link whose whole label is the format ("DOCX", "[ODT]", "下載PDF檔"). */
function bareFormatLabel(el: Element): FileLink | null {
  for (const w of wordsOf(el)) {
    const rest = w.replace(FORMAT_NOISE, '').toLowerCase();
    if (PROPRIETARY.has(rest) || OPEN.has(rest)) return { ext: rest, basename: null };
  }
  return null;
}
