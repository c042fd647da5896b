import type { IndicatorDefinition } from '../indicators/indicator-definition';
import { formatNumberEn, formatNumberVi } from '../shared/number-format';
import { detectOutlier } from './outliers';
import { parsedRule, Rule, RuleSeverity } from './rule';
import type { RuleField, RuleNode } from './rule-ast';
import { evaluateRule } from './rule-evaluator';

/** One indicator's entry in a unit's report. */
export interface ReportedValue {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** A unit's report for one period: indicator code → entry. */
export type ReportValues = Readonly<Record<string, ReportedValue>>;

export interface ValidationIssue {
  /** The indicator the issue is about (for a rule: the first indicator it reads). */
  indicator: string;
  /** The rule that raised it: a `Rule.code`, or a built-in check (NEGATIVE, OUTLIER_JUMP, …). */
  rule: string;
  severity: RuleSeverity;
  /** Vietnamese. */
  message: string;
  messageEn: string;
  /** Every indicator involved, for highlighting them all on the form. */
  indicators?: string[];
  /** The field at fault when it is not the indicator's value itself, e.g. `values.HOI_VIEN.category`. */
  field?: string;
}

export interface ValidateReportOptions {
  rules: readonly Rule[];
  definitions: readonly IndicatorDefinition[] | ReadonlyMap<string, IndicatorDefinition>;
  /** The unit's own earlier values per indicator, oldest first, for the outlier check. */
  history?: Readonly<Record<string, readonly (number | null | undefined)[]>>;
  /** Report entries without a definition are an error by default (a typo in a code); set false to ignore. */
  rejectUnknownIndicators?: boolean;
  /** The values per category (indicator code → category code → value), checked against their total. */
  categories?: Readonly<Record<string, Readonly<Record<string, number | null | undefined>>>>;
}

/** Codes of the built-in checks, so screens and tests can refer to them. */
export const BUILT_IN_CHECKS = {
  UNKNOWN_INDICATOR: 'UNKNOWN_INDICATOR',
  NOT_A_NUMBER: 'NOT_A_NUMBER',
  NEGATIVE: 'NEGATIVE',
  NOT_INTEGER: 'NOT_INTEGER',
  PERCENT_RANGE: 'PERCENT_RANGE',
  NOT_BOOLEAN: 'NOT_BOOLEAN',
  BELOW_MIN: 'BELOW_MIN',
  ABOVE_MAX: 'ABOVE_MAX',
  RATIO_PARTS_MISSING: 'RATIO_PARTS_MISSING',
  NUMERATOR_GT_DENOMINATOR: 'NUMERATOR_GT_DENOMINATOR',
  RATIO_VALUE_MISMATCH: 'RATIO_VALUE_MISMATCH',
  OUTLIER_JUMP: 'OUTLIER_JUMP',
  OUTLIER_SPREAD: 'OUTLIER_SPREAD',
  CATEGORY_SUM_MISMATCH: 'CATEGORY_SUM_MISMATCH',
  CATEGORIES_WITHOUT_TOTAL: 'CATEGORIES_WITHOUT_TOTAL',
  WEIGHT_MISSING: 'WEIGHT_MISSING',
} as const;

/** A reported percentage may differ from 100·numerator/denominator by rounding, not more. */
const RATIO_VALUE_TOLERANCE = 0.5;

function definitionMap(defs: ValidateReportOptions['definitions']): ReadonlyMap<string, IndicatorDefinition> {
  if (defs instanceof Map) return defs;
  return new Map((defs as readonly IndicatorDefinition[]).map((d) => [d.code, d]));
}

function isPresent(v: number | null | undefined): v is number {
  return v !== undefined && v !== null;
}

/**
 * The value a rule reads for `CODE`: the reported value, or for a ratio reported only as its parts,
 * 100 · numerator / denominator.
 */
export function effectiveValue(entry: ReportedValue | undefined): number | null {
  if (!entry) return null;
  if (isPresent(entry.value)) return entry.value;
  if (isPresent(entry.numerator) && isPresent(entry.denominator) && entry.denominator !== 0) {
    return (100 * entry.numerator) / entry.denominator;
  }
  return null;
}

class IssueList {
  readonly issues: ValidationIssue[] = [];
  add(indicator: string, rule: string, severity: RuleSeverity, message: string, messageEn: string, indicators?: string[], field?: string): void {
    const issue: ValidationIssue = { indicator, rule, severity, message, messageEn };
    if (indicators) issue.indicators = indicators;
    if (field) issue.field = field;
    this.issues.push(issue);
  }
}

const vi = (n: number): string => formatNumberVi(n, 4);
const en = (n: number): string => formatNumberEn(n, 4);

function checkNumber(list: IssueList, def: IndicatorDefinition, field: RuleField, v: number): boolean {
  const label = field === 'value' ? '' : field === 'numerator' ? ' (tử số)' : ' (mẫu số)';
  const labelEn = field === 'value' ? '' : ` (${field})`;
  const name = `${def.name}${label}`;
  const nameEn = `${def.nameEn}${labelEn}`;
  const C = BUILT_IN_CHECKS;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    list.add(def.code, C.NOT_A_NUMBER, 'error', `${name}: giá trị không phải là số`, `${nameEn}: the value is not a number`);
    return false;
  }
  const integerLike = field !== 'value' || def.valueType === 'integer';
  if (integerLike || def.valueType === 'percentage' || def.valueType === 'boolean') {
    if (v < 0) {
      list.add(def.code, C.NEGATIVE, 'error', `${name}: không được âm (nhận ${vi(v)})`, `${nameEn}: must not be negative (got ${en(v)})`);
      return false;
    }
  }
  // Numerators and denominators of the national ratios are counts (members, households).
  if (integerLike && !Number.isInteger(v)) {
    list.add(def.code, C.NOT_INTEGER, 'error', `${name}: phải là số nguyên (nhận ${vi(v)})`, `${nameEn}: must be a whole number (got ${en(v)})`);
    return false;
  }
  if (field === 'value' && def.valueType === 'percentage' && v > 100) {
    list.add(def.code, C.PERCENT_RANGE, 'error', `${name}: tỷ lệ phải từ 0 đến 100% (nhận ${vi(v)})`, `${nameEn}: a percentage must be 0–100 (got ${en(v)})`);
    return false;
  }
  if (field === 'value' && def.valueType === 'boolean' && v !== 0 && v !== 1) {
    list.add(def.code, C.NOT_BOOLEAN, 'error', `${name}: chỉ nhận 0 (không) hoặc 1 (có), nhận ${vi(v)}`, `${nameEn}: must be 0 (no) or 1 (yes), got ${en(v)}`);
    return false;
  }
  if (field === 'value' && def.bounds?.min !== undefined && v < def.bounds.min) {
    list.add(def.code, C.BELOW_MIN, 'error', `${name}: không được nhỏ hơn ${vi(def.bounds.min)} (nhận ${vi(v)})`, `${nameEn}: must be at least ${en(def.bounds.min)} (got ${en(v)})`);
    return false;
  }
  if (field === 'value' && def.bounds?.max !== undefined && v > def.bounds.max) {
    list.add(def.code, C.ABOVE_MAX, 'error', `${name}: không được lớn hơn ${vi(def.bounds.max)} (nhận ${vi(v)})`, `${nameEn}: must be at most ${en(def.bounds.max)} (got ${en(v)})`);
    return false;
  }
  return true;
}

function checkEntry(list: IssueList, def: IndicatorDefinition, entry: ReportedValue): void {
  const C = BUILT_IN_CHECKS;
  const valueOk = isPresent(entry.value) ? checkNumber(list, def, 'value', entry.value) : true;
  if (def.aggregation !== 'ratio') return;
  const { numerator, denominator } = entry;
  if (!isPresent(numerator) || !isPresent(denominator)) {
    if (isPresent(numerator) || isPresent(denominator) || isPresent(entry.value)) {
      list.add(
        def.code,
        C.RATIO_PARTS_MISSING,
        'error',
        `${def.name}: cần nhập cả tử số và mẫu số để tổng hợp đúng tỷ lệ`,
        `${def.nameEn}: both numerator and denominator are needed to roll the ratio up`,
      );
    }
    return;
  }
  const partsOk = checkNumber(list, def, 'numerator', numerator) && checkNumber(list, def, 'denominator', denominator);
  if (!partsOk) return;
  if (numerator > denominator) {
    list.add(
      def.code,
      C.NUMERATOR_GT_DENOMINATOR,
      'error',
      `${def.name}: tử số (${vi(numerator)}) không được lớn hơn mẫu số (${vi(denominator)})`,
      `${def.nameEn}: numerator (${en(numerator)}) must not exceed denominator (${en(denominator)})`,
    );
    return;
  }
  if (valueOk && isPresent(entry.value) && denominator > 0) {
    const computed = (100 * numerator) / denominator;
    if (Math.abs(computed - entry.value) > RATIO_VALUE_TOLERANCE) {
      list.add(
        def.code,
        C.RATIO_VALUE_MISMATCH,
        'warning',
        `${def.name}: tỷ lệ nhập (${vi(entry.value)}%) khác tỷ lệ tính từ tử số/mẫu số (${vi(computed)}%)`,
        `${def.nameEn}: the entered rate (${en(entry.value)}%) differs from numerator/denominator (${en(computed)}%)`,
      );
    }
  }
}

function checkOutlier(list: IssueList, def: IndicatorDefinition, value: number, history: readonly (number | null | undefined)[]): void {
  const finding = detectOutlier(value, history);
  if (!finding) return;
  if (finding.kind === 'jump') {
    list.add(
      def.code,
      BUILT_IN_CHECKS.OUTLIER_JUMP,
      'warning',
      `${def.name}: ${vi(value)} lớn gấp ${vi(Math.round(finding.multiplier * 10) / 10)} lần mức cao nhất các kỳ trước (${vi(finding.previousMax)}); đề nghị kiểm tra lại`,
      `${def.nameEn}: ${en(value)} is ${en(Math.round(finding.multiplier * 10) / 10)}× the highest earlier value (${en(finding.previousMax)}); please check`,
    );
  } else {
    list.add(
      def.code,
      BUILT_IN_CHECKS.OUTLIER_SPREAD,
      'warning',
      `${def.name}: ${vi(value)} khác thường so với các kỳ trước (khoảng thường gặp ${vi(finding.low)}–${vi(finding.high)}); đề nghị kiểm tra lại`,
      `${def.nameEn}: ${en(value)} is unusual compared with earlier periods (usual range ${en(finding.low)}–${en(finding.high)}); please check`,
    );
  }
}

/**
 * The categories of a sum indicator's breakdown share its total out (each member in one age group): the values given
 * per category must add up to the total — a category not given counts as none — and need a total to add up to.
 */
function checkCategories(list: IssueList, def: IndicatorDefinition, entry: ReportedValue | undefined, given: Readonly<Record<string, number | null | undefined>>): void {
  if (def.aggregation !== 'sum') return;
  const total = entry?.value;
  for (const d of def.disaggregations ?? []) {
    const parts = d.categories.map((c) => [c, given[c.code]] as const).filter((p): p is readonly [(typeof p)[0], number] => isPresent(p[1]));
    if (parts.length === 0) continue;
    const field = `values.${def.code}.category`;
    if (!isPresent(total)) {
      list.add(
        def.code,
        BUILT_IN_CHECKS.CATEGORIES_WITHOUT_TOTAL,
        'error',
        `${def.name}: đã nhập theo ${d.name.toLowerCase()} nhưng chưa nhập tổng số`,
        `${def.nameEn}: values are given by ${d.code} but the total is missing`,
        undefined,
        field,
      );
      continue;
    }
    const sum = parts.reduce((a, [, v]) => a + v, 0);
    if (Math.abs(sum - total) > 1e-9 * Math.max(1, Math.abs(total))) {
      const termsVi = parts.map(([c, v]) => `${c.name} ${vi(v)}`).join(' + ');
      const termsEn = parts.map(([c, v]) => `${c.code} ${en(v)}`).join(' + ');
      list.add(
        def.code,
        BUILT_IN_CHECKS.CATEGORY_SUM_MISMATCH,
        'error',
        `${def.name}: tổng các nhóm theo ${d.name.toLowerCase()} (${termsVi} = ${vi(sum)}) phải bằng tổng số (${vi(total)}); nhóm chưa nhập được tính là 0`,
        `${def.nameEn}: the ${d.code} categories add up to ${en(sum)} (${termsEn}), not the total ${en(total)}; a category not given counts as 0`,
        undefined,
        field,
      );
    }
  }
}

/** The (indicator, field) pairs an expression reads, in order of first appearance. */
function fieldsRead(node: RuleNode, out: { code: string; field: RuleField }[] = []): { code: string; field: RuleField }[] {
  switch (node.type) {
    case 'ref':
      if (!out.some((r) => r.code === node.code && r.field === node.field)) out.push({ code: node.code, field: node.field });
      break;
    case 'negate':
    case 'not':
      fieldsRead(node.operand, out);
      break;
    case 'arithmetic':
    case 'compare':
    case 'logical':
      fieldsRead(node.left, out);
      fieldsRead(node.right, out);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Validates a unit's report: per-indicator bounds from the definitions (whole non-negative numbers for
 * integers, 0–100 for percentages, 0/1 for booleans, numerator ≤ denominator for ratios, the
 * definition's own bounds), the cross-indicator rules (a rule reading an indicator the report lacks is
 * skipped), and outliers against the unit's history (warnings). Returns every issue; none means valid.
 */
export function validateReport(values: ReportValues, options: ValidateReportOptions): ValidationIssue[] {
  const defs = definitionMap(options.definitions);
  const list = new IssueList();
  const valid = new Set<string>();

  for (const [code, entry] of Object.entries(values)) {
    const def = defs.get(code);
    if (!def) {
      if (options.rejectUnknownIndicators !== false) {
        list.add(code, BUILT_IN_CHECKS.UNKNOWN_INDICATOR, 'error', `Chỉ số ${code} không có trong danh mục chỉ số`, `Indicator ${code} is not in the catalogue`);
      }
      continue;
    }
    const before = list.issues.length;
    checkEntry(list, def, entry);
    if (list.issues.length === before) valid.add(code);
  }

  for (const [code, given] of Object.entries(options.categories ?? {})) {
    const def = defs.get(code);
    if (def) checkCategories(list, def, values[code], given);
  }

  // A weighted average cannot be rolled up without its weight (the unit's value of the weight indicator).
  for (const code of valid) {
    const def = defs.get(code);
    if (def?.aggregation !== 'average' || !def.weightIndicator || !isPresent(values[code]?.value)) continue;
    if (isPresent(values[def.weightIndicator]?.value)) continue;
    const weight = defs.get(def.weightIndicator);
    list.add(
      def.code,
      BUILT_IN_CHECKS.WEIGHT_MISSING,
      'error',
      `${def.name}: cần nhập cả ${weight?.name ?? def.weightIndicator} (trọng số để tính bình quân)`,
      `${def.nameEn}: ${weight?.nameEn ?? def.weightIndicator} is needed too (the weight of the average)`,
      [def.code, def.weightIndicator],
    );
  }

  // Rules read only entries that passed their own checks: a rule on a negative number adds noise.
  const lookup = (code: string, field: RuleField): number | null | undefined => {
    if (!valid.has(code)) return undefined;
    const entry = values[code];
    return field === 'value' ? effectiveValue(entry) : entry?.[field];
  };
  for (const rule of options.rules) {
    const parsed = parsedRule(rule);
    const outcome = evaluateRule(parsed, lookup);
    if (outcome.status !== 'fail') continue;
    // What the rule compared: each field it reads (a ratio's numerator is shown as its numerator, not the ratio).
    const shown = fieldsRead(parsed.ast).map(({ code, field }) => {
      const v = lookup(code, field) ?? null;
      const percent = field === 'value' && (defs.get(code)?.aggregation === 'ratio' || defs.get(code)?.valueType === 'percentage') ? '%' : '';
      return {
        vi: `${code}${field === 'value' ? '' : field === 'numerator' ? ' (tử số)' : ' (mẫu số)'} = ${v === null ? '—' : `${vi(v)}${percent}`}`,
        en: `${code}${field === 'value' ? '' : ` (${field})`} = ${v === null ? '—' : `${en(v)}${percent}`}`,
      };
    });
    const detailVi = shown.map((s) => s.vi).join('; ');
    const detailEn = shown.map((s) => s.en).join('; ');
    list.add(
      parsed.references[0] ?? rule.code,
      rule.code,
      rule.severity,
      `${rule.message} (${detailVi})`,
      `${rule.messageEn ?? `Rule ${rule.code} is not met: ${rule.expression}`} (${detailEn})`,
      parsed.references,
    );
  }

  if (options.history) {
    for (const code of valid) {
      const def = defs.get(code);
      const value = effectiveValue(values[code]);
      const history = options.history[code];
      if (def && value !== null && history) checkOutlier(list, def, value, history);
    }
  }
  return list.issues;
}
