import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';

/**
 * Vietnamese formatting: numbers are written 2.500 and 1.000,5; percentages 90,5%; dates dd/mm/yyyy.
 * Every number shown by the app goes through these helpers so that no screen prints 2,500 or 90.5%.
 */
const LOCALE = 'vi-VN';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** 2500 → "2.500"; 1000.5 → "1.000,5"; up to `maximumFractionDigits` decimals (2 by default). */
export function formatNumber(value: number | null | undefined, maximumFractionDigits = 2, minimumFractionDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return numberFormat({ maximumFractionDigits, minimumFractionDigits }).format(value);
}

/** A value already expressed in percent: 90.5 → "90,5%". */
export function formatPercent(value: number | null | undefined, maximumFractionDigits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${formatNumber(value, maximumFractionDigits)}%`;
}

/** A ratio between 0 and 1: 0.905 → "90,5%". */
export function formatRatio(value: number | null | undefined, maximumFractionDigits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatPercent(value * 100, maximumFractionDigits);
}

export const DATE_FORMAT = 'DD/MM/YYYY';
export const ISO_DATE_FORMAT = 'YYYY-MM-DD';

/** "2025-07-01" (or a Date / Dayjs) → "01/07/2025"; empty or invalid → "—". */
export function formatDate(value: string | Date | Dayjs | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  // dayjs reads "YYYY-MM-DD" as a local calendar day, so 2025-07-01 stays 01/07/2025 in every time zone.
  const date = dayjs(value);
  return date.isValid() ? date.format(DATE_FORMAT) : '—';
}

/** A picked date → the API's "YYYY-MM-DD" (local calendar day, never shifted by the time zone). */
export function toIsoDate(value: Dayjs | Date): string {
  return dayjs(value).format(ISO_DATE_FORMAT);
}
