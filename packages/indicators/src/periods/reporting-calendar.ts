import { PeriodError } from '../shared/errors';
import { addDays, dayNumber, DateInput, isValidDate, isoDate, toIsoDate } from './dates';
import { assertPeriodKind, calendarPeriodOfIsoDate, nextPeriod, parsePeriod, Period, PeriodKind, previousPeriod } from './period';

/**
 * A tenant's reporting calendar.
 *
 * Unions close their books before the calendar period ends: "báo cáo 6 tháng (trước ngày 13/6) và báo
 * cáo năm (trước 30/10)" — the reporting year closes on 30/10 because of the October events. So each
 * period has a data cut-off, configurable per tenant:
 * - `yearEnd` ('MM-DD'): the reporting year Y runs from the day after yearEnd of Y−1 to yearEnd of Y.
 *   With '10-30', year 2024 covers 31/10/2023–30/10/2024, and data of 31/10/2024 count for 2025.
 * - `cutOffs`: the last day of data of a half or quarter in its own calendar year (e.g. S1: '06-13').
 *   `cutOffs.year` is another spelling of `yearEnd`.
 *
 * A period's window runs from the day after the previous period's cut-off (same kind) to its own
 * cut-off, so the windows of one kind tile the time line with no gap and no overlap. Without a
 * configured cut-off a period closes at its calendar end, except the period containing the year end,
 * which closes on it (Q4 and October close on 30/10; November then starts on 31/10).
 */
export type CutOffKey = 'S1' | 'S2' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'year';

export interface ReportingCalendar {
  /** 'MM-DD', last day of the reporting year; default '12-31'. */
  yearEnd?: string;
  /** 'MM-DD' per period, in the period's calendar year. */
  cutOffs?: Partial<Record<CutOffKey, string>>;
}

/** The days of data a report for a period covers. */
export interface ReportingWindow {
  period: string;
  /** First day of data, ISO. */
  start: string;
  /** Last day of data (the cut-off), ISO. */
  end: string;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const CUT_OFF_KEYS: readonly CutOffKey[] = ['S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4', 'year'];

function parseMonthDay(text: string, field: string): { month: number; day: number } {
  const m = MONTH_DAY.exec(text);
  const month = Number(m?.[1]);
  const day = Number(m?.[2]);
  // 29/02 is refused: a cut-off must exist every year, so the day is checked against a non-leap year.
  if (!m || !isValidDate(2023, month, day)) {
    throw new PeriodError(
      `Invalid reporting calendar: ${field} "${text}" must be 'MM-DD', a day that exists every year (e.g. '10-30')`,
      `Lịch báo cáo không hợp lệ: ${field} "${text}" phải có dạng 'MM-DD', là ngày có trong mọi năm (ví dụ '10-30')`,
      field,
      'CALENDAR_INVALID',
    );
  }
  return { month, day };
}

/** Checks a calendar and throws a `PeriodError` naming the bad field. */
export function validateReportingCalendar(calendar: ReportingCalendar): void {
  if (calendar.yearEnd !== undefined) parseMonthDay(calendar.yearEnd, 'yearEnd');
  for (const [key, value] of Object.entries(calendar.cutOffs ?? {})) {
    if (!(CUT_OFF_KEYS as readonly string[]).includes(key)) {
      throw new PeriodError(
        `Invalid reporting calendar: unknown cut-off "${key}" (expected ${CUT_OFF_KEYS.join(', ')})`,
        `Lịch báo cáo không hợp lệ: mốc chốt số liệu "${key}" không tồn tại (cần ${CUT_OFF_KEYS.join(', ')})`,
        `cutOffs.${key}`,
        'CALENDAR_INVALID',
      );
    }
    if (value !== undefined) parseMonthDay(value, `cutOffs.${key}`);
  }
  const yearCutOff = calendar.cutOffs?.year;
  if (yearCutOff !== undefined && calendar.yearEnd !== undefined && yearCutOff !== calendar.yearEnd) {
    throw new PeriodError(
      `Invalid reporting calendar: cutOffs.year "${yearCutOff}" differs from yearEnd "${calendar.yearEnd}"`,
      `Lịch báo cáo không hợp lệ: cutOffs.year "${yearCutOff}" khác yearEnd "${calendar.yearEnd}"`,
      'cutOffs.year',
      'CALENDAR_INVALID',
    );
  }
}

function yearEndOf(calendar: ReportingCalendar | undefined): string {
  return calendar?.cutOffs?.year ?? calendar?.yearEnd ?? '12-31';
}

function onYear(year: number, monthDay: string, field: string): string {
  const { month, day } = parseMonthDay(monthDay, field);
  return isoDate(year, month, day);
}

function cutOffKey(p: Period): CutOffKey | undefined {
  if (p.kind === 'year') return 'year';
  if (p.kind === 'half') return p.index === 1 ? 'S1' : 'S2';
  if (p.kind === 'quarter') return `Q${p.index}` as CutOffKey;
  return undefined;
}

/** The last day of data of a period under a calendar. */
export function cutOffDate(id: string, calendar?: ReportingCalendar): string {
  const p = parsePeriod(id);
  const yearEnd = onYear(p.year, yearEndOf(calendar), 'yearEnd');
  if (p.kind === 'year') return yearEnd;
  const key = cutOffKey(p);
  const configured = key ? calendar?.cutOffs?.[key] : undefined;
  if (configured !== undefined) return onYear(p.year, configured, `cutOffs.${key}`);
  return p.start <= yearEnd && yearEnd <= p.end ? yearEnd : p.end;
}

/**
 * The window of data a report for `id` covers: from the day after the previous period's cut-off to
 * this period's cut-off. Without a calendar it is the calendar period. Throws when the configured
 * cut-offs are out of order (the window would be empty).
 */
export function reportingWindow(id: string, calendar?: ReportingCalendar): ReportingWindow {
  if (calendar) validateReportingCalendar(calendar);
  const end = cutOffDate(id, calendar);
  const start = addDays(cutOffDate(previousPeriod(id), calendar), 1);
  if (start > end) {
    throw new PeriodError(
      `Reporting calendar gives period ${id} an empty window (${start} – ${end}): its cut-off is before the previous period's`,
      `Lịch báo cáo làm kỳ ${id} không có ngày nào (${start} – ${end}): mốc chốt số liệu sớm hơn mốc của kỳ trước`,
      'cutOffs',
      'CALENDAR_INVALID',
    );
  }
  return { period: id, start, end };
}

/**
 * The period of `kind` whose reporting window contains the date (`periodOfDate('2024-11-05', 'year',
 * { yearEnd: '10-30' })` → "2025"). Without a calendar, the calendar period.
 */
export function periodOfDate(date: DateInput, kind: PeriodKind, calendar?: ReportingCalendar): string {
  assertPeriodKind(kind);
  const iso = toIsoDate(date);
  let id = calendarPeriodOfIsoDate(iso, kind);
  if (!calendar) return id;
  // Cut-offs move a boundary by less than one period, so at most a step or two either way.
  for (let step = 0; step < 4; step += 1) {
    const w = reportingWindow(id, calendar);
    if (iso > w.end) id = nextPeriod(id);
    else if (iso < w.start) id = previousPeriod(id);
    else return id;
  }
  throw new PeriodError(
    `No ${kind} of the reporting calendar contains ${iso}`,
    `Không có kỳ "${kind}" nào của lịch báo cáo chứa ngày ${iso}`,
    'date',
    'CALENDAR_INVALID',
  );
}

/**
 * The share of the period's reporting window elapsed by `asOf` (0..1), counting `asOf` itself as
 * elapsed: 0 before the window, 1 on and after its cut-off. Used to prorate targets of flows.
 */
export function elapsedShare(id: string, asOf: DateInput, calendar?: ReportingCalendar): number {
  const w = reportingWindow(id, calendar);
  const day = dayNumber(toIsoDate(asOf, 'asOf'));
  const start = dayNumber(w.start);
  const end = dayNumber(w.end);
  if (day < start) return 0;
  if (day >= end) return 1;
  return (day - start + 1) / (end - start + 1);
}
