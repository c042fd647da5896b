/**
 * Time expressions of Vietnamese plans: "Tháng 3 năm 2024", "tháng 9/2024", "Quý 4/2024", "Quý II, III/2023",
 * "từ ngày 15/11-15/12/2024", "dự kiến ngày 28/5/2024 (Thứ ba)", "6 tháng đầu năm", "Hằng năm",
 * "định kỳ 6 tháng", "năm 2024".
 *
 * To add an expression, add a `Matcher` to MATCHERS: a global, case-insensitive regular expression and a
 * function turning its match into dates. Matches are collected from every matcher and overlapping ones are
 * resolved in favour of the longer (then earlier) match.
 */
import type { ActivityTime, PeriodKind } from '../model/types';
import { isoDate, monthEnd, monthStart, weekday } from './dates';

export interface TimeOptions {
  /** Year used when the text gives none ("ngày 8/3", "tháng 3", "Quý 4"); usually the plan's year. */
  defaultYear?: number | null;
  /** Also report recurrences ("Hằng năm", "định kỳ 6 tháng"). Default true. */
  includeRecurring?: boolean;
  /** Also report bare years ("năm 2024"). Default false: plans say "năm 2024" everywhere. */
  includeBareYears?: boolean;
  /** Also accept a month or a quarter without a year, using defaultYear. Default false. */
  includeYearless?: boolean;
}

export interface TimeSpan {
  /** The matched text. */
  text: string;
  start: number;
  end: number;
  from: string | null;
  to: string | null;
  recurrence: PeriodKind | null;
  warnings: string[];
}

interface Resolved {
  from: string | null;
  to: string | null;
  recurrence?: PeriodKind | null;
  warnings?: string[];
}

interface Matcher {
  name: string;
  re: RegExp;
  when?: (o: Required<TimeOptions>) => boolean;
  resolve: (m: RegExpExecArray, o: Required<TimeOptions>) => Resolved | null;
}

const DM = String.raw`(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?`;
const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const WEEKDAYS: Record<string, number> = {
  'chủ nhật': 0,
  'thứ hai': 1,
  'thứ 2': 1,
  'thứ ba': 2,
  'thứ 3': 2,
  'thứ tư': 3,
  'thứ 4': 3,
  'thứ năm': 4,
  'thứ 5': 4,
  'thứ sáu': 5,
  'thứ 6': 5,
  'thứ bảy': 6,
  'thứ 7': 6,
};
const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function quarterRange(year: number, q: number): { from: string | null; to: string | null } {
  return { from: monthStart(year, q * 3 - 2), to: monthEnd(year, q * 3) };
}

function recurrenceOf(word: string): PeriodKind | null {
  const w = word.toLowerCase();
  if (w === 'năm') return 'year';
  if (w === 'quý') return 'quarter';
  if (w === 'tháng') return 'month';
  if (w === '6 tháng' || w === 'sáu tháng') return 'half';
  return null;
}

const MATCHERS: Matcher[] = [
  {
    // từ ngày 15/11-15/12/2024, từ ngày 15/11/2024 đến ngày 15/12/2024, ngày 15/11 - 15/12/2024
    name: 'dayRange',
    re: new RegExp(String.raw`(?:từ\s+(?:ngày\s+)?|ngày\s+)${DM}\s*(?:-|–|—|đến(?:\s+hết)?(?:\s+ngày)?)\s*(?:ngày\s+)?${DM}`, 'giu'),
    resolve: (m, o) => {
      const [d1, m1, y1, d2, m2, y2] = [num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6])];
      if (d1 === null || m1 === null || d2 === null || m2 === null) return null;
      const endYear = y2 ?? y1 ?? o.defaultYear;
      if (endYear === null) return null;
      const startYear = y1 ?? (m1 > m2 ? endYear - 1 : endYear);
      const from = isoDate(startYear, m1, d1);
      const to = isoDate(endYear, m2, d2);
      if (!from || !to) return null;
      return { from, to };
    },
  },
  {
    // ngày 28 tháng 5 năm 2024
    name: 'dayWords',
    re: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu,
    resolve: (m, o) => {
      const year = num(m[3]) ?? o.defaultYear;
      const [d, mo] = [num(m[1]), num(m[2])];
      if (year === null || d === null || mo === null) return null;
      const iso = isoDate(year, mo, d);
      return iso ? { from: iso, to: iso } : null;
    },
  },
  {
    // (dự kiến) ngày 28/5/2024 (Thứ ba)
    name: 'day',
    re: new RegExp(
      String.raw`(?:(?:dự\s+kiến|vào)\s+)?ngày\s+${DM}(?![\d/])(?:\s*\(\s*(thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*\))?`,
      'giu',
    ),
    resolve: (m, o) => {
      const year = num(m[3]) ?? o.defaultYear;
      const [d, mo] = [num(m[1]), num(m[2])];
      if (year === null || d === null || mo === null) return null;
      const iso = isoDate(year, mo, d);
      if (!iso) return null;
      const warnings: string[] = [];
      if (m[4]) {
        const said = WEEKDAYS[m[4].toLowerCase().replace(/\s+/g, ' ')];
        const actual = weekday(iso);
        if (said !== undefined && said !== actual) {
          warnings.push(`Ngày ${d}/${mo}/${year} là ${WEEKDAY_NAMES[actual] ?? ''}, không phải ${m[4]}.`);
        }
      }
      return { from: iso, to: iso, warnings };
    },
  },
  {
    // 28/5/2024 without "ngày"
    name: 'fullDate',
    re: /(?<![\d/.\p{L}-])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/gu,
    resolve: (m) => {
      const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
      return iso ? { from: iso, to: iso } : null;
    },
  },
  {
    // Tháng 3 năm 2024, tháng 9/2024, tháng 3-4/2024, tháng 3, 4 năm 2024
    name: 'month',
    re: /tháng\s+(\d{1,2})((?:\s*(?:-|–|,|và|đến)\s*(?:tháng\s+)?\d{1,2})*)\s*(?:\/|-|năm)\s*(\d{4})/giu,
    resolve: (m) => {
      const year = Number(m[3]);
      const months = [Number(m[1]), ...(m[2]?.match(/\d{1,2}/g) ?? []).map(Number)];
      if (months.some((x) => x < 1 || x > 12)) return null;
      const first = Math.min(...months);
      const last = Math.max(...months);
      const from = monthStart(year, first);
      const to = monthEnd(year, last);
      return from && to ? { from, to } : null;
    },
  },
  {
    // tháng 3 (year from the plan)
    name: 'monthNoYear',
    re: /tháng\s+(\d{1,2})(?![\d/]|\s*năm\s+\d)/giu,
    when: (o) => o.includeYearless && o.defaultYear !== null,
    resolve: (m, o) => {
      const mo = Number(m[1]);
      if (o.defaultYear === null || mo < 1 || mo > 12) return null;
      const from = monthStart(o.defaultYear, mo);
      const to = monthEnd(o.defaultYear, mo);
      return from && to ? { from, to } : null;
    },
  },
  {
    // Quý 4/2024, Quý II, III/2023, quý I năm 2024, Quý 2-3/2024
    name: 'quarter',
    re: /quý\s+(iv|i{1,3}|[1-4])((?:\s*(?:,|-|–|và|đến)\s*(?:quý\s+)?(?:iv|i{1,3}|[1-4]))*)\s*(?:\/|-|năm)\s*(\d{4})/giu,
    resolve: (m) => {
      const year = Number(m[3]);
      const qs = [m[1] ?? '', ...(m[2]?.match(/iv|i{1,3}|[1-4]/giu) ?? [])]
        .map((q) => ROMAN_QUARTER[q.toLowerCase()])
        .filter((q): q is number => q !== undefined);
      if (qs.length === 0) return null;
      return { from: quarterRange(year, Math.min(...qs)).from, to: quarterRange(year, Math.max(...qs)).to };
    },
  },
  {
    name: 'quarterNoYear',
    re: /quý\s+(iv|i{1,3}|[1-4])(?![\p{L}\d/])/giu,
    when: (o) => o.includeYearless && o.defaultYear !== null,
    resolve: (m, o) => {
      const q = ROMAN_QUARTER[(m[1] ?? '').toLowerCase()];
      if (q === undefined || o.defaultYear === null) return null;
      return quarterRange(o.defaultYear, q);
    },
  },
  {
    // 6 tháng đầu năm (2024), 6 tháng cuối năm
    name: 'half',
    re: /(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?/giu,
    resolve: (m, o) => {
      const year = num(m[2]) ?? o.defaultYear;
      if (year === null) return null;
      const first = (m[1] ?? '').toLowerCase() === 'đầu';
      return { from: monthStart(year, first ? 1 : 7), to: monthEnd(year, first ? 6 : 12) };
    },
  },
  {
    // định kỳ 6 tháng, định kỳ hằng quý, định kỳ tháng
    name: 'periodic',
    re: /định\s+kỳ\s+(?:(?:hằng|hàng)\s+)?(6\s+tháng|sáu\s+tháng|tháng|quý|năm)(?!\s+\d)/giu,
    when: (o) => o.includeRecurring,
    resolve: (m) => ({ from: null, to: null, recurrence: recurrenceOf((m[1] ?? '').replace(/\s+/g, ' ')) }),
  },
  {
    // Hằng năm, hàng tháng, mỗi quý
    name: 'every',
    re: /(?<![\p{L}])(?:hằng|hàng|mỗi)\s+(năm|tháng|quý)(?![\p{L}])(?!\s+\d)/giu,
    when: (o) => o.includeRecurring,
    resolve: (m) => ({ from: null, to: null, recurrence: recurrenceOf(m[1] ?? '') }),
  },
  {
    // năm 2024
    name: 'year',
    re: /năm\s+(\d{4})(?!\s*[-–]\s*\d)(?![\d/])/giu,
    when: (o) => o.includeBareYears,
    resolve: (m) => {
      const year = Number(m[1]);
      return { from: monthStart(year, 1), to: monthEnd(year, 12) };
    },
  },
];

function withDefaults(o: TimeOptions): Required<TimeOptions> {
  return {
    defaultYear: o.defaultYear ?? null,
    includeRecurring: o.includeRecurring ?? true,
    includeBareYears: o.includeBareYears ?? false,
    includeYearless: o.includeYearless ?? false,
  };
}

/** Every time expression in a text, left to right, without overlaps. */
export function findTimeExpressions(text: string, options: TimeOptions = {}): TimeSpan[] {
  const o = withDefaults(options);
  const spans: TimeSpan[] = [];
  for (const matcher of MATCHERS) {
    if (matcher.when && !matcher.when(o)) continue;
    matcher.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = matcher.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        matcher.re.lastIndex++;
        continue;
      }
      const r = matcher.resolve(m, o);
      if (!r) continue;
      spans.push({
        text: m[0],
        start: m.index,
        end: m.index + m[0].length,
        from: r.from,
        to: r.to,
        recurrence: r.recurrence ?? null,
        warnings: r.warnings ?? [],
      });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: TimeSpan[] = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) kept[kept.length - 1] = s;
      continue;
    }
    kept.push(s);
  }
  return kept;
}

/**
 * Reads a whole time text ("Thời gian: …") into an ActivityTime: from = the earliest day named,
 * to = the latest, recurrence from "Hằng năm"/"định kỳ …". Months and quarters without a year and bare
 * years are accepted here. Never throws; unknown text gives nulls.
 */
export function parseTimeExpression(text: string, options: TimeOptions = {}): ActivityTime & { warnings: string[] } {
  const spans = findTimeExpressions(text, {
    includeBareYears: true,
    includeYearless: true,
    includeRecurring: true,
    ...options,
  });
  const dated = spans.filter((s) => s.from !== null && s.to !== null);
  const froms = dated.map((s) => s.from as string).sort();
  const tos = dated.map((s) => s.to as string).sort();
  const trimmed = text.trim();
  return {
    text: trimmed.length > 0 ? trimmed : null,
    from: froms[0] ?? null,
    to: tos[tos.length - 1] ?? null,
    recurrence: spans.find((s) => s.recurrence !== null)?.recurrence ?? null,
    warnings: spans.flatMap((s) => s.warnings),
  };
}

/** "trước ngày 13/6", "trước 30/10", "chậm nhất ngày 5/12" → "13/06", "30/10", "05/12". */
export function parseDeadline(text: string): string | null {
  const m = /(?:trước|chậm\s+nhất(?:\s+là)?|hạn(?:\s+chót)?)\s*(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?!\s*\/\s*\d)/iu.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (!isoDate(2024, month, day)) return null;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
}
