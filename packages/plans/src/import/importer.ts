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
import { parseHeader } from './header';
import { parsePreamble } from './legal';
import { normalizeText } from './normalize';
import { sectionRole } from './roles';
import { buildSections } from './sections';
import { parseTail, startsTail } from './tail';

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
  const score =
    (header.kindIndex >= 0 ? 2 : 0) +
    (header.number ? 1 : 0) +
    (header.dateFound ? 1 : 0) +
    (preamble.legalBases.length > 0 ? 1 : 0) +
    (hasRoman ? 1 : 0) +
    (knownSections ? 1 : 0) +
    (tail.recipients.length > 0 || tail.signatory.onBehalfOf !== null ? 1 : 0);
  if (score < 3) {
    throw new PlanImportError('NOT_A_PLAN', 'không thấy tên loại "KẾ HOẠCH", số ký hiệu, ngày tháng, căn cứ hay các mục I., II.');
  }

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
    ...norm.warnings,
    ...header.warnings,
    ...preamble.warnings,
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
