/**
 * The document header: issuing bodies, "Số: 31/KH-BTV", the national motto, "Hà Nội, ngày 07 tháng 2 năm 2024",
 * the kind ("KẾ HOẠCH") and the title lines under it.
 */
import type { DocumentKindCode } from '../model/types';
import { normalizeDocumentSymbol, parseDocumentSymbol } from '../numbering/symbol';
import { isoDate } from '../time/dates';
import { isUpperCaseText } from '../text/vietnamese';
import { classifyLine } from './classify';
import type { Paragraph } from './normalize';

export interface HeaderInfo {
  kind: DocumentKindCode;
  /** Index of the "KẾ HOẠCH" paragraph, -1 when absent. */
  kindIndex: number;
  number: string | null;
  numberLineFound: boolean;
  issuedOn: string | null;
  place: string | null;
  dateFound: boolean;
  parentBody: string | null;
  issuingBody: string | null;
  title: string;
  /** First paragraph after the title. */
  bodyStart: number;
  warnings: string[];
}

/** Document kind headings. To add a kind, add its upper-case heading and code. */
export const KIND_HEADINGS: readonly [RegExp, DocumentKindCode][] = [
  [/^KẾ\s*HOẠCH(?![\p{L}])/u, 'KH'],
  [/^CHƯƠNG\s*TRÌNH(?![\p{L}])/u, 'CTr'],
  [/^ĐỀ\s*ÁN(?![\p{L}])/u, 'ĐA'],
  [/^HƯỚNG\s*DẪN(?![\p{L}])/u, 'HD'],
  [/^PHƯƠNG\s*ÁN(?![\p{L}])/u, 'PA'],
];

const MOTTO = /CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]\s*Tự\s+do/iu;
const NUMBER_LINE = /^Số\s*[:.]?\s*(.*)$/u;
const DATE_LINE = /(?:^|[\s,])(?:([\p{L}][\p{L}\s.-]{0,40}?)\s*,\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

/** What a header line is wherever it stands (for telling a plan with misplaced parts from a non-plan). */
export function headerLineKind(text: string): 'kind' | 'number' | 'date' | null {
  if (KIND_HEADINGS.some(([re]) => re.test(text))) return 'kind';
  const n = NUMBER_LINE.exec(text);
  if (n && parseNumber(n[1] ?? '')) return 'number';
  if (DATE_LINE.test(text) && text.length <= 120) return 'date';
  return null;
}

/** A preamble sentence rather than a title line. */
function looksLikePreamble(text: string): boolean {
  return /^(?:Thực\s+hiện|Căn\s+cứ)\s/u.test(text) && (/ngày\s+\d/u.test(text) || text.length > 250 || /:\s*$/.test(text));
}

/**
 * A body paragraph rather than a title line: a sentence that introduces what follows (ends with ":"), a long
 * sentence ending with a full stop, or a paragraph too long for a title line. Title lines are short phrases.
 */
function looksLikeBodyText(text: string): boolean {
  return /:\s*$/u.test(text) || text.length > 400 || (/[.!?]["”)]*$/u.test(text) && text.length > 160);
}

function parseNumber(rest: string): string | null {
  const symbol = normalizeDocumentSymbol(rest);
  return parseDocumentSymbol(symbol) ? symbol : null;
}

export function parseHeader(paragraphs: Paragraph[]): HeaderInfo {
  const warnings: string[] = [];
  const limit = Math.min(paragraphs.length, 40);
  let kindIndex = -1;
  let kind: DocumentKindCode = 'KH';
  let kindRest = '';
  for (const [re, code] of KIND_HEADINGS) {
    for (let i = 0; i < limit; i++) {
      const text = paragraphs[i]?.text ?? '';
      const c = classifyLine(text);
      if (c.type === 'heading') break; // the body has started
      const m = re.exec(text);
      if (m) {
        kindIndex = i;
        kind = code;
        kindRest = text.slice(m[0].length).replace(/^[\s:.-]+/, '');
        break;
      }
    }
    if (kindIndex >= 0) break;
  }

  const headerEnd = kindIndex >= 0 ? kindIndex : Math.min(paragraphs.length, 12);
  let number: string | null = null;
  let numberLineFound = false;
  let issuedOn: string | null = null;
  let place: string | null = null;
  let dateFound = false;
  const bodies: string[] = [];
  for (let i = 0; i < headerEnd; i++) {
    const text = paragraphs[i]?.text ?? '';
    const n = NUMBER_LINE.exec(text);
    if (n && !numberLineFound) {
      numberLineFound = true;
      number = parseNumber(n[1] ?? '');
      continue;
    }
    const d = DATE_LINE.exec(text);
    if (d && !dateFound) {
      dateFound = true;
      const placeText = d[1]?.trim();
      place = placeText && placeText.length > 0 ? placeText : null;
      issuedOn = isoDate(Number(d[4]), Number(d[3]), Number(d[2]));
      if (!issuedOn) warnings.push(`Ngày ban hành không hợp lệ: "${d[0].trim()}".`);
      continue;
    }
    if (MOTTO.test(text)) continue;
    if (kindIndex >= 0 && isUpperCaseText(text) && text.length <= 150) bodies.push(text);
  }

  if (!numberLineFound) warnings.push('Không tìm thấy số, ký hiệu văn bản (dòng "Số: …/KH-…").');
  else if (!number) warnings.push('Văn bản chưa có số hoặc số, ký hiệu không đúng dạng "31/KH-BTV".');
  if (!dateFound) warnings.push('Không tìm thấy địa danh và ngày tháng ban hành ("Hà Nội, ngày … tháng … năm …").');

  const titleLines: string[] = kindRest ? [kindRest] : [];
  let i = kindIndex >= 0 ? kindIndex + 1 : 0;
  if (kindIndex >= 0) {
    // The title is the run of paragraphs under the kind up to the preamble or the first section, however
    // Word split it (a .docx puts each title line in its own paragraph, with no blank line to tell them apart).
    while (i < paragraphs.length) {
      const p = paragraphs[i];
      if (!p) break;
      if (looksLikePreamble(p.text) || classifyLine(p.text).type !== 'text' || /^Nơi\s+nhận/iu.test(p.text)) break;
      if (titleLines.length > 0 && looksLikeBodyText(p.text)) break;
      titleLines.push(p.text);
      i++;
      if (titleLines.length >= 8) break;
    }
  } else {
    warnings.push('Không tìm thấy tên loại văn bản "KẾ HOẠCH".');
    i = headerEnd;
    while (i < paragraphs.length) {
      const text = paragraphs[i]?.text ?? '';
      if (NUMBER_LINE.test(text) || DATE_LINE.test(text) || MOTTO.test(text) || isUpperCaseText(text)) i++;
      else break;
    }
  }
  const title = titleLines.join(' ').replace(/\s+/g, ' ').trim();
  if (kindIndex >= 0 && !title) warnings.push('Không tìm thấy tiêu đề kế hoạch dưới dòng "KẾ HOẠCH".');

  return {
    kind,
    kindIndex,
    number,
    numberLineFound,
    issuedOn,
    place,
    dateFound,
    parentBody: bodies.length >= 2 ? (bodies[0] ?? null) : null,
    issuingBody: bodies.length >= 1 ? (bodies[bodies.length - 1] ?? null) : null,
    title,
    bodyStart: i,
    warnings,
  };
}
