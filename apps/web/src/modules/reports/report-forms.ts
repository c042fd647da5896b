import type { CreateReportForm, DeadlineRuleDto, ReportFormDto } from '@sen/contracts';

export type ReportPeriodKind = ReportFormDto['periodKind'];
export const REPORT_PERIOD_KINDS: readonly ReportPeriodKind[] = ['month', 'quarter', 'half', 'year'];

/** What the form of a new report form holds (the deadline as either of its two kinds). */
export interface ReportFormValues {
  code?: string;
  name?: string;
  periodKind?: ReportPeriodKind;
  reportingLevel?: string;
  deadlineKind?: 'fixed' | 'afterEnd';
  deadline?: { day?: number | null; month?: number | null; nextYear?: boolean; daysAfterEnd?: number | null };
  indicatorCodes?: string[];
}

const int = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

/**
 * The form → the body of POST /api/v1/report-forms. Nothing is checked here beyond the shape: the API says
 * what is wrong with each field (a day that does not exist, a code already used …) and the form shows it.
 */
export function toCreateFormBody(v: ReportFormValues): CreateReportForm {
  const d = v.deadline ?? {};
  const deadlineRule: DeadlineRuleDto =
    v.deadlineKind === 'afterEnd'
      ? { daysAfterEnd: int(d.daysAfterEnd) }
      : { day: int(d.day), month: int(d.month), ...(d.nextYear ? { yearOffset: 1 } : {}) };
  return {
    code: (v.code ?? '').trim().toUpperCase(),
    name: (v.name ?? '').trim(),
    periodKind: v.periodKind ?? 'year',
    indicatorCodes: v.indicatorCodes ?? [],
    deadlineRule,
    reportingLevel: v.reportingLevel ?? '',
  };
}

/**
 * Where each field the API may name lives in the form (`indicatorCodes.3` → the indicator picker,
 * `deadlineRule.day` → the day, `deadlineRule` as a whole → the day or the number of days).
 */
export function createFormErrorFields(v: ReportFormValues): Record<string, (string | number)[]> {
  const fields: Record<string, (string | number)[]> = {
    code: ['code'],
    name: ['name'],
    periodKind: ['periodKind'],
    reportingLevel: ['reportingLevel'],
    indicatorCodes: ['indicatorCodes'],
    'deadlineRule.day': ['deadline', 'day'],
    'deadlineRule.month': ['deadline', 'month'],
    'deadlineRule.yearOffset': ['deadline', 'nextYear'],
    'deadlineRule.daysAfterEnd': ['deadline', 'daysAfterEnd'],
    deadlineRule: v.deadlineKind === 'afterEnd' ? ['deadline', 'daysAfterEnd'] : ['deadline', 'day'],
  };
  (v.indicatorCodes ?? []).forEach((_c, i) => (fields[`indicatorCodes.${i}`] = ['indicatorCodes']));
  return fields;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A deadline rule in words, e.g. "Ngày 13/06 (kỳ đầu năm; các kỳ sau lùi theo từng kỳ)" — the words come from `words`. */
export function deadlineRuleText(
  rule: DeadlineRuleDto,
  kind: ReportPeriodKind,
  words: { afterEnd: (n: string) => string; fixed: (date: string) => string; fixedNextYear: (date: string) => string; firstPeriod: string },
): string {
  if ('daysAfterEnd' in rule) return words.afterEnd(String(rule.daysAfterEnd));
  const date = `${pad(rule.day)}/${pad(rule.month)}`;
  const text = rule.yearOffset ? words.fixedNextYear(date) : words.fixed(date);
  return kind === 'year' ? text : `${text} ${words.firstPeriod}`;
}
