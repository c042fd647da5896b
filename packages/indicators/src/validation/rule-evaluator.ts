import { RuleField, RuleNode, ParsedRule } from './rule-ast';

/**
 * Evaluates a parsed rule by walking its tree — never eval/Function.
 *
 * A rule reading an indicator the report does not have is skipped, not failed: a commune without a
 * cooperative programme should not be told its cooperatives break a rule. Division by zero skips too:
 * "X / Y <= 1" says nothing when Y is 0.
 */
export type RuleOutcome =
  | { status: 'pass' }
  | { status: 'fail' }
  | { status: 'skipped'; reason: 'missing'; missing: string[] }
  | { status: 'skipped'; reason: 'division_by_zero' };

/** Looks up a reported number; undefined or null when the report does not have it. */
export type RuleLookup = (code: string, field: RuleField) => number | null | undefined;

/** Relative tolerance for == and != on computed numbers (0.1 + 0.2 == 0.3). */
const EQ_EPSILON = 1e-9;

class DivisionByZero {}

function numbersEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EQ_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

function evaluate(node: RuleNode, lookup: RuleLookup): number | boolean {
  switch (node.type) {
    case 'number':
    case 'boolean':
      return node.value;
    case 'ref':
      // Missing references were ruled out before evaluation.
      return lookup(node.code, node.field) ?? Number.NaN;
    case 'negate':
      return -(evaluate(node.operand, lookup) as number);
    case 'not':
      return !(evaluate(node.operand, lookup) as boolean);
    case 'arithmetic': {
      const l = evaluate(node.left, lookup) as number;
      const r = evaluate(node.right, lookup) as number;
      switch (node.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          if (r === 0) throw new DivisionByZero();
          return l / r;
      }
      break;
    }
    case 'compare': {
      const l = evaluate(node.left, lookup);
      const r = evaluate(node.right, lookup);
      if (typeof l === 'boolean' || typeof r === 'boolean') {
        return node.op === '==' ? l === r : node.op === '!=' ? l !== r : false;
      }
      switch (node.op) {
        case '<':
          return l < r && !numbersEqual(l, r);
        case '<=':
          return l <= r || numbersEqual(l, r);
        case '>':
          return l > r && !numbersEqual(l, r);
        case '>=':
          return l >= r || numbersEqual(l, r);
        case '==':
          return numbersEqual(l, r);
        case '!=':
          return !numbersEqual(l, r);
      }
      break;
    }
    case 'logical': {
      const l = evaluate(node.left, lookup) as boolean;
      if (node.op === 'and') return l && (evaluate(node.right, lookup) as boolean);
      return l || (evaluate(node.right, lookup) as boolean);
    }
  }
  return Number.NaN;
}

function missingReferences(node: RuleNode, lookup: RuleLookup, out: string[]): void {
  switch (node.type) {
    case 'ref': {
      const v = lookup(node.code, node.field);
      if ((v === undefined || v === null) && !out.includes(node.code)) out.push(node.code);
      return;
    }
    case 'negate':
    case 'not':
      missingReferences(node.operand, lookup, out);
      return;
    case 'arithmetic':
    case 'compare':
    case 'logical':
      missingReferences(node.left, lookup, out);
      missingReferences(node.right, lookup, out);
      return;
    default:
      return;
  }
}

export function evaluateRule(rule: ParsedRule, lookup: RuleLookup): RuleOutcome {
  const missing: string[] = [];
  missingReferences(rule.ast, lookup, missing);
  if (missing.length > 0) return { status: 'skipped', reason: 'missing', missing };
  try {
    return evaluate(rule.ast, lookup) === true ? { status: 'pass' } : { status: 'fail' };
  } catch (e) {
    if (e instanceof DivisionByZero) return { status: 'skipped', reason: 'division_by_zero' };
    throw e;
  }
}
