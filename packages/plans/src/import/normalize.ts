/**
 * Normalisation of text converted from Word: NFC, noise removal (markdown marks, replacement characters,
 * footnote markers, tabs, odd spacing) and re-joining of lines that Word or the converter broke.
 * The output is a list of paragraphs, each remembering whether a blank line preceded it.
 */

export interface Paragraph {
  text: string;
  /** A blank line preceded it in the source. */
  blankBefore: boolean;
}

export interface NormalizedText {
  paragraphs: Paragraph[];
  footnotes: string[];
  warnings: string[];
}

const REPLACEMENT = '\uFFFD';

/** Signature-block noise that carries no information. */
const NOISE_LINE = /^\(?\s*(?:đã\s+ký|ký\s+tên(?:[^)]{0,40})|ký,?\s+ghi\s+rõ\s+họ\s+tên|ký\s+và\s+đóng\s+dấu|đã\s+ký\s+và\s+đóng\s+dấu)\s*\)?$/iu;
const RULE_LINE = /^(?:[-_=*~]\s*){3,}$/;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

function splitTableRow(line: string): string[] {
  if (!/^\s*\|.*\|\s*$/.test(line)) return [line];
  if (TABLE_SEPARATOR.test(line.trim())) return [];
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Removes markdown marks and inline noise from one line. */
export function cleanLine(raw: string): string {
  let s = raw.replace(/[\t\v\f]/g, ' ');
  s = s.replace(/^\s{0,3}#{1,6}(?=\s|$)\s*/, '');
  s = s.replace(/^\s{0,3}>\s?/, '');
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  if (/^\s*\*\s+\S/.test(s)) s = s.replace(/^\s*\*\s+/, '- ');
  s = s.replace(/\*+/g, '');
  s = s.replace(/__(.+?)__/g, '$1');
  s = s.replace(/\[\^?\d{1,3}\]/g, '');
  s = s.replace(/[\u00B9\u00B2\u00B3\u2070-\u2079]/g, '');
  s = s.replace(/ {2,}/g, ' ').trim();
  s = s.replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').replace(/\(\)/g, '');
  s = s.replace(/(\S) +([;,:)])/g, '$1$2');
  s = s.replace(/\s*\.\/\.\s*$/u, '.');
  return s.replace(/ {2,}/g, ' ').trim();
}

const LOWER_START = /^\p{Ll}/u;
const ENDS_SENTENCE = /[.:;!?]$/;
/** A paragraph does not end on a preposition or conjunction: the line was broken. */
const DANGLING_WORD = /(?<![\p{L}])(?:tại|của|và|với|cho|về|trên|các|những|được|để|theo|từ|đến|trong|là|có|như|hoặc|bằng|do|vào|nhằm|gồm|đối\s+với)$/u;

/** How a line continues the previous one, or null when it starts a new paragraph. */
function continuation(prev: string, next: string): 'space' | 'none' | null {
  if (/^[);,]/.test(next)) return 'none';
  // "a) Hình thức thi" opens a lettered item, even after a heading without a full stop.
  if (/^[a-zđ]\)\s+\p{Lu}/u.test(next)) return null;
  if (LOWER_START.test(next) && !ENDS_SENTENCE.test(prev)) return prev.endsWith('(') ? 'none' : 'space';
  if (/^\((?!\d{1,2}\)|\p{L}\))/u.test(next) && /[\p{Ll}\d]$/u.test(prev)) return 'space';
  if (DANGLING_WORD.test(prev) && /^\p{Lu}\p{Ll}/u.test(next) && !/^(?:Nơi\s+nhận|Trên\s+đây)/u.test(next)) return 'space';
  return null;
}

/** Splits "- Nội dung: + Giải đi bộ …" into the bullet and its first sub-bullet; "- + X" is a sub-bullet. */
function splitInlineBullets(line: string): string[] {
  if (/^[-–—]\s*\+\s*\S/.test(line)) return [line.replace(/^[-–—]\s*\+\s*/, '+ ')];
  const m = /^([-–—•]\s*[^+]{1,150}?:)\s*\+\s*(\S.*)$/u.exec(line);
  if (m && m[1] !== undefined && m[2] !== undefined) return [m[1], `+ ${m[2]}`];
  return [line];
}

/** Normalises raw text into paragraphs. Never throws. */
export function normalizeText(raw: string): NormalizedText {
  const warnings: string[] = [];
  const footnotes: string[] = [];
  let text = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  text = text.replace(/[\uFEFF\u200B-\u200D\u2060\u00AD]/g, '');
  text = text.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  text = text.replace(/[\u2028\u2029\v\f]/g, '\n');
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '');

  const replacementCount = (text.match(/\uFFFD/g) ?? []).length;
  let removedReplacement = 0;

  const lines: { text: string; blankBefore: boolean }[] = [];
  let blank = false;
  for (const rawLine of text.split('\n')) {
    const trimmed = rawLine.trim();
    const footnote = /^(?:\(\s*\uFFFD\s*\)|\uFFFD|\[\^\d{1,3}\]:)\s*(\S.*)$/u.exec(trimmed);
    if (footnote && footnote[1] !== undefined) {
      const note = cleanLine(footnote[1].replaceAll(REPLACEMENT, ''));
      if (note) footnotes.push(note);
      removedReplacement += (trimmed.match(/\uFFFD/g) ?? []).length;
      blank = true;
      continue;
    }
    for (const cell of splitTableRow(rawLine)) {
      const cleaned = cleanLine(cell.replaceAll(REPLACEMENT, ''));
      if (cleaned.length === 0 || RULE_LINE.test(cleaned) || NOISE_LINE.test(cleaned)) {
        blank = true;
        continue;
      }
      for (const part of splitInlineBullets(cleaned)) {
        lines.push({ text: part, blankBefore: blank });
        blank = false;
      }
    }
  }

  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const prev = paragraphs[paragraphs.length - 1];
    const how = prev ? continuation(prev.text, line.text) : null;
    if (prev && how) {
      prev.text = cleanLine(how === 'space' ? `${prev.text} ${line.text}` : `${prev.text}${line.text}`);
      if (prev.text.length === 0) paragraphs.pop();
      continue;
    }
    paragraphs.push({ text: line.text, blankBefore: line.blankBefore });
  }

  const inline = replacementCount - removedReplacement;
  if (inline > 0) warnings.push(`Đã bỏ ${inline} ký tự lỗi (U+FFFD) trong văn bản.`);
  return { paragraphs, footnotes, warnings };
}
