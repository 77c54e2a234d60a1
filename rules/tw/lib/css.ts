// A small CSS walker for Freego's unit checks: finds declarations a test picks (font-size, line-height,
// max-width in absolute units), skipping print-only rules where pt/cm are the right units.
// Not a full parser: comments and strings are handled, nesting is tracked by braces.

export interface CssHit {
  /** The rule's selector (or '(style attribute)'). */
  selector: string;
  declaration: string;
  value: string;
}

const ABSOLUTE = /(?<![\w.-])(\d*\.?\d+)(px|pt|pc|cm|mm|in|q)\b/i;
const RELATIVE = /\d(?:(?:r?em|vw|vh|vmin|vmax|ch|ex|rlh|lh|cap)\b|%)/i;

/** The absolute length inside a font-size value; null when relative, keyword, zero, or mixed with a relative unit. */
export function absoluteSizeIn(value: string): string | null {
  const v = value.replace(/!important/i, '').trim();
  if (/var\(/i.test(v)) return null;
  // calc(1rem + 2px) still scales with the user's setting.
  if (/(?:calc|clamp|min|max)\(/i.test(v) && RELATIVE.test(v)) return null;
  const m = ABSOLUTE.exec(v);
  if (!m || Number(m[1]) === 0) return null; // font-size:0 hides inline-block whitespace; not text sizing
  return m[0];
}

/** Size token of the `font` shorthand ("bold 12px/1.5 Arial" → 12px); the part after "/" is line-height. */
export function shorthandSize(value: string): string | null {
  const m = /(?:^|\s)(\d*\.?\d+(?:px|pt|pc|cm|mm|in|q))(?=\s*\/|\s|$)/i.exec(value.replace(/!important/i, ''));
  return m ? absoluteSizeIn(m[1]!) : null;
}

/** Turns one declaration into a hit, or null: the rule-specific part of a scan. */
export type DeclarationTest = (selector: string, prop: string, value: string) => CssHit | null;

function declarationOf(decl: string): { prop: string; value: string } | null {
  const i = decl.indexOf(':');
  if (i < 0) return null;
  return { prop: decl.slice(0, i).trim().toLowerCase(), value: decl.slice(i + 1).trim() };
}

function hitOf(prop: string, value: string, selector: string, size: string | null): CssHit | null {
  return size ? { selector, declaration: `${prop}: ${value}`.slice(0, 120), value: size } : null;
}

/** font-size (and the size inside the `font` shorthand) in absolute units: CS2140401C. */
export const absoluteFontSizeTest: DeclarationTest = (selector, prop, value) =>
  hitOf(prop, value, selector, prop === 'font-size' ? absoluteSizeIn(value) : prop === 'font' ? shorthandSize(value) : null);

/** line-height (and the part after "/" in the `font` shorthand) in absolute units: CS3140802C. */
export const absoluteLineHeightTest: DeclarationTest = (selector, prop, value) => {
  if (prop === 'line-height') return hitOf(prop, value, selector, absoluteSizeIn(value));
  if (prop !== 'font') return null;
  const m = /\/\s*([^\s,]+)/.exec(value.replace(/!important/i, ''));
  return m ? hitOf(prop, value, selector, absoluteSizeIn(m[1]!)) : null;
};

/** Any line-height (or a `font` shorthand with one): whether the page sets line spacing at all. */
export const lineHeightTest: DeclarationTest = (selector, prop, value) =>
  prop === 'line-height' || (prop === 'font' && value.includes('/')) ? { selector, declaration: `${prop}: ${value}`.slice(0, 120), value } : null;

/** max-width in absolute units (column widths that do not follow the text size): CS3140801C. */
export const absoluteMaxWidthTest: DeclarationTest = (selector, prop, value) =>
  prop === 'max-width' ? hitOf(prop, value, selector, absoluteSizeIn(value)) : null;

/** @media blocks that apply only to print (or other non-screen media). */
function printOnly(prelude: string): boolean {
  const p = prelude.toLowerCase();
  if (p.startsWith('@page')) return true;
  if (!p.startsWith('@media')) return false;
  return /\bprint\b|\bspeech\b/.test(p) && !/\bscreen\b|\ball\b/.test(p);
}

const SKIPPED_AT_RULES = /^@(?:font-face|keyframes|-webkit-keyframes|counter-style|property)/i;

/** Declarations of a stylesheet that `test` picks, outside print media and @font-face/@keyframes. */
export function declarationHitsInStylesheet(css: string, test: DeclarationTest): CssHit[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
  const hits: CssHit[] = [];
  const stack: string[] = [];
  let buf = '';
  const inSkipped = () => stack.some((p) => printOnly(p) || SKIPPED_AT_RULES.test(p));
  const flushDecl = () => {
    const top = stack[stack.length - 1];
    const decl = declarationOf(buf);
    if (top !== undefined && decl && !top.startsWith('@') && !inSkipped()) {
      const hit = test(top, decl.prop, decl.value);
      if (hit) hits.push(hit);
    }
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      const stop = end < 0 ? text.length - 1 : end;
      buf += text.slice(i, stop + 1);
      i = stop;
    } else if (ch === '{') {
      stack.push(buf.trim().replace(/\s+/g, ' ').slice(0, 200));
      buf = '';
    } else if (ch === '}') {
      flushDecl();
      stack.pop();
    } else if (ch === ';') {
      if (stack.length) flushDecl();
      else buf = ''; // @import/@charset statements
    } else buf += ch;
  }
  return hits;
}

export function declarationHitsInStyleAttribute(style: string, test: DeclarationTest): CssHit[] {
  return style
    .split(';')
    .map((d) => declarationOf(d))
    .map((d) => (d ? test('(style)', d.prop, d.value) : null))
    .filter((h): h is CssHit => h !== null);
}

export const absoluteFontSizesInStylesheet = (css: string): CssHit[] => declarationHitsInStylesheet(css, absoluteFontSizeTest);
