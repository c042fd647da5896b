/**
 * Import of a plan from text, Markdown or a Word .docx file.
 *
 * Pipeline: normalise (noise, broken lines) → header (number, date, kind, title) → preamble (legal bases,
 * issuer) → sections (nested outline) → derived structure (purposes, targets, activities, funding,
 * assignments, reporting) → tail (closing, recipients, signatory). Anything found but not placed becomes a
 * warning. Only a bad or empty input throws, and only a PlanImportError.
 */
import mammoth from 'mammoth';
import removeMarkdown from 'remove-markdown';
import type { ImportedPlan, ImportResult } from '../model/types';
import { classifyLine, RANK } from './classify';
import { deriveFromSections } from './derive';
import { docxHtmlToText } from './docx-html';
import { PlanImportError } from './errors';
import { headerLineKind, parseHeader } from './header';
import { findReferences, parsePreamble } from './legal';
import { normalizeText } from './normalize';
import { sectionRole } from './roles';
import { buildSections } from './sections';
import { ON_BEHALF_LINE, parseTail, RECIPIENTS_LINE, startsTail } from './tail';

/** About 400 pages of text; a plan is 5–20. */
export const MAX_IMPORT_CHARS = 2_000_000;

function planYear(issuedOn: string | null, title: string): number | null {
  if (issuedOn) return Number(issuedOn.slice(0, 4));
  const years = [...title.matchAll(/năm\s+(\d{4})/giu)].map((m) => Number(m[1]));
  return years[years.length - 1] ?? null;
}

function programmeOf(title: string, bases: { title: string | null }[]): string | null {
  const re = /(?:Đề\s+án|Chương\s+trình|Dự\s+án)(?:\s+số\s+\S+)?\s*[“"]([^”"]{3,300})[”"]/u;
  for (const t of [title, ...bases.map((b) => b.title ?? '')]) {
    const m = re.exec(t);
    if (m && m[1]) return m[1].trim();
  }
  return null;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** The signs that a text is a plan. */
interface Evidence {
  kind: boolean;
  number: boolean;
  date: boolean;
  legal: boolean;
  roman: boolean;
  sections: boolean;
  tail: boolean;
}

const EVIDENCE_NAMES: readonly [keyof Evidence, string][] = [
  ['kind', 'tên loại "KẾ HOẠCH"'],
  ['number', 'số, ký hiệu ("Số: …/KH-…")'],
  ['date', 'địa danh và ngày tháng'],
  ['legal', 'căn cứ ("Thực hiện/Căn cứ … số …")'],
  ['roman', 'các mục I., II.'],
  ['sections', 'mục Mục đích, Chỉ tiêu hay Tổ chức thực hiện'],
  ['tail', 'Nơi nhận hay chữ ký'],
];

/** The "not found" warnings of the parts that are there, only out of place. */
const MISSING_WARNING: Partial<Record<keyof Evidence, RegExp>> = {
  kind: /^Không tìm thấy tên loại văn bản/u,
  number: /^Không tìm thấy số, ký hiệu/u,
  date: /^Không tìm thấy địa danh và ngày tháng/u,
  legal: /^Không tìm thấy căn cứ/u,
};

function evidenceScore(e: Evidence): number {
  return (e.kind ? 2 : 0) + [e.number, e.date, e.legal, e.roman, e.sections, e.tail].filter(Boolean).length;
}

/** The signs of a plan anywhere in the text, whatever their order. */
function evidenceAnywhere(paragraphs: { text: string }[]): Evidence {
  const e: Evidence = { kind: false, number: false, date: false, legal: false, roman: false, sections: false, tail: false };
  for (const { text } of paragraphs) {
    const header = headerLineKind(text);
    if (header) e[header] = true;
    const c = classifyLine(text);
    if (c.type === 'heading') {
      if (c.rank === RANK.roman) e.roman = true;
      if (sectionRole(c.text) !== 'content') e.sections = true;
    }
    if (/^(?:Thực\s+hiện|Căn\s+cứ)\s/u.test(c.type === 'text' ? text : c.text) && findReferences(text).length > 0) e.legal = true;
    if (RECIPIENTS_LINE.test(text) || ON_BEHALF_LINE.test(text)) e.tail = true;
  }
  return e;
}

/** "thấy các mục I., II.; không thấy tên loại "KẾ HOẠCH", …": what was and was not seen. */
function notAPlanReason(e: Evidence): string {
  const seen = EVIDENCE_NAMES.filter(([k]) => e[k]).map(([, name]) => name);
  const missing = EVIDENCE_NAMES.filter(([k]) => !e[k]).map(([, name]) => name);
  const lack = `không thấy ${missing.join(', ')}`;
  return seen.length > 0 ? `chỉ thấy ${seen.join(', ')}; ${lack}` : lack;
}

/** Imports a plan from text converted from Word (markdown marks, broken lines and other noise allowed). */
export function importPlanText(text: string): ImportResult {
  if (typeof text !== 'string' || text.trim().length === 0) throw new PlanImportError('EMPTY');
  if (text.length > MAX_IMPORT_CHARS) throw new PlanImportError('TOO_LARGE', `${text.length} ký tự, tối đa ${MAX_IMPORT_CHARS}`);

  const norm = normalizeText(text);
  const paragraphs = norm.paragraphs;
  if (paragraphs.length === 0) throw new PlanImportError('EMPTY');

  const header = parseHeader(paragraphs);
  let tailStart = paragraphs.length;
  for (let i = header.bodyStart; i < paragraphs.length; i++) {
    if (startsTail(paragraphs[i]?.text ?? '')) {
      tailStart = i;
      break;
    }
  }

  // Preamble: plain paragraphs before the first heading (at most a few).
  let bodyStart = header.bodyStart;
  const preambleParts: string[] = [];
  while (bodyStart < tailStart && preambleParts.length < 6) {
    const t = paragraphs[bodyStart]?.text ?? '';
    const c = classifyLine(t);
    if (c.type === 'text' || (c.type === 'bullet' && /^(?:Căn\s+cứ|Thực\s+hiện)\s/iu.test(c.text))) {
      preambleParts.push(c.text);
      bodyStart++;
    } else break;
  }
  const preamble = parsePreamble(preambleParts.join(' '), [header.title, ...preambleParts]);

  const built = buildSections(paragraphs.slice(bodyStart, tailStart).map((p) => p.text));
  const tail = parseTail(paragraphs, tailStart);

  const hasRoman = paragraphs.slice(bodyStart, tailStart).some((p) => {
    const c = classifyLine(p.text);
    return c.type === 'heading' && c.rank === RANK.roman;
  });
  const knownSections = built.sections.some((s) => sectionRole(s.heading) !== 'content');
  const found: Evidence = {
    kind: header.kindIndex >= 0,
    number: header.number !== null,
    date: header.dateFound,
    legal: preamble.legalBases.length > 0,
    roman: hasRoman,
    sections: knownSections,
    tail: tail.recipients.length > 0 || tail.signatory.onBehalfOf !== null,
  };
  // The signs of a plan wherever they stand: a plan whose parts are out of order is imported with a warning
  // naming the misplaced parts (not "not found": they are there); anything else is refused, saying what was
  // and was not seen.
  const anywhere = evidenceAnywhere(paragraphs);
  if (evidenceScore(found) < 3 && evidenceScore(anywhere) < 3) throw new PlanImportError('NOT_A_PLAN', notAPlanReason(anywhere));
  const misplaced = EVIDENCE_NAMES.filter(([k]) => anywhere[k] && !found[k]);
  const orderWarnings =
    misplaced.length > 0
      ? [
          `Các phần của văn bản không theo thứ tự thường gặp (đầu văn bản, căn cứ, các mục, Nơi nhận, chữ ký): ${misplaced.map(([, name]) => name).join(', ')} nằm sai chỗ nên chưa được đọc. Hãy kiểm tra lại kết quả hoặc sắp xếp lại văn bản.`,
        ]
      : [];
  const notMissing = (w: string): boolean => !misplaced.some(([k]) => MISSING_WARNING[k]?.test(w));

  const year = planYear(header.issuedOn, header.title);
  const derived = deriveFromSections(built.sections, {
    title: header.title,
    issuer: preamble.issuer ?? header.issuingBody,
    year,
    legalNumbers: preamble.legalBases.map((b) => b.number).filter((n): n is string => n !== null),
  });

  const plan: ImportedPlan = {
    number: header.number,
    issuedOn: header.issuedOn,
    place: header.place,
    title: header.title,
    legalBases: preamble.legalBases,
    purposes: derived.purposes,
    targets: derived.targets,
    sections: built.sections,
    activities: derived.activities,
    fundingSources: derived.fundingSources,
    assignments: derived.assignments,
    reportingObligations: derived.reportingObligations,
    recipients: tail.recipients,
    signatory: tail.signatory,
    requirements: derived.requirements,
    issuer: preamble.issuer ?? header.issuingBody,
    kind: header.kind,
    programme: programmeOf(header.title, preamble.legalBases),
    parentBody: header.parentBody,
    issuingBody: header.issuingBody,
    references: derived.references,
    fundingDetails: derived.fundingDetails,
    footnotes: norm.footnotes,
    closing: tail.closing,
  };
  const warnings = unique([
    ...orderWarnings,
    ...norm.warnings,
    ...header.warnings.filter(notMissing),
    ...preamble.warnings.filter(notMissing),
    ...built.warnings,
    ...derived.warnings,
    ...tail.warnings,
  ]);
  return { plan, warnings };
}

/** Imports a plan written in Markdown: marks are stripped, then the text importer runs. */
export function importPlanMarkdown(markdown: string): ImportResult {
  if (typeof markdown !== 'string' || markdown.trim().length === 0) throw new PlanImportError('EMPTY');
  if (markdown.length > MAX_IMPORT_CHARS) throw new PlanImportError('TOO_LARGE');
  const bullets = markdown.replace(/^(\s*)[*](\s+)/gmu, '$1-$2');
  const plain = removeMarkdown(bullets, { stripListLeaders: false, gfm: true, useImgAltText: true });
  return importPlanText(plain);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buffer: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buffer[i] === b);
}

/** Imports a plan from a Word .docx file: mammoth's HTML (which keeps Word's list numbering) is rendered to text, then the text importer runs. */
export async function importPlanDocx(buffer: Buffer | Uint8Array): Promise<ImportResult> {
  if (!buffer || !(buffer instanceof Uint8Array) || buffer.length === 0) throw new PlanImportError('EMPTY');
  if (startsWith(buffer, OLE_MAGIC)) throw new PlanImportError('UNSUPPORTED_DOC');
  if (!startsWith(buffer, ZIP_MAGIC)) throw new PlanImportError('NOT_DOCX');
  let text: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer) });
    text = docxHtmlToText(result.value);
  } catch (e) {
    throw new PlanImportError('UNREADABLE', e instanceof Error ? e.message.slice(0, 200) : undefined);
  }
  return importPlanText(text);
}
