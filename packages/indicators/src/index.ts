/**
 * @sen/indicators — the domain rules of Sen that do not depend on any framework: what an indicator is,
 * how values roll up the unit hierarchy (ratio of sums, stock vs flow, coverage), targets, reporting
 * periods and deadlines, validation rules, and the national indicator catalogue.
 */

// Errors and formatting
export * from './shared/errors';
export { formatNumberVi, formatNumberEn } from './shared/number-format';

// Indicators
export type {
  IndicatorDefinition,
  ValueType,
  IndicatorKind,
  Disaggregation,
  DisaggregationCategory,
  CoverageConfig,
  IndicatorBounds,
} from './indicators/indicator-definition';
export {
  defineIndicator,
  checkIndicatorDefinition,
  isIndicatorCode,
  INDICATOR_CODE_PATTERN,
  INDICATOR_CODE_MAX_LENGTH,
} from './indicators/define-indicator';
export { deriveTotal } from './indicators/derive-total';
export type { CategoryValue } from './indicators/derive-total';

// Aggregation
export type { RollupParts, UnitValue } from './aggregation/rollup-parts';
export { emptyParts, mergeParts, subtractAdditiveParts, readNumber } from './aggregation/rollup-parts';
export type { AggregationMethod, AggregationId, BuiltInAggregationId } from './aggregation/aggregation-method';
export { sumMethod } from './aggregation/sum.method';
export { ratioMethod } from './aggregation/ratio.method';
export { averageMethod } from './aggregation/average.method';
export { minMethod } from './aggregation/min.method';
export { maxMethod } from './aggregation/max.method';
export { coverageMethod } from './aggregation/coverage.method';
export { latestMethod } from './aggregation/latest.method';
export {
  BUILT_IN_AGGREGATION_METHODS,
  registerAggregationMethod,
  unregisterAggregationMethod,
  getAggregationMethod,
  hasAggregationMethod,
  listAggregationMethods,
} from './aggregation/registry';
export { applyChange, needsRecompute } from './aggregation/apply-change';
export type { ChangeResult } from './aggregation/apply-change';
export { rollup, combineAll, combinePeriods, valueOf, partsOf } from './aggregation/rollup';
export type { RollupResult, PeriodParts } from './aggregation/rollup';

// Periods
export type { DateInput } from './periods/dates';
export { toIsoDate, addDays, VIETNAM_UTC_OFFSET_MINUTES } from './periods/dates';
export type { Period, PeriodKind, PeriodInput } from './periods/period';
export {
  PERIOD_KINDS,
  parsePeriod,
  isPeriodId,
  makePeriodId,
  comparePeriods,
  comparePeriodsByEnd,
  previousPeriod,
  nextPeriod,
  containsPeriod,
  periodsWithin,
  enclosingPeriod,
} from './periods/period';
export { formatPeriodVi, formatPeriodEn, parsePeriodVi } from './periods/period-format';
export type { ReportingCalendar, ReportingWindow, CutOffKey } from './periods/reporting-calendar';
export {
  reportingWindow,
  cutOffDate,
  periodOfDate,
  elapsedShare,
  validateReportingCalendar,
} from './periods/reporting-calendar';
export type { DeadlineRule, ReportingDeadlineVi } from './periods/deadline';
export { deadlineFor, parseDeadlineVi, extractReportingDeadlinesVi } from './periods/deadline';

// Targets
export type { Target, TargetComparator, TargetScope, TargetStatus } from './targets/target';
export {
  TARGET_STATUSES,
  TARGET_STATUS_LABELS_VI,
  TARGET_STATUS_LABELS_EN,
  TARGET_COMPARATOR_LABELS_VI,
  ON_TRACK_MIN_PROGRESS,
  AT_RISK_MIN_PROGRESS,
  DEFAULT_APPROX_TOLERANCE_PCT,
} from './targets/target';
export { evaluateTarget } from './targets/evaluate-target';
export type { EvaluateTargetOptions, TargetEvaluation } from './targets/evaluate-target';

// Validation
export type { RuleNode, RuleField, ParsedRule, ArithmeticOp, ComparisonOp, LogicalOp } from './validation/rule-ast';
export { tokenize } from './validation/rule-lexer';
export type { Token, TokenType } from './validation/rule-lexer';
export { parseRule } from './validation/rule-parser';
export { evaluateRule } from './validation/rule-evaluator';
export type { RuleOutcome, RuleLookup } from './validation/rule-evaluator';
export { defineRule, parsedRule } from './validation/rule';
export type { Rule, RuleSeverity } from './validation/rule';
export { validateReport, effectiveValue, BUILT_IN_CHECKS } from './validation/validate-report';
export type { ReportedValue, ReportValues, ValidationIssue, ValidateReportOptions } from './validation/validate-report';
export {
  detectOutlier,
  median,
  medianAbsoluteDeviation,
  OUTLIER_MAX_MULTIPLIER,
  OUTLIER_MAD_K,
  OUTLIER_MIN_HISTORY,
  MAD_TO_SIGMA,
} from './validation/outliers';
export type { OutlierFinding } from './validation/outliers';

// National catalogue
export { NATIONAL_INDICATORS, findIndicator } from './catalogue/national-indicators';
export { NATIONAL_RULES } from './catalogue/national-rules';
