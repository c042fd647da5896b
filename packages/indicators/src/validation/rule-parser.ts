import { RuleSyntaxError } from '../shared/errors';
import { ComparisonOp, ParsedRule, RULE_FIELDS, RuleField, RuleNode } from './rule-ast';
import { Token, tokenize } from './rule-lexer';

/**
 * Recursive-descent parser of rule expressions, lowest precedence first:
 *
 *   expression := or
 *   or         := and (("or" | "||") and)*
 *   and        := not (("and" | "&&") not)*
 *   not        := ("not" | "!") not | comparison
 *   comparison := additive (("<" | "<=" | ">" | ">=" | "==" | "!=") additive)?
 *   additive   := term (("+" | "-") term)*
 *   term       := unary (("*" | "/") unary)*
 *   unary      := "-" unary | primary
 *   primary    := number | "true" | "false" | CODE ("." field)? | "(" expression ")"
 *
 * Comparisons do not chain ("0 <= X <= 100" is refused: write "0 <= X and X <= 100"), which avoids
 * the surprise of it meaning "(0 <= X) <= 100". Keywords are case-insensitive; indicator codes are not.
 * After parsing, the tree is type-checked: arithmetic and ordering on numbers, and/or/not on
 * conditions, and the whole expression must be a condition.
 */

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);
const COMPARISONS: readonly string[] = ['<', '<=', '>', '>=', '==', '!='];

class Parser {
  private index = 0;

  constructor(
    private readonly expression: string,
    private readonly tokens: Token[],
  ) {}

  private get current(): Token {
    return this.tokens[this.index] ?? { type: 'end', text: '', position: this.expression.length };
  }

  private advance(): Token {
    const t = this.current;
    if (this.index < this.tokens.length - 1) this.index += 1;
    return t;
  }

  private fail(message: string, messageVi: string, position: number): never {
    throw new RuleSyntaxError(message, messageVi, position, this.expression);
  }

  private isKeyword(word: string): boolean {
    return this.current.type === 'identifier' && this.current.text.toLowerCase() === word;
  }

  private isOperator(...ops: string[]): boolean {
    return this.current.type === 'operator' && ops.includes(this.current.text);
  }

  private describe(t: Token): string {
    return t.type === 'end' ? 'end of expression' : `"${t.text}"`;
  }

  private describeVi(t: Token): string {
    return t.type === 'end' ? 'cuối biểu thức' : `"${t.text}"`;
  }

  private atEnd(): boolean {
    return this.current.type === 'end';
  }

  parse(): RuleNode {
    if (this.atEnd()) this.fail('Empty expression', 'Biểu thức trống', 0);
    const node = this.or();
    if (!this.atEnd()) {
      const t = this.current;
      this.fail(`Unexpected ${this.describe(t)}`, `Không mong đợi ${this.describeVi(t)}`, t.position);
    }
    return node;
  }

  private or(): RuleNode {
    let left = this.and();
    while (this.isKeyword('or') || this.isOperator('||')) {
      this.advance();
      left = { type: 'logical', op: 'or', left, right: this.and(), position: left.position };
    }
    return left;
  }

  private and(): RuleNode {
    let left = this.not();
    while (this.isKeyword('and') || this.isOperator('&&')) {
      this.advance();
      left = { type: 'logical', op: 'and', left, right: this.not(), position: left.position };
    }
    return left;
  }

  private not(): RuleNode {
    if (this.isKeyword('not') || this.isOperator('!')) {
      const position = this.advance().position;
      return { type: 'not', operand: this.not(), position };
    }
    return this.comparison();
  }

  private comparison(): RuleNode {
    const left = this.additive();
    if (this.current.type === 'operator' && COMPARISONS.includes(this.current.text)) {
      const opToken = this.advance();
      const right = this.additive();
      if (this.current.type === 'operator' && COMPARISONS.includes(this.current.text)) {
        this.fail(
          'Comparisons cannot be chained: write "A <= B and B <= C"',
          'Không được nối liền các phép so sánh: viết "A <= B and B <= C"',
          this.current.position,
        );
      }
      return { type: 'compare', op: opToken.text as ComparisonOp, left, right, position: left.position };
    }
    return left;
  }

  private additive(): RuleNode {
    let left = this.term();
    while (this.isOperator('+', '-')) {
      const t = this.advance();
      left = { type: 'arithmetic', op: t.text as '+' | '-', left, right: this.term(), position: left.position };
    }
    return left;
  }

  private term(): RuleNode {
    let left = this.unary();
    while (this.isOperator('*', '/')) {
      const t = this.advance();
      left = { type: 'arithmetic', op: t.text as '*' | '/', left, right: this.unary(), position: left.position };
    }
    return left;
  }

  private unary(): RuleNode {
    if (this.isOperator('-')) {
      const position = this.advance().position;
      return { type: 'negate', operand: this.unary(), position };
    }
    return this.primary();
  }

  private primary(): RuleNode {
    const t = this.current;
    if (t.type === 'number') {
      this.advance();
      return { type: 'number', value: Number(t.text), position: t.position };
    }
    if (t.type === 'lparen') {
      this.advance();
      const inner = this.or();
      if (this.current.type !== 'rparen') {
        const c = this.current;
        this.fail(`Expected ")" to close "(" at position ${t.position}, found ${this.describe(c)}`, `Thiếu ")" để đóng "(" ở vị trí ${t.position}, gặp ${this.describeVi(c)}`, c.position);
      }
      this.advance();
      // A parenthesised expression starts at its "(", so errors about it underline the whole group.
      return { ...inner, position: t.position };
    }
    if (t.type === 'identifier') {
      const lower = t.text.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        this.advance();
        return { type: 'boolean', value: lower === 'true', position: t.position };
      }
      if (KEYWORDS.has(lower)) {
        this.fail(`Expected a value, found the keyword "${t.text}"`, `Cần một giá trị, gặp từ khoá "${t.text}"`, t.position);
      }
      this.advance();
      let field: RuleField = 'value';
      if (this.current.type === 'dot') {
        this.advance();
        const f = this.current;
        if (f.type !== 'identifier' || !(RULE_FIELDS as readonly string[]).includes(f.text)) {
          this.fail(
            `Unknown field ${this.describe(f)} of ${t.text}: expected ${RULE_FIELDS.join(', ')}`,
            `Trường ${this.describeVi(f)} của ${t.text} không tồn tại: cần ${RULE_FIELDS.join(', ')}`,
            f.position,
          );
        }
        this.advance();
        field = f.text as RuleField;
      }
      return { type: 'ref', code: t.text, field, position: t.position };
    }
    this.fail(`Expected a number, an indicator code or "(", found ${this.describe(t)}`, `Cần một số, mã chỉ số hoặc "(", gặp ${this.describeVi(t)}`, t.position);
  }
}

type ValueKind = 'number' | 'condition';

/** Type-checks the tree; returns the kind of value the node yields. */
function typeOf(node: RuleNode, expression: string): ValueKind {
  const expect = (child: RuleNode, kind: ValueKind, what: string, whatVi: string): void => {
    const actual = typeOf(child, expression);
    if (actual !== kind) {
      throw new RuleSyntaxError(
        `${what} needs ${kind === 'number' ? 'a number' : 'a condition'}, found ${actual === 'number' ? 'a number' : 'a condition'}`,
        `${whatVi} cần ${kind === 'number' ? 'một số' : 'một điều kiện'}, gặp ${actual === 'number' ? 'một số' : 'một điều kiện'}`,
        child.position,
        expression,
      );
    }
  };
  switch (node.type) {
    case 'number':
    case 'ref':
      return 'number';
    case 'boolean':
      return 'condition';
    case 'negate':
      expect(node.operand, 'number', 'Unary "-"', 'Dấu "-"');
      return 'number';
    case 'not':
      expect(node.operand, 'condition', '"not"', '"not"');
      return 'condition';
    case 'arithmetic':
      expect(node.left, 'number', `"${node.op}"`, `Phép "${node.op}"`);
      expect(node.right, 'number', `"${node.op}"`, `Phép "${node.op}"`);
      return 'number';
    case 'compare': {
      if (node.op === '==' || node.op === '!=') {
        const left = typeOf(node.left, expression);
        expect(node.right, left, `"${node.op}"`, `Phép "${node.op}"`);
      } else {
        expect(node.left, 'number', `"${node.op}"`, `Phép "${node.op}"`);
        expect(node.right, 'number', `"${node.op}"`, `Phép "${node.op}"`);
      }
      return 'condition';
    }
    case 'logical':
      expect(node.left, 'condition', `"${node.op}"`, `Phép "${node.op}"`);
      expect(node.right, 'condition', `"${node.op}"`, `Phép "${node.op}"`);
      return 'condition';
  }
}

function collectReferences(node: RuleNode, out: string[]): void {
  switch (node.type) {
    case 'ref':
      if (!out.includes(node.code)) out.push(node.code);
      return;
    case 'negate':
    case 'not':
      collectReferences(node.operand, out);
      return;
    case 'arithmetic':
    case 'compare':
    case 'logical':
      collectReferences(node.left, out);
      collectReferences(node.right, out);
      return;
    default:
      return;
  }
}

/**
 * Parses and type-checks a rule expression such as `HOI_VIEN_MOI <= HOI_VIEN` or
 * `TY_LE_TAP_HOP_HOI_VIEN.numerator <= TY_LE_TAP_HOP_HOI_VIEN.denominator`. Throws a `RuleSyntaxError`
 * with the 0-based `position` of the problem.
 */
export function parseRule(expression: string): ParsedRule {
  if (typeof expression !== 'string') {
    throw new RuleSyntaxError('Expression must be a string', 'Biểu thức phải là chuỗi ký tự', 0, String(expression));
  }
  const ast = new Parser(expression, tokenize(expression)).parse();
  if (typeOf(ast, expression) !== 'condition') {
    throw new RuleSyntaxError(
      'A rule must be a condition (e.g. "A <= B"), not a number',
      'Quy tắc phải là một điều kiện (ví dụ "A <= B"), không phải một số',
      ast.position,
      expression,
    );
  }
  const references: string[] = [];
  collectReferences(ast, references);
  return { expression, ast, references };
}
