// Asia/Taipei (UTC+8, no DST since 1979): the zone every date in govcheck is read and written in, so
// nothing depends on the machine's time zone.
export const TAIPEI_OFFSET_MS = 8 * 3_600_000;

/** The calendar date of an instant as seen in Taipei, YYYY-MM-DD. */
export function taipeiDateOf(instant: Date): string {
  return new Date(instant.getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}
