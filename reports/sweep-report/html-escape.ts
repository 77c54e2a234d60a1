// The HTML report's escaping is the shared one (reports/escape.ts); the short name `esc` reads well in templates.
export { escapeHtml as esc, safeHref, anchorId } from '../escape.ts';
