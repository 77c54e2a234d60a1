// Calendar arithmetic on plain 'YYYY-MM-DD' strings in Asia/Taipei (UTC+8, no DST since 1979),
// so freshness never depends on the machine's time zone.

import { TAIPEI_OFFSET_MS, taipeiDateOf } from '../../core/taipei.ts';

export { taipeiDateOf };
const DAY_MS = 86_400_000;

export const pad2 = (n: number): string => String(n).padStart(2, '0');

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Taipei wall-clock date and time of an instant. */
export function taipeiPartsOf(ms: number): { date: string; hour: number; minute: number; second: number } {
  const d = new Date(ms + TAIPEI_OFFSET_MS);
  return { date: d.toISOString().slice(0, 10), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}
