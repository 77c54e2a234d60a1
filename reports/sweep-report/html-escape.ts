// Escaping for the HTML report. Everything that came from a scanned page (titles, selectors,
// messages, snippets) or from the registry goes through these; nothing is trusted as markup.

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An href only for http(s) URLs; anything else (javascript:, data:) is not linked. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? esc(u.href) : null;
  } catch {
    return null;
  }
}

/** An id fragment from an arbitrary registry id (ids may hold characters invalid in a fragment). */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${Array.from(id, (c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('')}`;
}
