// Agency ids appear in dashboard paths (/agencies/<id>), file names and CSV cells. They are
// path-safe by construction: a letter or digit first (so never "." or "..", never a dot file, never
// an option such as "-x"), then letters, digits and . _ : - only, at most 64 characters.

export const AGENCY_ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,63}$/u;

/** Why the id is not usable, or null when it is. */
export function agencyIdProblem(id: string): string | null {
  if (AGENCY_ID_PATTERN.test(id)) return null;
  if (/^\.+$/.test(id)) return `"${id}" is a path segment ("." and ".." would make dashboard links point elsewhere)`;
  return `"${id}" is not a usable id (a letter or digit first, then letters, digits and . _ : - up to 64 characters)`;
}
