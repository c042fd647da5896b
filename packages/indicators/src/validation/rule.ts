import { RuleDefinitionError, RuleSyntaxError } from '../shared/errors';
import type { ParsedRule } from './rule-ast';
import { parseRule } from './rule-parser';

export type RuleSeverity = 'error' | 'warning';

/** A cross-indicator check on a unit's report, e.g. new members cannot exceed members. */
export interface Rule {
  /** UPPER_SNAKE, stable: issues name it. */
  code: string;
  /** e.g. `HOI_VIEN_MOI <= HOI_VIEN`; see rule-parser.ts for the grammar. */
  expression: string;
  /** Shown to the reporting unit, in Vietnamese. */
  message: string;
  messageEn?: string;
  /** 'error' blocks submission; 'warning' asks the unit to confirm. */
  severity: RuleSeverity;
}

const RULE_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const cache = new WeakMap<Rule, ParsedRule>();

/** Parses a rule's expression, naming the rule in any syntax error. Cached per rule object. */
export function parsedRule(rule: Rule): ParsedRule {
  const hit = cache.get(rule);
  if (hit && hit.expression === rule.expression) return hit;
  try {
    const parsed = parseRule(rule.expression);
    cache.set(rule, parsed);
    return parsed;
  } catch (e) {
    if (e instanceof RuleSyntaxError && e.rule === undefined) {
      throw new RuleSyntaxError(e.reason, e.reasonVi, e.position, e.expression, rule.code);
    }
    throw e;
  }
}

/**
 * Checks a rule (code, severity, message, and that the expression parses) and returns it frozen.
 * With `knownIndicators`, every indicator the expression reads must be one of them.
 */
export function defineRule(rule: Rule, knownIndicators?: Iterable<string>): Rule {
  if (!RULE_CODE.test(rule.code ?? '')) {
    throw new RuleDefinitionError(`Rule code must be UPPER_SNAKE, got "${String(rule.code)}"`, `Mã quy tắc phải viết HOA_GẠCH_DƯỚI, nhận "${String(rule.code)}"`, 'code');
  }
  if (rule.severity !== 'error' && rule.severity !== 'warning') {
    throw new RuleDefinitionError(`Rule ${rule.code}: severity must be "error" or "warning", got "${String(rule.severity)}"`, `Quy tắc ${rule.code}: mức độ phải là "error" hoặc "warning", nhận "${String(rule.severity)}"`, 'severity');
  }
  if (typeof rule.message !== 'string' || rule.message.trim() === '') {
    throw new RuleDefinitionError(`Rule ${rule.code}: the Vietnamese message is required`, `Quy tắc ${rule.code}: cần thông báo tiếng Việt`, 'message');
  }
  const parsed = parsedRule(rule);
  if (knownIndicators) {
    const known = new Set(knownIndicators);
    const unknown = parsed.references.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      const position = rule.expression.indexOf(unknown[0] ?? '');
      throw new RuleSyntaxError(`Unknown indicator ${unknown.join(', ')}`, `Không có chỉ số ${unknown.join(', ')}`, Math.max(0, position), rule.expression, rule.code);
    }
  }
  return Object.freeze({ ...rule });
}
