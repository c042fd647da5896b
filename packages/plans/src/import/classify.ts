/**
 * Line classification: numbered headings (I., 1., 1.1., a), (1)) and bullets (-, +, •/.) with a rank
 * (lower rank = higher in the outline), or plain text.
 *
 * To support another numbering style, add a rule to `classifyLine` with a rank between its neighbours.
 */

export type LineClass =
  | { type: 'heading'; rank: number; label: string; text: string }
  | { type: 'bullet'; rank: number; marker: '-' | '+' | '•'; text: string }
  | { type: 'text'; text: string };

/** Ranks: roman 1, "1." 2, "1.1." 3, "1.1.1." 4, "1.1.1.1." 5, "a)" 6, "(1)" 7, bullets 11–13. */
export const RANK = { roman: 1, letter: 6, paren: 7, bullet: 11 } as const;

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** Value of an upper-case roman numeral up to 89, or null. */
export function romanValue(s: string): number | null {
  if (!/^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || s.length === 0) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

export function toRoman(n: number): string {
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = Math.max(1, Math.min(89, Math.floor(n)));
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

export function classifyLine(line: string): LineClass {
  let m = /^(?:(?:Phần|PHẦN)\s+)?([IVXL]{1,7})\s*[.):]\s*(.*)$/u.exec(line);
  if (m && m[1] !== undefined && romanValue(m[1]) !== null && !/^\d/.test(m[2] ?? '')) {
    return { type: 'heading', rank: RANK.roman, label: m[1], text: m[2] ?? '' };
  }
  m = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:(\.|\))(\s*)|\s+)(?=\S)(.*)$/u.exec(line);
  if (m && m[1] !== undefined) {
    const label = m[1];
    const levels = label.split('.').length;
    const hasSeparator = m[2] !== undefined;
    const rest = m[4] ?? '';
    // "1.000 người" is a number, not item 1; "2. 100% hội viên …" (a space after the number) is item 2.
    const numberFollows = /^[\d/%,.]/.test(rest) && !(hasSeparator && (m[3] ?? '').length > 0 && /^\d/.test(rest));
    if ((hasSeparator || levels > 1) && !numberFollows) {
      return { type: 'heading', rank: 1 + levels, label, text: rest };
    }
  }
  m = /^\((\d{1,2})\)\s*[.:]?\s*(\S.*)$/u.exec(line);
  if (m && m[1] !== undefined) return { type: 'heading', rank: RANK.paren, label: `(${m[1]})`, text: m[2] ?? '' };
  m = /^([a-zđ])\)\s*(\S.*)$/u.exec(line) ?? /^([a-zđ])\.\s+(\p{Lu}.*)$/u.exec(line);
  if (m && m[1] !== undefined) return { type: 'heading', rank: RANK.letter, label: `${m[1]})`, text: m[2] ?? '' };

  m = /^[-–—](?![\d.,])\s*(\S.*)$/u.exec(line);
  if (m) return { type: 'bullet', rank: RANK.bullet, marker: '-', text: m[1] ?? '' };
  m = /^\+\/?\s*(\S.*)$/u.exec(line);
  if (m) return { type: 'bullet', rank: RANK.bullet + 1, marker: '+', text: m[1] ?? '' };
  m = /^(?:[•◦▪○●·]\s*|\.\s+(?=[\p{Lu}“"]))(\S.*)$/u.exec(line);
  if (m) return { type: 'bullet', rank: RANK.bullet + 2, marker: '•', text: m[1] ?? '' };
  return { type: 'text', text: line };
}
