// Lighthouse builds an IntlMessageFormat for every UI string it touches: every audit's title and
// description each time its `meta` is read (config validation, auditing, report formatting). Each
// construction resolves the locale through Intl.NumberFormat.supportedLocalesOf, which loads ICU data
// anew on every call, and parses the message into a syntax tree. Profiled in the Lighthouse child,
// resolving the config alone spent ~0.2 CPU s per run on this, and garbage collection as much again.
// Both results depend only on their inputs and are never modified (Intl.Locale is immutable; the
// formatter only reads the tree), so each is computed once per distinct input and shared.
// Plain JavaScript: child-entry.js imports it before tsx is registered.
import { IntlMessageFormat } from 'intl-messageformat';

const resolveLocale = IntlMessageFormat.resolveLocale;
const parse = IntlMessageFormat.__parse;
const locales = new Map();
const trees = new Map();
/** Lighthouse has ~2,000 UI strings per locale; a bound keeps a pathological caller from growing it forever. */
const MAX_TREES = 20_000;

/** Memoises IntlMessageFormat's locale resolution and message parsing by their inputs; idempotent. */
export function cacheIntlLocales() {
  if (IntlMessageFormat.resolveLocale !== resolveLocale) return;
  IntlMessageFormat.resolveLocale = function resolveLocaleOnce(asked) {
    const key = Array.isArray(asked) ? asked.join('\u0000') : String(asked);
    if (!locales.has(key)) locales.set(key, resolveLocale.call(this, asked));
    return locales.get(key);
  };
  if (typeof parse !== 'function') return;
  IntlMessageFormat.__parse = function parseOnce(message, opts = {}) {
    const key = `${message}\u0000${String(opts.locale ?? '')}\u0000${JSON.stringify({ ...opts, locale: undefined })}`;
    let tree = trees.get(key);
    if (tree === undefined) {
      tree = parse.call(this, message, opts);
      if (trees.size < MAX_TREES) trees.set(key, tree);
    }
    return tree;
  };
}
