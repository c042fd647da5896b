import type { FieldError, PutReportValues, ReportDetail, ReportStatus, Role, ValidationIssueDto } from '@sen/contracts';

export type ReportIndicator = ReportDetail['indicators'][number];

/** What the entry form holds for one indicator: a value, or numerator and denominator for a ratio. */
export interface EntryValue {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}
export type EntryValues = Record<string, EntryValue>;

export function isRatio(indicator: Pick<ReportIndicator, 'aggregation'>): boolean {
  return indicator.aggregation === 'ratio';
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The report's stored totals (category '') → the form's values, one entry per indicator of the form. */
export function toEntryValues(detail: Pick<ReportDetail, 'indicators' | 'values'>): EntryValues {
  const totals = new Map(detail.values.filter((v) => v.category === '').map((v) => [v.indicator, v]));
  const out: EntryValues = {};
  for (const ind of detail.indicators) {
    const v = totals.get(ind.code);
    out[ind.code] = isRatio(ind) ? { numerator: v?.numerator ?? null, denominator: v?.denominator ?? null } : { value: v?.value ?? null };
  }
  return out;
}

/**
 * The form's values → the body of PUT /reports/:id/values: `{indicator, value}` for a plain indicator and
 * `{indicator, numerator, denominator}` for a ratio (never a percentage); an emptied field is sent as null
 * (the API clears it). Warning comments are sent trimmed, empty ones left out.
 */
export function toValuesBody(
  indicators: readonly Pick<ReportIndicator, 'code' | 'aggregation'>[],
  values: EntryValues | undefined,
  warningComments?: Record<string, string | undefined>,
  version?: number,
): PutReportValues {
  const body: PutReportValues = {
    values: indicators.map((ind) => {
      const v = values?.[ind.code] ?? {};
      return isRatio(ind)
        ? { indicator: ind.code, numerator: num(v.numerator), denominator: num(v.denominator) }
        : { indicator: ind.code, value: num(v.value) };
    }),
  };
  const comments = Object.fromEntries(
    Object.entries(warningComments ?? {})
      .map(([k, v]) => [k, (v ?? '').trim()] as const)
      .filter(([, v]) => v.length > 0),
  );
  if (Object.keys(comments).length > 0) body.warningComments = comments;
  if (version !== undefined) body.version = version;
  return body;
}

/** The form's values per category: indicator code → category code → value (or numerator and denominator). */
export type CategoryEntryValues = Record<string, Record<string, EntryValue>>;

/** The report's stored values per category → the form's, for the indicators of the form. */
export function toCategoryEntryValues(detail: Pick<ReportDetail, 'indicators' | 'values'>): CategoryEntryValues {
  const ratio = new Map(detail.indicators.map((i) => [i.code, isRatio(i)]));
  const out: CategoryEntryValues = {};
  for (const v of detail.values) {
    if (v.category === '' || !ratio.has(v.indicator)) continue;
    (out[v.indicator] ??= {})[v.category] = ratio.get(v.indicator) ? { numerator: v.numerator, denominator: v.denominator } : { value: v.value };
  }
  return out;
}

/**
 * The form's category values → `{indicator, category, value}` (or numerator and denominator) items of the PUT
 * body. A category is sent when it has a value, or when it had one (null clears it); untouched empty
 * categories are left out, so a save never writes empty history rows for them.
 */
export function toCategoryValuesBody(
  indicators: readonly Pick<ReportIndicator, 'code' | 'aggregation'>[],
  categories: CategoryEntryValues | undefined,
  stored: readonly Pick<ReportDetail['values'][number], 'indicator' | 'category'>[],
): PutReportValues['values'] {
  const had = new Set(stored.filter((v) => v.category !== '').map((v) => `${v.indicator}\u0000${v.category}`));
  const out: PutReportValues['values'] = [];
  for (const ind of indicators) {
    for (const [category, v] of Object.entries(categories?.[ind.code] ?? {})) {
      const item = isRatio(ind)
        ? { indicator: ind.code, category, numerator: num(v?.numerator), denominator: num(v?.denominator) }
        : { indicator: ind.code, category, value: num(v?.value) };
      const empty = 'value' in item ? item.value === null : item.numerator === null && item.denominator === null;
      if (!empty || had.has(`${ind.code}\u0000${category}`)) out.push(item);
    }
  }
  return out;
}

/** numerator / denominator in percent (null when it cannot be computed). */
export function ratioPercent(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined || denominator === 0) return null;
  return (numerator / denominator) * 100;
}

export type IndicatorGroupKey = 'stock' | 'flow' | 'ratio';

/**
 * Indicators grouped the way a unit fills them in: figures at the reporting date (stocks), results of the
 * period (flows), then the rates (numerator and denominator). The form's order is kept within a group.
 */
export function groupIndicators<T extends Pick<ReportIndicator, 'aggregation' | 'kind'>>(indicators: readonly T[]): { key: IndicatorGroupKey; items: T[] }[] {
  const groups: Record<IndicatorGroupKey, T[]> = { stock: [], flow: [], ratio: [] };
  for (const ind of indicators) {
    if (isRatio(ind)) groups.ratio.push(ind);
    else if (ind.kind === 'flow') groups.flow.push(ind);
    else groups.stock.push(ind);
  }
  return (['stock', 'flow', 'ratio'] as const).filter((k) => groups[k].length > 0).map((key) => ({ key, items: groups[key] }));
}

type Issue = ValidationIssueDto & { indicators?: string[] };

/** Issues by the indicator they are shown next to. */
export function issuesByIndicator(issues: readonly Issue[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const issue of issues) out.set(issue.indicator, [...(out.get(issue.indicator) ?? []), issue]);
  return out;
}

/** Indicators whose warnings still need an explanation before the report can be submitted. */
export function unexplainedWarnings(issues: readonly Issue[], comments: Record<string, string | undefined> | null | undefined): string[] {
  const explained = (i: Issue) => [i.indicator, i.rule, ...(i.indicators ?? [])].some((k) => (comments?.[k] ?? '').trim().length > 0);
  return [...new Set(issues.filter((i) => i.severity === 'warning' && !explained(i)).map((i) => i.indicator))];
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * The indicator an API field error is about: `values.HOI_VIEN`, `warningComments.HOI_VIEN`, or `values.3…`
 * (the 4th value sent). Null for errors about the report as a whole.
 */
export function indicatorOfField(field: string, sentCodes: readonly string[]): string | null {
  const m = /^(?:values|warningComments)\.([^.]+)/.exec(field);
  if (!m) return null;
  const key = m[1]!;
  if (/^\d+$/.test(key)) return sentCodes[Number(key)] ?? null;
  return key;
}

/** Field errors of a refused save or submission, grouped by indicator; the rest stay general. */
export function fieldErrorsByIndicator(errors: readonly FieldError[], sentCodes: readonly string[], language: 'vi' | 'en'): { byIndicator: Map<string, string[]>; general: string[] } {
  const byIndicator = new Map<string, string[]>();
  const general: string[] = [];
  for (const e of errors) {
    const reason = language === 'en' ? e.reasonEn || e.reason : e.reason;
    const code = indicatorOfField(e.field, sentCodes);
    if (code) byIndicator.set(code, [...(byIndicator.get(code) ?? []), reason]);
    else general.push(reason);
  }
  return { byIndicator, general };
}

export const EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];
const ENTRY_ROLES: readonly Role[] = ['reporter', 'unit_manager', 'tenant_admin'];
const APPROVER_ROLES: readonly Role[] = ['unit_manager', 'tenant_admin'];

/** Who may do what on a report, as far as the browser can tell (the API has the last word). */
export function reportPermissions(
  report: Pick<ReportDetail, 'status' | 'unitId'>,
  roles: readonly Role[] | undefined,
  ownUnitIds: readonly string[],
): { canEdit: boolean; canDecide: boolean; canReopen: boolean } {
  const has = (list: readonly Role[]) => !!roles?.some((r) => list.includes(r));
  return {
    canEdit: EDITABLE_STATUSES.includes(report.status) && has(ENTRY_ROLES),
    // Approvers sit above the reporting unit: a user bound to the unit itself does not approve its report.
    canDecide: report.status === 'submitted' && has(APPROVER_ROLES) && !ownUnitIds.includes(report.unitId),
    // Reopening an approved (locked) report is the tenant administrator's explicit, audited act.
    canReopen: report.status === 'approved' && has(['tenant_admin']),
  };
}
