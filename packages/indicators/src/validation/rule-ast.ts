/**
 * The syntax tree of a validation-rule expression. Every node keeps the 0-based column where its text
 * starts (for a binary node, where its left operand starts; for a parenthesised group, its "("), so
 * type errors underline the offending operand.
 */
export type RuleField = 'value' | 'numerator' | 'denominator';
export const RULE_FIELDS: readonly RuleField[] = ['value', 'numerator', 'denominator'];

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOp = 'and' | 'or';

export type RuleNode =
  | { type: 'number'; value: number; position: number }
  | { type: 'boolean'; value: boolean; position: number }
  | { type: 'ref'; code: string; field: RuleField; position: number }
  | { type: 'negate'; operand: RuleNode; position: number }
  | { type: 'not'; operand: RuleNode; position: number }
  | { type: 'arithmetic'; op: ArithmeticOp; left: RuleNode; right: RuleNode; position: number }
  | { type: 'compare'; op: ComparisonOp; left: RuleNode; right: RuleNode; position: number }
  | { type: 'logical'; op: LogicalOp; left: RuleNode; right: RuleNode; position: number };

/** A parsed, type-checked expression and the indicators it reads, in order of first appearance. */
export interface ParsedRule {
  expression: string;
  ast: RuleNode;
  references: string[];
}
