import { PeriodError } from '../shared/errors';

/**
 * Calendar-day arithmetic on ISO dates ('YYYY-MM-DD').
 *
 * Periods, cut-offs and deadlines are calendar days, not instants, so everything here works on day
 * numbers (days since 1970-01-01) computed in UTC, which has no daylight saving to shift a day.
 * A `Date` (an instant) is turned into a day as seen in Vietnam: UTC+7 all year, no DST — so a report
 * submitted at 23:30 on 13/06 in Hà Nội counts as 13/06, although it is already 14/06 nowhere in UTC.
 */

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day: an ISO date string, or an instant read in Vietnam time. */
export type DateInput = Date | string;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses 'YYYY-MM-DD' strictly (no time part, a real calendar day). */
export function parseIsoDate(text: string, field = 'date'): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(text);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || !isValidDate(year, month, day)) {
    throw new PeriodError(
      `Invalid date "${text}": expected a calendar day as YYYY-MM-DD`,
      `Ngày "${text}" không hợp lệ: cần dạng YYYY-MM-DD`,
      field,
      'DATE_INVALID',
    );
  }
  return { year, month, day };
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The ISO date of a day number. */
export function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** The calendar day of an input: an ISO date as is, an instant as the day in Vietnam (UTC+7). */
export function toIsoDate(input: DateInput, field = 'date'): string {
  if (typeof input === 'string') {
    parseIsoDate(input, field);
    return input;
  }
  if (!(input instanceof Date) || Number.isNaN(input.getTime())) {
    throw new PeriodError(
      `Invalid date: ${String(input)}`,
      `Ngày không hợp lệ: ${String(input)}`,
      field,
      'DATE_INVALID',
    );
  }
  const shifted = new Date(input.getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
