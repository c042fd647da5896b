import type { DeadlineRuleJson } from '@sen/db';
import { deadlineFor, makePeriodId, parsePeriod, type DeadlineRule } from '@sen/indicators';

const MONTHS: Record<string, number> = { year: 12, half: 6, quarter: 3, month: 1 };

const pad = (n: number): string => String(n).padStart(2, '0');
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The due date (ISO) of a form's report for a period. One rule is stored per form:
 * - `{daysAfterEnd}`: as `deadlineFor` of @sen/indicators (days after the period's end).
 * - `{day, month}` on a yearly form: as `deadlineFor` (that day of the year the period ends; QG-NAM 30/10).
 * - `{day, month}` on a half-year, quarterly or monthly form: `deadlineFor` alone would give every period of
 *   the year the same date (13/06 for S2 as for S1 — before S2 even begins). So the rule names the due date
 *   of the FIRST period of the year, and each later period moves it by whole periods: QG-6T {13/6} is due
 *   13/06 for S1 and 13/12 for S2; a quarterly {15/4} is due 15/04, 15/07, 15/10 and 15/01 of the next year.
 *   A day past the end of the target month is clamped (31/1 monthly → 28 or 29/2).
 */
export function reportDeadline(periodId: string, rule: DeadlineRuleJson): string {
  const p = parsePeriod(periodId);
  const r = rule as DeadlineRule;
  if ('daysAfterEnd' in r || p.kind === 'year' || ('year' in r && r.year !== undefined) || p.index === 1) {
    return deadlineFor(periodId, r);
  }
  const anchor = deadlineFor(makePeriodId(p.kind, p.year, 1), r);
  const shift = (p.index - 1) * (MONTHS[p.kind] ?? 1);
  const months = Number(anchor.slice(0, 4)) * 12 + (Number(anchor.slice(5, 7)) - 1) + shift;
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  return `${y}-${pad(m)}-${pad(Math.min(r.day, daysIn(y, m)))}`;
}

/** Vietnam is UTC+7 all year: a report is late after the end of its deadline day there. */
export function isLate(deadline: string, now: Date = new Date()): boolean {
  return now.getTime() > Date.parse(`${deadline}T23:59:59.999+07:00`);
}
