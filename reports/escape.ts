// Everything that came from a scanned page is untrusted: escape it for the format it lands in.

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** XML 1.0 text/attribute content: escaped, with characters XML cannot carry removed. */
export function escapeXml(s: unknown): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** A plain number (an id such as -5, a score, a negative offset): never a formula, so never defused. */
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The project's one CSV cell writer (RFC 4180): quoted when needed; text a spreadsheet would run as a
 * formula (starting with = + - @ tab or CR) is prefixed with ' — except plain numbers such as -5.
 */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The project's one CSV document writer: CRLF line ends, and a BOM (so Excel reads UTF-8) when asked. */
export function csvDocument(rows: readonly (readonly unknown[])[], opts: { bom?: boolean } = {}): string {
  return `${opts.bom ? '\uFEFF' : ''}${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** An href only for http(s) URLs; anything else (javascript:, data:) is not linked. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? escapeHtml(u.href) : null;
  } catch {
    return null;
  }
}

/** A data: URI for an element screenshot: only a known image type and base64 text, else null (results may come from elsewhere). */
export function screenshotDataUri(shot: { type: string; base64: string } | null | undefined): string | null {
  if (!shot || (shot.type !== 'image/png' && shot.type !== 'image/jpeg') || typeof shot.base64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(shot.base64)) return null;
  return `data:${shot.type};base64,${shot.base64}`;
}

/** An id fragment from an arbitrary registry id (ids may hold characters invalid in a fragment). */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${Array.from(id, (c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('')}`;
}

/** Terminal text from a scanned page: control characters (escape sequences, carriage returns) removed. */
export function plainText(s: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(s ?? '').replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
}
