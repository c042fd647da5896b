/**
 * Domain errors of @sen/indicators.
 *
 * The API maps errors by `code` to an HTTP status and a body that names the field and the reason in
 * Vietnamese and English (see ARCHITECTURE.md, "Errors and config"), so every error here carries both
 * texts and, where there is one, the offending field.
 */
export class IndicatorsError extends Error {
  /** Stable machine code, e.g. `PERIOD_INVALID`. */
  readonly code: string;
  /** The same message in Vietnamese, for users. */
  readonly messageVi: string;
  /** The input field at fault, when there is one (`coverage.level`, `value`, `period`, …). */
  readonly field?: string;

  constructor(code: string, message: string, messageVi: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.messageVi = messageVi;
    if (field !== undefined) this.field = field;
  }
}

/** One problem in an indicator definition: which field, and why. */
export interface DefinitionProblem {
  field: string;
  reason: string;
  reasonVi: string;
}

/** `defineIndicator` found one or more problems; all of them are listed, not only the first. */
export class IndicatorDefinitionError extends IndicatorsError {
  readonly indicator: string;
  readonly problems: readonly DefinitionProblem[];

  constructor(indicator: string, problems: readonly DefinitionProblem[]) {
    const first = problems[0];
    const en = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
    const vi = problems.map((p) => `${p.field}: ${p.reasonVi}`).join('; ');
    super(
      'INDICATOR_DEFINITION_INVALID',
      `Invalid indicator definition "${indicator}" — ${en}`,
      `Định nghĩa chỉ số "${indicator}" không hợp lệ — ${vi}`,
      first?.field,
    );
    this.indicator = indicator;
    this.problems = problems;
  }
}

/** Bad input to an aggregation method (a non-finite value, a ratio without its denominator, …). */
export class AggregationError extends IndicatorsError {
  constructor(message: string, messageVi: string, field?: string, code = 'AGGREGATION_INPUT_INVALID') {
    super(code, message, messageVi, field);
  }
}

/** A period id, a reporting calendar or a date that cannot be understood. */
export class PeriodError extends IndicatorsError {
  constructor(message: string, messageVi: string, field?: string, code = 'PERIOD_INVALID') {
    super(code, message, messageVi, field);
  }
}

/** A Vietnamese deadline text that cannot be parsed, or an impossible deadline rule. */
export class DeadlineError extends IndicatorsError {
  constructor(message: string, messageVi: string, field?: string) {
    super('DEADLINE_INVALID', message, messageVi, field);
  }
}

/** A target that cannot be evaluated (wrong indicator, non-finite value, …). */
export class TargetError extends IndicatorsError {
  constructor(message: string, messageVi: string, field?: string) {
    super('TARGET_INVALID', message, messageVi, field);
  }
}

/**
 * A validation-rule expression that does not parse or type-check. `position` is the 0-based column in
 * `expression` where the problem starts, so an editor can underline it.
 */
export class RuleSyntaxError extends IndicatorsError {
  readonly position: number;
  readonly expression: string;
  /** What is wrong, without the position and expression (for an editor's tooltip). */
  readonly reason: string;
  readonly reasonVi: string;
  /** The code of the rule, when the expression came from a `Rule`. */
  readonly rule?: string;

  constructor(message: string, messageVi: string, position: number, expression: string, rule?: string) {
    const where = rule ? ` in rule ${rule}` : '';
    const whereVi = rule ? ` trong quy tắc ${rule}` : '';
    super(
      'RULE_SYNTAX_INVALID',
      `${message} at position ${position}${where}: ${expression}`,
      `${messageVi} tại vị trí ${position}${whereVi}: ${expression}`,
      'expression',
    );
    this.position = position;
    this.expression = expression;
    this.reason = message;
    this.reasonVi = messageVi;
    if (rule !== undefined) this.rule = rule;
  }
}

/** A rule object (not its expression) that is malformed: bad code, severity or empty message. */
export class RuleDefinitionError extends IndicatorsError {
  constructor(message: string, messageVi: string, field: string) {
    super('RULE_DEFINITION_INVALID', message, messageVi, field);
  }
}
