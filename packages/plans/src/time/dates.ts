/** Calendar helpers on plain (UTC) dates, formatted as ISO "yyyy-mm-dd". */

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ISO date for a valid day, null otherwise (31/2, month 13, year out of 1900–2200 …). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthStart(year: number, month: number): string | null {
  return isoDate(year, month, 1);
}

export function monthEnd(year: number, month: number): string | null {
  if (month < 1 || month > 12) return null;
  return isoDate(year, month, daysInMonth(year, month));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** Parses an ISO date into its parts. */
export function parseIso(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isoDate(year, month, day) ? { year, month, day } : null;
}

/** "2024-02-07" → "07/02/2024" (dd/mm/yyyy, the Vietnamese way). */
export function formatDateVi(iso: string): string {
  const p = parseIso(iso);
  if (!p) return iso;
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/**
 * The date line of an administrative document (Nghị định 30/2020/NĐ-CP): days below 10 and the months
 * January and February take a leading zero: "ngày 07 tháng 02 năm 2024", "ngày 10 tháng 5 năm 2024".
 */
export function formatDocumentDate(iso: string): string | null {
  const p = parseIso(iso);
  if (!p) return null;
  const month = p.month < 3 ? pad2(p.month) : String(p.month);
  return `ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** Day/month deadline "13/06" from numbers, null when not a real day (29/02 allowed). */
export function formatDayMonth(day: number, month: number): string | null {
  if (!isoDate(2024, month, day)) return null;
  return `${pad2(day)}/${pad2(month)}`;
}
