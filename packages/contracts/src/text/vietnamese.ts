/**
 * Vietnamese text helpers shared by api, worker and web: search that ignores diacritics and case
 * ("cau giay" finds "Cầu Giấy") and a sort key that orders names the Vietnamese way in plain SQL
 * (a ă â b c d đ e ê … with tones as a secondary difference), portable to MySQL, MariaDB and TiDB
 * because it is compared bytewise (ascii_bin) instead of relying on an engine-specific collation.
 */

const TONE_MARKS: Record<string, number> = {
  '\u0300': 1, // huyền
  '\u0309': 2, // hỏi
  '\u0303': 3, // ngã
  '\u0301': 4, // sắc
  '\u0323': 5, // nặng
};
const LETTER_MARKS: Record<string, number> = { '\u0306': 1, '\u0302': 2, '\u031b': 2 };

/** "Cầu Giấy" → "cau giay"; đ → d; collapses white space. */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A byte-comparable key: primary letters (with ă/â, đ, ê, ô/ơ, ư as letters of their own) first,
 * then the tones, so that "Ân" < "Bắc" < "Đà Nẵng" < "Đông Anh" and "Ba" < "Bà" < "Bá".
 */
export function vietnameseSortKey(input: string, maxLength = 500): string {
  const decomposed = input.normalize('NFD').toLowerCase().replace(/\s+/g, ' ').trim();
  let primary = '';
  let tones = '';
  for (let i = 0; i < decomposed.length; i++) {
    const ch = decomposed[i]!;
    if (TONE_MARKS[ch] !== undefined) {
      tones = tones.slice(0, -1) + String(TONE_MARKS[ch]);
      continue;
    }
    if (LETTER_MARKS[ch] !== undefined) {
      // Raise the letter just written: a→ă (1) / â (2), o→ô (1) / ơ (2), e→ê, u→ư.
      const prev = primary.slice(-2);
      const base = prev[0]!;
      let rank = LETTER_MARKS[ch]!;
      if (base === 'o' && ch === '\u0302') rank = 1;
      if ((base === 'e' || base === 'u') && rank > 0) rank = 1;
      primary = primary.slice(0, -2) + base + String(rank);
      continue;
    }
    if (/[\u0300-\u036f]/.test(ch)) continue;
    if (ch === 'đ') {
      primary += 'd1';
    } else if (/[a-z0-9]/.test(ch)) {
      primary += ch + '0';
    } else if (ch === ' ') {
      primary += '!0';
    } else {
      primary += '.0';
    }
    tones += '0';
  }
  // The separator sorts below every primary code, so "Ba" < "Bác" and "Ba" < "Ba Vì".
  return (primary + ' ' + tones).slice(0, maxLength);
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Vietnamese order for in-memory lists. */
export function compareVietnamese(a: string, b: string): number {
  const byKey = vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : vietnameseSortKey(a) > vietnameseSortKey(b) ? 1 : 0;
  return byKey !== 0 ? byKey : collator.compare(a, b);
}
