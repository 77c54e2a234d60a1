/** Memoises IntlMessageFormat's locale resolution and message parsing by their inputs; idempotent. See intl-locale-cache.js. */
export function cacheIntlLocales(): void;
