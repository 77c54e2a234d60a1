// Everything that came from a scanned page is untrusted: escape it for the format it lands in.

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** XML 1.0 text/attribute content: escaped, with characters XML cannot carry removed. */
export function escapeXml(s: unknown): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** CSV field per RFC 4180; cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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

/** An id fragment from an arbitrary registry id (ids may hold characters invalid in a fragment). */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${Array.from(id, (c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('')}`;
}

/** Terminal text from a scanned page: control characters (escape sequences, carriage returns) removed. */
export function plainText(s: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(s ?? '').replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
}
