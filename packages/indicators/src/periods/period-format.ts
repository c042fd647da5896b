import { PeriodError } from '../shared/errors';
import { makePeriodId, parsePeriod } from './period';

/** Quarters are written in Roman numerals in Vietnamese documents ("Quý II/2024"). */
const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * The Vietnamese name of a period as plans and reports write it:
 * "Năm 2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "Quý II/2024", "Tháng 6/2024".
 */
export function formatPeriodVi(id: string): string {
  const p = parsePeriod(id);
  switch (p.kind) {
    case 'year':
      return `Năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'quarter':
      return `Quý ${ROMAN[p.index - 1] ?? p.index}/${p.year}`;
    case 'month':
      return `Tháng ${p.index}/${p.year}`;
  }
}

/** The English name of a period: "2024", "First half of 2024", "Q2 2024", "June 2024". */
export function formatPeriodEn(id: string): string {
  const p = parsePeriod(id);
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.index === 1 ? 'First' : 'Second'} half of ${p.year}`;
    case 'quarter':
      return `Q${p.index} ${p.year}`;
    case 'month':
      return `${MONTHS_EN[p.index - 1] ?? p.index} ${p.year}`;
  }
}

function romanOrArabic(text: string): number {
  const roman = ROMAN.indexOf(text.toUpperCase() as (typeof ROMAN)[number]);
  return roman >= 0 ? roman + 1 : Number(text);
}

/**
 * Reads the period phrases that plans use back into an id — the inverse of `formatPeriodVi`, and
 * tolerant of the variants in the seeds: "Tháng 3 năm 2024", "Tháng 03/2024", "Quý 4/2024",
 * "Quý IV năm 2024", "6 tháng đầu năm 2024", "Sáu tháng cuối năm 2024", "Năm 2024".
 * Throws a `PeriodError` naming the input otherwise.
 */
export function parsePeriodVi(text: string): string {
  const t = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  let m = /^năm (\d{4})$/.exec(t);
  if (m) return makePeriodId('year', Number(m[1]), 1);
  m = /^(?:6|sáu) tháng (đầu|cuối) năm (\d{4})$/.exec(t);
  if (m) return makePeriodId('half', Number(m[2]), m[1] === 'đầu' ? 1 : 2);
  m = /^quý ([1-4]|i{1,3}|iv) ?(?:\/|-|năm ) ?(\d{4})$/.exec(t);
  if (m?.[1]) return makePeriodId('quarter', Number(m[2]), romanOrArabic(m[1]));
  m = /^tháng (\d{1,2}) ?(?:\/|-|năm ) ?(\d{4})$/.exec(t);
  if (m) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) return makePeriodId('month', Number(m[2]), month);
  }
  throw new PeriodError(
    `Cannot read a period from "${text}": expected e.g. "Năm 2024", "6 tháng đầu năm 2024", "Quý II/2024", "Tháng 6/2024"`,
    `Không đọc được kỳ từ "${text}": cần dạng "Năm 2024", "6 tháng đầu năm 2024", "Quý II/2024", "Tháng 6/2024"`,
    'period',
  );
}
