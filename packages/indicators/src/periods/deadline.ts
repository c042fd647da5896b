import { DeadlineError } from '../shared/errors';
import { addDays, isValidDate, isoDate } from './dates';
import { PeriodKind, parsePeriod } from './period';
import { ReportingCalendar, reportingWindow } from './reporting-calendar';

/**
 * When a report is due. A deadline is set by the plan, not derived from the period's end: "báo cáo 6
 * tháng (trước ngày 13/6) và báo cáo năm (trước 30/10)" are both before the calendar period ends.
 *
 * - `{ day, month }`: that day in the year the period ends (`yearOffset: 1` for the next year, e.g. a
 *   Q4 report due 15/01; `year` for one fixed date such as "trước ngày 15/12/2024").
 * - `{ daysAfterEnd }`: that many days after the period's cut-off (its reporting window's end).
 */
export type DeadlineRule =
  | { day: number; month: number; yearOffset?: number; year?: number }
  | { daysAfterEnd: number };

function ruleError(reason: string, reasonVi: string, field: string): DeadlineError {
  return new DeadlineError(`Invalid deadline rule: ${reason}`, `Quy định hạn báo cáo không hợp lệ: ${reasonVi}`, field);
}

/** The due date (ISO) of the report for a period under a rule. */
export function deadlineFor(periodId: string, rule: DeadlineRule, calendar?: ReportingCalendar): string {
  if ('daysAfterEnd' in rule) {
    if (!Number.isInteger(rule.daysAfterEnd) || rule.daysAfterEnd < 0) {
      throw ruleError(`daysAfterEnd must be a non-negative integer, got ${rule.daysAfterEnd}`, `daysAfterEnd phải là số nguyên không âm, nhận ${rule.daysAfterEnd}`, 'daysAfterEnd');
    }
    return addDays(reportingWindow(periodId, calendar).end, rule.daysAfterEnd);
  }
  const p = parsePeriod(periodId);
  const offset = rule.yearOffset ?? 0;
  if (!Number.isInteger(offset)) {
    throw ruleError(`yearOffset must be an integer, got ${offset}`, `yearOffset phải là số nguyên, nhận ${offset}`, 'yearOffset');
  }
  const year = rule.year ?? Number(p.end.slice(0, 4)) + offset;
  if (!isValidDate(year, rule.month, rule.day)) {
    const field = Number.isInteger(rule.month) && rule.month >= 1 && rule.month <= 12 ? 'day' : 'month';
    throw ruleError(
      `${rule.day}/${rule.month}/${year} is not a date`,
      `${rule.day}/${rule.month}/${year} không phải là ngày có thật`,
      field,
    );
  }
  return isoDate(year, rule.month, rule.day);
}

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function parseError(text: string, reason: string, reasonVi: string): DeadlineError {
  return new DeadlineError(
    `Cannot read a deadline from "${text}": ${reason}`,
    `Không đọc được hạn báo cáo từ "${text}": ${reasonVi}`,
    'deadline',
  );
}

/**
 * Reads a Vietnamese deadline phrase: "trước ngày 13/6" → `{ day: 13, month: 6 }`; also "trước 30/10",
 * "chậm nhất ngày 15 tháng 12", "trước ngày 15/01 năm sau" (`yearOffset: 1`), "trước ngày 15/12/2024"
 * (`year: 2024`), "trong vòng 5 ngày sau khi kết thúc kỳ" (`{ daysAfterEnd: 5 }`).
 * Working days ("ngày làm việc") are refused: they need the public-holiday calendar.
 */
export function parseDeadlineVi(text: string): DeadlineRule {
  const t = normalise(text);
  if (/ngày làm việc/.test(t)) {
    throw parseError(text, 'working days are not supported, give calendar days', 'chưa hỗ trợ "ngày làm việc", hãy ghi số ngày theo lịch');
  }
  const after = /(\d{1,3}) ngày (?:sau|kể từ)/.exec(t);
  if (after) return { daysAfterEnd: Number(after[1]) };
  const m =
    /(\d{1,2}) ?[/.-] ?(\d{1,2})(?: ?[/.-] ?(\d{4}))?/.exec(t) ??
    /ngày (\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?/.exec(t);
  if (!m) {
    throw parseError(text, 'expected a day and month such as "trước ngày 13/6"', 'cần ngày và tháng, ví dụ "trước ngày 13/6"');
  }
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3] ? Number(m[3]) : undefined;
  // 29/02 exists in leap years only; a yearly rule may hit it, so check against a leap year.
  if (!isValidDate(year ?? 2024, month, day)) {
    throw parseError(text, `${day}/${month} is not a date`, `${day}/${month} không phải là ngày có thật`);
  }
  const rule: { day: number; month: number; yearOffset?: number; year?: number } = { day, month };
  if (year !== undefined) rule.year = year;
  else if (/năm sau|năm kế tiếp|năm tiếp theo/.test(t)) rule.yearOffset = 1;
  return rule;
}

/** A reporting obligation read from plan text: which kind of period, and when it is due. */
export interface ReportingDeadlineVi {
  kind: PeriodKind;
  rule: DeadlineRule;
  /** The phrase the rule was read from, for showing it back to the user. */
  text: string;
}

const KIND_WORDS: ReadonlyArray<[RegExp, PeriodKind]> = [
  [/^(?:6|sáu) tháng$/, 'half'],
  [/^quý$/, 'quarter'],
  [/^tháng$/, 'month'],
  [/^năm$/, 'year'],
];

/**
 * Finds "<kind> (trước ngày dd/mm)" pairs in a sentence of a plan: "định kỳ 6 tháng (trước ngày 13/6)
 * và báo cáo năm (trước 30/10)" → half due 13/06, year due 30/10. Returns [] when there is none.
 */
export function extractReportingDeadlinesVi(text: string): ReportingDeadlineVi[] {
  const t = text.normalize('NFC');
  const pattern =
    /(6 tháng|sáu tháng|quý|tháng|năm)\s*\(?\s*((?:trước|chậm nhất|hạn chót|hạn)[^();]*?\d{1,2}\s*(?:\/|tháng)\s*\d{1,2}(?:\s*\/\s*\d{4})?(?:\s*năm sau)?)/giu;
  const out: ReportingDeadlineVi[] = [];
  for (const m of t.matchAll(pattern)) {
    const word = (m[1] ?? '').toLowerCase();
    const kind = KIND_WORDS.find(([re]) => re.test(word))?.[1];
    const phrase = m[2] ?? '';
    if (kind) out.push({ kind, rule: parseDeadlineVi(phrase), text: phrase.trim() });
  }
  return out;
}
