// A cheap shape check for what page scripts return: the page is untrusted and its scripts are untyped, so
// their results are checked field by field at the boundary instead of cast. A mismatch throws with the
// path of the first wrong field (e.g. "links[3].href: expected string, got number").

export type Check = (value: unknown, path: string) => void;

export class ShapeError extends Error {
  constructor(path: string, expected: string, value: unknown) {
    super(`${path}: expected ${expected}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`);
    this.name = 'ShapeError';
  }
}

const primitive =
  (type: 'string' | 'number' | 'boolean'): Check =>
  (v, path) => {
    if (typeof v !== type || (type === 'number' && !Number.isFinite(v))) throw new ShapeError(path, type, v);
  };

export const str = primitive('string');
export const num = primitive('number');
export const bool = primitive('boolean');

export const nullable =
  (check: Check): Check =>
  (v, path) => {
    if (v !== null) check(v, path);
  };

/** Absent (undefined) or as `check` says. */
export const optional =
  (check: Check): Check =>
  (v, path) => {
    if (v !== undefined) check(v, path);
  };

export const oneOf =
  (...values: readonly (string | number | boolean)[]): Check =>
  (v, path) => {
    if (!values.includes(v as string | number | boolean)) throw new ShapeError(path, values.join('|'), v);
  };

export const arrayOf =
  (check: Check): Check =>
  (v, path) => {
    if (!Array.isArray(v)) throw new ShapeError(path, 'array', v);
    v.forEach((item, i) => check(item, `${path}[${i}]`));
  };

/** An object with exactly these fields checked (every field of T must be named: the type ties the check to it). */
export const object =
  <T extends object>(fields: { [K in keyof T]-?: Check }): Check =>
  (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(path, 'object', v);
    for (const [key, check] of Object.entries(fields) as [string, Check][]) check((v as Record<string, unknown>)[key], `${path}.${key}`);
  };

/** An object whose every own field passes `check` (names not fixed: e.g. milliseconds per page module). */
export const recordOf =
  (check: Check): Check =>
  (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(path, 'object', v);
    for (const [key, value] of Object.entries(v)) check(value, `${path}.${key}`);
  };

export const tuple =
  (...checks: Check[]): Check =>
  (v, path) => {
    if (!Array.isArray(v) || v.length !== checks.length) throw new ShapeError(path, `array of ${checks.length}`, v);
    checks.forEach((check, i) => check(v[i], `${path}[${i}]`));
  };
