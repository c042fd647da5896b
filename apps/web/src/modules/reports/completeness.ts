import type { ReportFormDto } from '@sen/contracts';
import type { PeriodKind } from '../../lib/periods';

export interface Counts {
  expected: number;
  submitted: number;
  approved: number;
  late: number;
}

/** Share of the expected reports that are submitted (and approved), in percent; null when none is expected. */
export function completion(c: Counts): { submitted: number | null; approved: number | null } {
  if (c.expected <= 0) return { submitted: null, approved: null };
  return { submitted: (c.submitted / c.expected) * 100, approved: (c.approved / c.expected) * 100 };
}

/** The periods a form is reported for: a half-year form takes 2024S1, a yearly one 2024. */
export function formPeriodKind(form: Pick<ReportFormDto, 'periodKind'> | undefined): PeriodKind | undefined {
  return form?.periodKind;
}
