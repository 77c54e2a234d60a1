// Agency ids appear in dashboard paths (/agencies/<id>, percent-encoded), file names and CSV cells.
// They are path-safe by construction: letters, digits and . _ : - only (nothing a path or a URL
// would read as a separator), at most 64 characters, and never only dots ("." and ".." are path
// segments: /agencies/.. is the root, whatever the encoding).

export const AGENCY_ID_PATTERN = /^(?!\.+$)[\p{L}\p{N}._:-]{1,64}$/u;

/** Why the id is not usable, or null when it is. */
export function agencyIdProblem(id: string): string | null {
  if (AGENCY_ID_PATTERN.test(id)) return null;
  if (/^\.+$/.test(id)) return `"${id}" is a path segment ("." and ".." would make dashboard links point elsewhere)`;
  return `"${id}" is not a usable id (letters, digits and . _ : - up to 64 characters, not only dots)`;
}
