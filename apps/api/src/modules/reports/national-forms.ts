import type { DeadlineRuleJson, PeriodKind } from '@sen/db';
import { NATIONAL_INDICATORS } from '@sen/indicators';

export interface FormSpec {
  code: string;
  name: string;
  periodKind: PeriodKind;
  indicatorCodes: string[];
  deadlineRule: DeadlineRuleJson;
  reportingLevel: string;
  national: boolean;
}

/**
 * The national forms every tenant has (same codes everywhere): the half-year and the yearly report of the
 * grassroots unions, with the whole national catalogue. Deadlines from the plans: "báo cáo 6 tháng (trước
 * ngày 13/6) và báo cáo năm (trước 30/10)"; S2 is due 13/12 (see reportDeadline).
 */
export function nationalForms(): FormSpec[] {
  const codes = NATIONAL_INDICATORS.map((d) => d.code);
  return [
    {
      code: 'QG-6T',
      name: 'Báo cáo 6 tháng (biểu mẫu quốc gia)',
      periodKind: 'half',
      indicatorCodes: codes,
      deadlineRule: { day: 13, month: 6 },
      reportingLevel: 'grassroots',
      national: true,
    },
    {
      code: 'QG-NAM',
      name: 'Báo cáo năm',
      periodKind: 'year',
      indicatorCodes: codes,
      deadlineRule: { day: 30, month: 10 },
      reportingLevel: 'grassroots',
      national: true,
    },
  ];
}
