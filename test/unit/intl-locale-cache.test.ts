// The Lighthouse child memoises IntlMessageFormat's locale resolution and message parsing: the
// formatted strings must stay exactly what they were without the cache, for every value formatted.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { cacheIntlLocales } from '../../worker/lighthouse/intl-locale-cache.js';

const MESSAGE = '{itemCount, plural, =1 {1 個資源} other {# 個資源}}，共 {bytes, number, bytes} KiB';
const FORMATS = { number: { bytes: { maximumFractionDigits: 0 } } };

function formatAll(locale: string): string[] {
  return [1, 2, 7, 1].map((n) => new IntlMessageFormat(MESSAGE, locale, FORMATS, { ignoreTag: true }).format({ itemCount: n, bytes: n * 1024.4 }) as string);
}

describe('cacheIntlLocales', () => {
  it('formats every message exactly as before, with the locale resolved and the message parsed once', () => {
    const before = { zh: formatAll('zh-TW'), en: formatAll('en-US') };
    const originalParse = IntlMessageFormat.__parse;
    cacheIntlLocales();
    cacheIntlLocales(); // idempotent: wrapping twice would still work, but must not happen
    expect(IntlMessageFormat.__parse).not.toBe(originalParse);
    expect({ zh: formatAll('zh-TW'), en: formatAll('en-US') }).toEqual(before);
    expect(before.zh[1]).toBe('2 個資源，共 2,049 KiB');
    // Shared, immutable results: the same locale object and syntax tree for the same input.
    expect(IntlMessageFormat.resolveLocale('zh-TW')).toBe(IntlMessageFormat.resolveLocale('zh-TW'));
    const a = new IntlMessageFormat(MESSAGE, 'zh-TW', FORMATS, { ignoreTag: true });
    const b = new IntlMessageFormat(MESSAGE, 'zh-TW', FORMATS, { ignoreTag: true });
    expect(a.getAst()).toBe(b.getAst());
    // A different locale or different parse options is a different entry.
    expect(new IntlMessageFormat(MESSAGE, 'en-US', FORMATS, { ignoreTag: true }).getAst()).not.toBe(a.getAst());
    expect(new IntlMessageFormat(MESSAGE, 'zh-TW', FORMATS, { ignoreTag: false }).getAst()).not.toBe(a.getAst());
  });
});
