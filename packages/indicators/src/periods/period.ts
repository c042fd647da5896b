import { PeriodError } from '../shared/errors';
import { daysInMonth, isoDate } from './dates';

/**
 * Reporting periods with DHIS2-compatible ids, so exports to national statistics tools need no mapping:
 * `2024` (year), `2024S1`/`2024S2` (half), `2024Q1`…`2024Q4` (quarter), `202406` (month).
 *
 * Ids always name calendar periods. Tenants whose reporting year closes early (e.g. on 30/10) keep
 * the same ids; which days of data a report covers is the job of `reportingWindow` (reporting-calendar.ts).
 */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'half', 'quarter', 'month'];

export interface Period {
  id: string;
  kind: PeriodKind;
  year: number;
  /** 1-based position within the year: 1 for a year, 1–2 halves, 1–4 quarters, 1–12 months. */
  index: number;
  /** First day, ISO 'YYYY-MM-DD'. */
  start: string;
  /** Last day (inclusive), ISO 'YYYY-MM-DD'. */
  end: string;
}

/** A period given as its id or already parsed. */
export type PeriodInput = string | Period;

const MONTHS_PER_PERIOD: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1 };
const PERIODS_PER_YEAR: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };
/** Coarse to fine; a kind can only contain kinds with a larger rank. */
const KIND_RANK: Record<PeriodKind, number> = { year: 0, half: 1, quarter: 2, month: 3 };

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const PERIOD_ID = /^(\d{4})(?:S([12])|Q([1-4])|(0[1-9]|1[0-2]))?$/;

function periodError(id: unknown, reason: string, reasonVi: string): PeriodError {
  return new PeriodError(
    `Invalid period id "${String(id)}": ${reason}`,
    `Mã kỳ báo cáo "${String(id)}" không hợp lệ: ${reasonVi}`,
    'period',
  );
}

function isPeriodKind(kind: unknown): kind is PeriodKind {
  return typeof kind === 'string' && (PERIOD_KINDS as readonly string[]).includes(kind);
}

function assertKind(kind: unknown, field = 'kind'): asserts kind is PeriodKind {
  if (!isPeriodKind(kind)) {
    throw new PeriodError(
      `Invalid period kind "${String(kind)}": expected one of ${PERIOD_KINDS.join(', ')}`,
      `Loại kỳ "${String(kind)}" không hợp lệ: cần một trong ${PERIOD_KINDS.join(', ')}`,
      field,
    );
  }
}

/** Builds the id of the `index`-th period of `kind` in `year` (`makePeriodId('quarter', 2024, 2)` → "2024Q2"). */
export function makePeriodId(kind: PeriodKind, year: number, index: number): string {
  assertKind(kind);
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw periodError(`${kind} ${year}/${index}`, `year must be ${MIN_YEAR}–${MAX_YEAR}`, `năm phải trong khoảng ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const perYear = PERIODS_PER_YEAR[kind];
  if (!Number.isInteger(index) || index < 1 || index > perYear) {
    throw periodError(`${kind} ${year}/${index}`, `index must be 1–${perYear} for a ${kind}`, `số thứ tự phải từ 1 đến ${perYear}`);
  }
  switch (kind) {
    case 'year':
      return String(year);
    case 'half':
      return `${year}S${index}`;
    case 'quarter':
      return `${year}Q${index}`;
    case 'month':
      return `${year}${String(index).padStart(2, '0')}`;
  }
}

function build(kind: PeriodKind, year: number, index: number): Period {
  const months = MONTHS_PER_PERIOD[kind];
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return {
    id: makePeriodId(kind, year, index),
    kind,
    year,
    index,
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

/**
 * Parses a period id. Throws a `PeriodError` naming the input when it is not one of the four forms
 * (lower-case `2024s1`/`2024q2` are refused: ids are stored and compared as written).
 */
export function parsePeriod(id: string): Period {
  if (typeof id !== 'string') throw periodError(id, 'expected a string', 'cần một chuỗi ký tự');
  const m = PERIOD_ID.exec(id);
  if (!m) {
    throw periodError(
      id,
      'expected YYYY, YYYYS1–S2, YYYYQ1–Q4 or YYYYMM (e.g. 2024, 2024S1, 2024Q2, 202406)',
      'cần dạng YYYY, YYYYS1–S2, YYYYQ1–Q4 hoặc YYYYMM (ví dụ 2024, 2024S1, 2024Q2, 202406)',
    );
  }
  const year = Number(m[1]);
  if (year < MIN_YEAR) throw periodError(id, `year must be ${MIN_YEAR}–${MAX_YEAR}`, `năm phải trong khoảng ${MIN_YEAR}–${MAX_YEAR}`);
  if (m[2]) return build('half', year, Number(m[2]));
  if (m[3]) return build('quarter', year, Number(m[3]));
  if (m[4]) return build('month', year, Number(m[4]));
  return build('year', year, 1);
}

/** True when `id` is a valid period id. */
export function isPeriodId(id: string): boolean {
  return typeof id === 'string' && PERIOD_ID.test(id) && Number(id.slice(0, 4)) >= MIN_YEAR;
}

export function toPeriod(p: PeriodInput): Period {
  return typeof p === 'string' ? parsePeriod(p) : p;
}

/**
 * Total order on periods: by first day; periods starting the same day put the longer first
 * (2024 < 2024S1 < 2024Q1 < 202401 < 202402 …), i.e. a pre-order walk of the period tree.
 */
export function comparePeriods(a: PeriodInput, b: PeriodInput): number {
  const pa = toPeriod(a);
  const pb = toPeriod(b);
  if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
  if (pa.end !== pb.end) return pa.end > pb.end ? -1 : 1;
  return 0;
}

/**
 * Order by last day, then first day: "which period's data is more recent". Used for stocks, where the
 * latest value wins — 2024 (ends 31/12) is more recent than 2024Q3 although it starts earlier.
 */
export function comparePeriodsByEnd(a: PeriodInput, b: PeriodInput): number {
  const pa = toPeriod(a);
  const pb = toPeriod(b);
  if (pa.end !== pb.end) return pa.end < pb.end ? -1 : 1;
  if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
  return 0;
}

function shift(p: Period, by: number): Period {
  const perYear = PERIODS_PER_YEAR[p.kind];
  const zeroBased = p.year * perYear + (p.index - 1) + by;
  const year = Math.floor(zeroBased / perYear);
  const index = (zeroBased % perYear) + 1;
  return build(p.kind, year, index);
}

/** The period of the same kind just before (`previousPeriod('2024Q1')` → "2023Q4"). */
export function previousPeriod(id: string): string {
  return shift(parsePeriod(id), -1).id;
}

/** The period of the same kind just after (`nextPeriod('202412')` → "202501"). */
export function nextPeriod(id: string): string {
  return shift(parsePeriod(id), 1).id;
}

/** True when every day of `inner` lies within `outer` (a period contains itself). */
export function containsPeriod(outer: PeriodInput, inner: PeriodInput): boolean {
  const po = toPeriod(outer);
  const pi = toPeriod(inner);
  return po.start <= pi.start && pi.end <= po.end;
}

/**
 * The periods of `kind` that make up `id`, in order: `periodsWithin('2024S1', 'month')` → 202401…202406.
 * `kind` must be as fine as the period's own kind or finer.
 */
export function periodsWithin(id: string, kind: PeriodKind): string[] {
  const p = parsePeriod(id);
  assertKind(kind);
  if (KIND_RANK[kind] < KIND_RANK[p.kind]) {
    throw new PeriodError(
      `Cannot list ${kind}s within ${p.kind} ${id}: a ${kind} is longer than a ${p.kind}`,
      `Không thể liệt kê kỳ loại "${kind}" trong kỳ ${id}: kỳ "${kind}" dài hơn kỳ "${p.kind}"`,
      'kind',
    );
  }
  const ratio = PERIODS_PER_YEAR[kind] / PERIODS_PER_YEAR[p.kind];
  const first = (p.index - 1) * ratio + 1;
  const out: string[] = [];
  for (let i = 0; i < ratio; i += 1) out.push(makePeriodId(kind, p.year, first + i));
  return out;
}

/**
 * The period of `kind` (as coarse as the period's own kind or coarser) that contains `id`:
 * `enclosingPeriod('202405', 'quarter')` → "2024Q2".
 */
export function enclosingPeriod(id: string, kind: PeriodKind): string {
  const p = parsePeriod(id);
  assertKind(kind);
  if (KIND_RANK[kind] > KIND_RANK[p.kind]) {
    throw new PeriodError(
      `No single ${kind} encloses ${p.kind} ${id}: a ${kind} is shorter than a ${p.kind}`,
      `Không có kỳ loại "${kind}" nào chứa trọn kỳ ${id}`,
      'kind',
    );
  }
  const month = Number(p.start.slice(5, 7));
  const index = Math.floor((month - 1) / MONTHS_PER_PERIOD[kind]) + 1;
  return makePeriodId(kind, p.year, index);
}

/** The calendar period of `kind` containing an ISO date (no reporting calendar applied). */
export function calendarPeriodOfIsoDate(iso: string, kind: PeriodKind): string {
  assertKind(kind);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return makePeriodId(kind, year, Math.floor((month - 1) / MONTHS_PER_PERIOD[kind]) + 1);
}

export { assertKind as assertPeriodKind, isPeriodKind };
