import { RuleSyntaxError } from '../shared/errors';

/**
 * Tokenizer of rule expressions. Hand-written: the expressions come from admins, and nothing in this
 * package may evaluate code (no eval, no Function).
 */
export type TokenType = 'number' | 'identifier' | 'operator' | 'lparen' | 'rparen' | 'dot' | 'end';

export interface Token {
  type: TokenType;
  text: string;
  /** 0-based column of the first character. */
  position: number;
}

const TWO_CHAR_OPERATORS = ['<=', '>=', '==', '!=', '&&', '||'];
const ONE_CHAR_OPERATORS = ['<', '>', '!', '+', '-', '*', '/'];

export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string, messageVi: string, position: number): never => {
    throw new RuleSyntaxError(message, messageVi, position, expression);
  };
  while (i < expression.length) {
    const ch = expression.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch)) {
      while (/[0-9]/.test(expression.charAt(i))) i += 1;
      if (expression.charAt(i) === '.' && /[0-9]/.test(expression.charAt(i + 1))) {
        i += 1;
        while (/[0-9]/.test(expression.charAt(i))) i += 1;
      }
      const text = expression.slice(start, i);
      // "2.500" is 2500 in Vietnamese writing and 2.5 in code: refuse the ambiguity instead of guessing.
      if (/^[1-9][0-9]{0,2}\.[0-9]{3}$/.test(text)) {
        fail(
          `Ambiguous number "${text}": write ${text.replace('.', '')} for thousands (no grouping dots) or drop trailing zeros for a decimal`,
          `Số "${text}" không rõ nghĩa: viết ${text.replace('.', '')} nếu là hàng nghìn (không dùng dấu chấm phân cách)`,
          start,
        );
      }
      if (/[A-Za-z_]/.test(expression.charAt(i))) {
        fail(`Unexpected "${expression.charAt(i)}" after number ${text}`, `Ký tự "${expression.charAt(i)}" không hợp lệ sau số ${text}`, i);
      }
      if (expression.charAt(i) === ',') {
        fail('Unexpected ","; write decimals with "." (1.5) and no thousands separator', 'Dấu "," không hợp lệ; viết số thập phân bằng dấu "." (1.5), không dùng dấu phân cách hàng nghìn', i);
      }
      tokens.push({ type: 'number', text, position: start });
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      while (/[A-Za-z0-9_]/.test(expression.charAt(i))) i += 1;
      tokens.push({ type: 'identifier', text: expression.slice(start, i), position: start });
      continue;
    }
    const two = expression.slice(i, i + 2);
    if (TWO_CHAR_OPERATORS.includes(two)) {
      tokens.push({ type: 'operator', text: two, position: start });
      i += 2;
      continue;
    }
    if (ch === '=') fail('Unexpected "=": use "==" to compare', 'Dấu "=" không hợp lệ: dùng "==" để so sánh', start);
    if (ch === '&' || ch === '|') fail(`Unexpected "${ch}": use "${ch}${ch}" or "${ch === '&' ? 'and' : 'or'}"`, `Ký tự "${ch}" không hợp lệ: dùng "${ch}${ch}" hoặc "${ch === '&' ? 'and' : 'or'}"`, start);
    if (ONE_CHAR_OPERATORS.includes(ch)) {
      tokens.push({ type: 'operator', text: ch, position: start });
      i += 1;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'lparen' : 'rparen', text: ch, position: start });
      i += 1;
      continue;
    }
    if (ch === '.') {
      tokens.push({ type: 'dot', text: ch, position: start });
      i += 1;
      continue;
    }
    fail(`Unexpected character "${ch}"`, `Ký tự không hợp lệ "${ch}"`, start);
  }
  tokens.push({ type: 'end', text: '', position: expression.length });
  return tokens;
}
