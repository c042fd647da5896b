/**
 * Vietnamese text helpers for plans: the number format (2.500 and 1.000,5), tokens, capitalisation; diacritic
 * folding and collation come from @sen/contracts.
 */

// Folding and collation are the contracts' (the same search and order in api, web and plans).
export { compareVietnamese, foldVietnamese } from '@sen/contracts';
import { foldVietnamese } from '@sen/contracts';

/** Upper-cases with Vietnamese rules (used for the issuing body in the document header). */
export function upperVietnamese(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** Upper-cases the first letter only. */
export function capitalizeFirst(s: string): string {
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const ch = String.fromCodePoint(first);
  return ch.toLocaleUpperCase('vi') + s.slice(ch.length);
}

/** Lower-cases the first letter unless the first word is an acronym or a proper noun written in capitals. */
export function lowerFirst(s: string): string {
  const m = /^(\p{Lu})(\p{Ll})/u.exec(s);
  if (!m || m[1] === undefined) return s;
  return m[1].toLocaleLowerCase('vi') + s.slice(m[1].length);
}

/**
 * Parses a number written the Vietnamese way: "." groups thousands, "," is the decimal mark.
 * "2.500" → 2500, "1.000,5" → 1000.5, "90" → 90, "0,5" → 0.5. A lone "." not followed by exactly three
 * digits is read as a decimal point ("1.5" → 1.5). Returns null when the string is not a number.
 */
export function parseVietnameseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, '');
  if (!/^[+-]?\d[\d.,]*$/.test(s)) return null;
  let normalised: string;
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) {
    normalised = s.replace(/\./g, '').replace(',', '.');
  } else if (/^[+-]?\d+(,\d+)?$/.test(s)) {
    normalised = s.replace(',', '.');
  } else if (/^[+-]?\d+\.\d+$/.test(s)) {
    normalised = s;
  } else {
    return null;
  }
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

let numberFormat: Intl.NumberFormat | undefined;

/** Formats a number the Vietnamese way: 2500 → "2.500", 1000.5 → "1.000,5". */
export function formatVietnameseNumber(n: number): string {
  numberFormat ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
  return numberFormat.format(n);
}

/** Splits folded text into word tokens (letters and digits). */
export function tokenize(s: string): string[] {
  return foldVietnamese(s).match(/[\p{L}\p{N}%]+/gu) ?? [];
}

/** Text reduced to folded tokens joined by single spaces, for substring comparisons that ignore punctuation. */
export function tokenString(s: string): string {
  return tokenize(s).join(' ');
}

/** True when every letter of the string is upper case (and it has at least two letters). */
export function isUpperCaseText(s: string): boolean {
  const letters = s.match(/\p{L}/gu);
  if (!letters || letters.length < 2) return false;
  return !/\p{Ll}/u.test(s);
}

/** Shortens a text for a message: cut at a word boundary, with "…". */
export function excerpt(s: string, max = 160): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`;
}
