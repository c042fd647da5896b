import { RuleSyntaxError } from '../shared/errors';
import { tokenize } from './rule-lexer';
import { parseRule } from './rule-parser';

function syntaxError(expression: string): RuleSyntaxError {
  try {
    parseRule(expression);
  } catch (e) {
    if (e instanceof RuleSyntaxError) return e;
    throw e;
  }
  throw new Error(`"${expression}" parsed`);
}

describe('tokenize', () => {
  it('splits an expression into tokens with positions', () => {
    expect(tokenize('A.numerator <= 2.5*(B+1)').map((t) => [t.type, t.text, t.position])).toEqual([
      ['identifier', 'A', 0],
      ['dot', '.', 1],
      ['identifier', 'numerator', 2],
      ['operator', '<=', 12],
      ['number', '2.5', 15],
      ['operator', '*', 18],
      ['lparen', '(', 19],
      ['identifier', 'B', 20],
      ['operator', '+', 21],
      ['number', '1', 22],
      ['rparen', ')', 23],
      ['end', '', 24],
    ]);
  });
});

describe('parseRule', () => {
  it('parses a comparison of two indicators', () => {
    const r = parseRule('HOI_VIEN_MOI <= HOI_VIEN');
    expect(r.references).toEqual(['HOI_VIEN_MOI', 'HOI_VIEN']);
    expect(r.ast).toEqual({
      type: 'compare',
      op: '<=',
      position: 0,
      left: { type: 'ref', code: 'HOI_VIEN_MOI', field: 'value', position: 0 },
      right: { type: 'ref', code: 'HOI_VIEN', field: 'value', position: 16 },
    });
  });

  it('gives * and / precedence over + and -, and unary minus over both', () => {
    const r = parseRule('A + B * -C >= 0');
    expect(r.ast).toMatchObject({
      type: 'compare',
      left: { type: 'arithmetic', op: '+', left: { code: 'A' }, right: { type: 'arithmetic', op: '*', right: { type: 'negate' } } },
    });
  });

  it('gives not > and > or, in words or symbols, case-insensitively', () => {
    const words = parseRule('A > 0 or B > 0 and not C > 0');
    const symbols = parseRule('A > 0 || B > 0 && !C > 0');
    const strip = (n: unknown): unknown =>
      n && typeof n === 'object' ? Object.fromEntries(Object.entries(n).filter(([k]) => k !== 'position').map(([k, v]) => [k, strip(v)])) : n;
    expect(strip(symbols.ast)).toEqual(strip(words.ast));
    expect(words.ast).toMatchObject({ type: 'logical', op: 'or', right: { type: 'logical', op: 'and', right: { type: 'not' } } });
    expect(parseRule('A > 0 AND B > 0').ast).toMatchObject({ type: 'logical', op: 'and' });
  });

  it('reads fields, parentheses, booleans and decimals', () => {
    expect(parseRule('R.numerator <= R.denominator').ast).toMatchObject({ left: { field: 'numerator' }, right: { field: 'denominator' } });
    expect(parseRule('(A + B) / 2 <= 100.5').ast).toMatchObject({ left: { op: '/', left: { op: '+' } }, right: { value: 100.5 } });
    expect(parseRule('(A > 1) == true').ast).toMatchObject({ op: '==', right: { type: 'boolean', value: true } });
    expect(parseRule('TRAINED_PCT <= 100').references).toEqual(['TRAINED_PCT']);
  });

  it('lists each reference once, in order of first appearance', () => {
    expect(parseRule('B <= A and A <= C and B >= 0').references).toEqual(['B', 'A', 'C']);
  });

  it.each([
    ['', 0, 'Empty expression'],
    ['A <=', 4, 'Expected a number, an indicator code or "(", found end of expression'],
    ['A <= B)', 6, 'Unexpected ")"'],
    ['(A <= B', 7, 'Expected ")" to close "(" at position 0'],
    ['A = B', 2, 'use "==" to compare'],
    ['A <= B & C', 7, 'use "&&" or "and"'],
    ['A <= 2.500', 5, 'Ambiguous number "2.500"'],
    ['A <= 2,5', 6, 'write decimals with "."'],
    ['A <= 12abc', 7, 'after number 12'],
    ['A # B', 2, 'Unexpected character "#"'],
    ['A.ratio <= 1', 2, 'Unknown field "ratio" of A'],
    ['A. <= 1', 3, 'Unknown field "<=" of A'],
    ['0 <= A <= 100', 7, 'Comparisons cannot be chained'],
    ['A + B', 0, 'A rule must be a condition'],
    ['A and B', 0, '"and" needs a condition, found a number'],
    ['(A < B) + 1 > 0', 0, '"+" needs a number, found a condition'],
    ['not A', 4, '"not" needs a condition'],
    ['-(A > 1) == 0', 1, 'Unary "-" needs a number'],
    ['A == (B > 1)', 5, '"==" needs a number, found a condition'],
    ['A < true', 4, '"<" needs a number'],
    ['and > 1', 0, 'found the keyword "and"'],
  ])('%j fails at position %i', (expression, position, message) => {
    const e = syntaxError(expression);
    expect(e.position).toBe(position);
    expect(e.message).toContain(message);
    expect(e.message).toContain(`at position ${position}`);
    expect(e.messageVi).toContain(`tại vị trí ${position}`);
    expect(e.code).toBe('RULE_SYNTAX_INVALID');
    expect(e.expression).toBe(expression);
  });

  it('accepts 0.125 and 2500 (plain numbers)', () => {
    expect(parseRule('A <= 0.125').ast).toMatchObject({ right: { value: 0.125 } });
    expect(parseRule('A <= 2500').ast).toMatchObject({ right: { value: 2500 } });
  });
});
