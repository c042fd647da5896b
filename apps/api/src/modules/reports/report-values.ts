import type { FieldError, ReportValueInput, ValidationIssueDto } from '@sen/contracts';
import {
  comparePeriodsByEnd,
  effectiveValue,
  NATIONAL_RULES,
  validateReport,
  type IndicatorDefinition,
  type ReportValues,
} from '@sen/indicators';
import type { ValueChangeRow, ValueRow } from './report.repository';

/** One value as it is stored: a ratio has numerator and denominator, everything else a value. */
export interface NormalisedValue {
  indicator: string;
  category: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Checks the values a client sends against the form: the indicator must be on the form, a ratio comes as
 * numerator + denominator and anything else as a value, a category must be one of the indicator's, no
 * indicator twice. Whether the numbers make sense is `validateReport`'s job (drafts may be saved with issues).
 * `field(i)` names the i-th value in errors (`values.3`).
 */
export function normaliseValues(
  values: ReportValueInput[],
  defs: ReadonlyMap<string, IndicatorDefinition>,
  formName: string,
  field: (i: number) => string,
): { rows: NormalisedValue[]; errors: FieldError[] } {
  const rows: NormalisedValue[] = [];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    const def = defs.get(v.indicator);
    if (!def) {
      errors.push({
        field: `${field(i)}.indicator`,
        reason: `chỉ số "${v.indicator}" không có trong biểu mẫu "${formName}"`,
        reasonEn: `indicator "${v.indicator}" is not on the form "${formName}"`,
      });
      return;
    }
    const category = v.category ?? '';
    if (category) {
      const known = (def.disaggregations ?? []).some((d) => d.categories.some((c) => c.code === category));
      if (!known) {
        errors.push({
          field: `${field(i)}.category`,
          reason: `chỉ số ${def.code} không có phân tổ "${category}"`,
          reasonEn: `indicator ${def.code} has no category "${category}"`,
        });
        return;
      }
    }
    const key = `${v.indicator}\u0000${category}`;
    if (seen.has(key)) {
      errors.push({
        field: `${field(i)}.indicator`,
        reason: `chỉ số ${v.indicator} bị nhập hai lần (trùng với mục ${seen.get(key)})`,
        reasonEn: `indicator ${v.indicator} is given twice (same as item ${seen.get(key)})`,
      });
      return;
    }
    seen.set(key, i);
    const isRatio = def.aggregation === 'ratio';
    if (isRatio && !('numerator' in v)) {
      errors.push({
        field: field(i),
        reason: `${def.name} là chỉ số tỷ lệ: cần nhập tử số và mẫu số (numerator, denominator), không nhập tỷ lệ %`,
        reasonEn: `${def.nameEn} is a ratio: send numerator and denominator, not a percentage`,
      });
      return;
    }
    if (!isRatio && 'numerator' in v) {
      errors.push({
        field: field(i),
        reason: `${def.name} không phải chỉ số tỷ lệ: nhập giá trị (value), không nhập tử số, mẫu số`,
        reasonEn: `${def.nameEn} is not a ratio: send a value, not numerator and denominator`,
      });
      return;
    }
    rows.push(
      'numerator' in v
        ? { indicator: v.indicator, category, value: null, numerator: v.numerator, denominator: v.denominator }
        : { indicator: v.indicator, category, value: v.value, numerator: null, denominator: null },
    );
  });
  return { rows, errors };
}

const isEmpty = (v: NormalisedValue | ValueRow): boolean => v.value === null && v.numerator === null && v.denominator === null;
/** What the history records for a value: `{value}` or `{numerator, denominator}`; null when absent. */
const snapshot = (v: NormalisedValue | ValueRow | undefined): unknown =>
  !v || isEmpty(v) ? null : v.value !== null ? { value: v.value } : { numerator: v.numerator, denominator: v.denominator };
/** Compare as the database stores them: DECIMAL(20,4). */
const same = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.round(a * 10_000) === Math.round(b * 10_000);

/**
 * What a save changes: rows to upsert, rows to delete (all parts null), and a history row for every value
 * that actually changed. Unchanged values are left alone (no history noise).
 */
export function diffValues(
  reportId: string,
  incoming: NormalisedValue[],
  existing: ValueRow[],
): { upserts: ValueRow[]; deletes: { reportId: string; indicator: string; category: string }[]; changes: ValueChangeRow[] } {
  const current = new Map(existing.map((v) => [`${v.indicator}\u0000${v.category}`, v]));
  const upserts: ValueRow[] = [];
  const deletes: { reportId: string; indicator: string; category: string }[] = [];
  const changes: ValueChangeRow[] = [];
  for (const v of incoming) {
    const old = current.get(`${v.indicator}\u0000${v.category}`);
    if (old && same(old.value, v.value) && same(old.numerator, v.numerator) && same(old.denominator, v.denominator)) continue;
    if (!old && isEmpty(v)) continue;
    if (isEmpty(v)) deletes.push({ reportId, indicator: v.indicator, category: v.category });
    else upserts.push({ reportId, ...v });
    changes.push({ reportId, indicator: v.indicator, category: v.category, oldValue: snapshot(old), newValue: snapshot(v) });
  }
  return { upserts, deletes, changes };
}

/** The totals (category '') of a report as `validateReport` reads them. */
export function totalsOf(values: ValueRow[]): ReportValues {
  const out: Record<string, { value?: number | null; numerator?: number | null; denominator?: number | null }> = {};
  for (const v of values) {
    if (v.category !== '') continue;
    out[v.indicator] = v.numerator !== null || v.denominator !== null ? { numerator: v.numerator, denominator: v.denominator } : { value: v.value };
  }
  return out;
}

/** The values per category of a report, as `validateReport` checks them against their totals. */
export function categoriesOf(values: ValueRow[]): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const v of values) if (v.category !== '') (out[v.indicator] ??= {})[v.category] = v.value;
  return out;
}

/**
 * The unit's own earlier values (approved reports of the same form, periods ending before this one), oldest
 * first, per indicator — for the outlier warnings.
 */
export function historyBefore(period: string, rows: (ValueRow & { period: string })[]): Record<string, number[]> {
  const earlier = rows.filter((r) => comparePeriodsByEnd(r.period, period) < 0).sort((a, b) => comparePeriodsByEnd(a.period, b.period));
  const out: Record<string, number[]> = {};
  for (const r of earlier) {
    const v = effectiveValue(r.numerator !== null ? { numerator: r.numerator, denominator: r.denominator } : { value: r.value });
    if (v !== null) (out[r.indicator] ??= []).push(v);
  }
  return out;
}

export type ReportIssue = ValidationIssueDto & { indicators?: string[]; field?: string };

/** Issues of a report: bounds, the national rules, values per category against their totals, outliers against history. */
export function reportIssues(
  values: ValueRow[],
  defs: ReadonlyMap<string, IndicatorDefinition>,
  history?: Record<string, number[]>,
): ReportIssue[] {
  return validateReport(totalsOf(values), { rules: NATIONAL_RULES, definitions: defs, history, rejectUnknownIndicators: false, categories: categoriesOf(values) }).map((i) => {
    const issue: ReportIssue = { indicator: i.indicator, rule: i.rule, severity: i.severity, message: i.message, messageEn: i.messageEn };
    // Every indicator a rule reads, so that the form can highlight them all.
    if (i.indicators) issue.indicators = i.indicators;
    // The field at fault when it is not the indicator's value (values.HOI_VIEN.category).
    if (i.field) issue.field = i.field;
    return issue;
  });
}

/**
 * Why a report cannot be submitted: every error, and every warning nobody justified, each naming
 * `values.<CODE>`. A warning is justified by a comment in warningComments under the indicator's code (or
 * the code of any indicator the rule reads, or the rule's code).
 */
export function submissionErrors(issues: ReportIssue[], comments: Record<string, string> | null): FieldError[] {
  const justified = (i: ReportIssue): boolean =>
    [i.indicator, i.rule, ...(i.indicators ?? [])].some((k) => (comments?.[k] ?? '').trim().length > 0);
  const out: FieldError[] = [];
  for (const i of issues) {
    if (i.severity === 'error') {
      out.push({ field: i.field ?? `values.${i.indicator}`, reason: i.message, reasonEn: i.messageEn });
    } else if (!justified(i)) {
      out.push({
        field: `values.${i.indicator}`,
        reason: `${i.message} — cảnh báo chưa được giải trình (ghi giải trình vào warningComments.${i.indicator})`,
        reasonEn: `${i.messageEn} — this warning needs an explanation in warningComments.${i.indicator}`,
      });
    }
  }
  return out;
}
