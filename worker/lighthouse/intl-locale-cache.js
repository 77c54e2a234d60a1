// Lighthouse builds an IntlMessageFormat for every UI string it touches: every audit's title and
// description each time its `meta` is read (config validation, auditing, report formatting), and each
// construction resolves the locale through Intl.NumberFormat.supportedLocalesOf, which loads ICU data
// anew on every call. Profiled in the Lighthouse child: resolving the config spent ~0.2 CPU s per run
// there, and garbage collection of it as much again. The answer depends only on the locales asked
// for, and Intl.Locale is immutable, so one resolution per locale list is kept and shared.
// Plain JavaScript: child-entry.js imports it before tsx is registered.
import { IntlMessageFormat } from 'intl-messageformat';

const resolve = IntlMessageFormat.resolveLocale;
const resolved = new Map();

/** Memoises IntlMessageFormat.resolveLocale by its locales argument; idempotent. */
export function cacheIntlLocales() {
  if (IntlMessageFormat.resolveLocale !== resolve) return;
  IntlMessageFormat.resolveLocale = function resolveLocaleOnce(locales) {
    const key = Array.isArray(locales) ? locales.join('\u0000') : String(locales);
    if (!resolved.has(key)) resolved.set(key, resolve.call(this, locales));
    return resolved.get(key);
  };
}
