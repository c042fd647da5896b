/**
 * Word export with the `docx` library: A4, margins per Nghị định 30/2020/NĐ-CP (top and bottom 20 mm,
 * left 30 mm, right 15 mm), Times New Roman 14 pt, borderless two-column header and footer tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { ExportablePlan } from '../model/types';
import { layoutPlan, layoutToText, type Block } from './layout';

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
} as const;

const FONT = 'Times New Roman';

/** Millimetres to twentieths of a point, rounded (A4 is 11906 × 16838). */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}
const convertMillimetersToTwip = mmToTwip;
const TEXT_WIDTH = convertMillimetersToTwip(PAGE.widthMm - PAGE.marginLeftMm - PAGE.marginRightMm);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

function paragraph(b: Block): Paragraph {
  return new Paragraph({
    alignment: ALIGN[b.align],
    keepNext: b.keepNext,
    indent: b.indent ? { firstLine: convertMillimetersToTwip(10) } : undefined,
    spacing: { before: (b.spaceBefore ?? 0) * 20, after: (b.spaceAfter ?? (b.align === 'justify' ? 6 : 0)) * 20, line: b.align === 'justify' ? 288 : 240 },
    children: b.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics, font: FONT, size: b.size * 2 })),
  });
}

/** A short centred line under a header block, drawn as the bottom border of an indented empty paragraph. */
function rule(kind: 'short' | 'motto', cellWidth: number, after: number): Paragraph {
  const length = kind === 'motto' ? convertMillimetersToTwip(62) : Math.min(convertMillimetersToTwip(30), cellWidth / 3);
  const side = Math.max(0, (cellWidth - length) / 2);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: after * 20, line: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', font: FONT, size: 4 })],
  });
}

function blocks(list: Block[], cellWidth: number): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of list) {
    if (b.ruleAfter) {
      // The space after goes below the rule, so the rule stays with the text it underlines.
      out.push(paragraph({ ...b, spaceAfter: 0 }));
      out.push(rule(b.ruleAfter, cellWidth, b.spaceAfter ?? 0));
    } else out.push(paragraph(b));
  }
  return out.length > 0 ? out : [new Paragraph({ children: [] })];
}

function twoColumns(left: Block[], right: Block[], leftShare: number, verticalTop = true): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  const rightWidth = TEXT_WIDTH - leftWidth;
  const cell = (content: Block[], width: number): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: CELL_NO_BORDERS,
      verticalAlign: verticalTop ? VerticalAlign.TOP : VerticalAlign.BOTTOM,
      margins: { left: 60, right: 60, top: 0, bottom: 0 },
      children: blocks(content, width),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, rightWidth)] })],
  });
}

/**
 * Exports a plan as the official Word document. `issuingBody` and `parentBody` name the header's bodies
 * ("BAN THƯỜNG VỤ HỘI LHPN HÀ NỘI" under "HỘI LHPN VIỆT NAM"); without them the issuer is used.
 */
export async function exportPlanDocx(plan: ExportablePlan): Promise<Buffer> {
  const layout = layoutPlan(plan);
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })],
      }),
    ],
  });
  const doc = new Document({
    creator: 'Sen',
    title: plan.title || 'Kế hoạch',
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(PAGE.widthMm), height: convertMillimetersToTwip(PAGE.heightMm) },
            margin: {
              top: convertMillimetersToTwip(PAGE.marginTopMm),
              bottom: convertMillimetersToTwip(PAGE.marginBottomMm),
              left: convertMillimetersToTwip(PAGE.marginLeftMm),
              right: convertMillimetersToTwip(PAGE.marginRightMm),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [
          twoColumns(layout.headerLeft, layout.headerRight, 0.42),
          ...blocks(layout.title, TEXT_WIDTH),
          ...blocks(layout.body, TEXT_WIDTH),
          new Paragraph({ children: [], spacing: { before: 120 } }),
          twoColumns(layout.recipients, layout.signature, 0.45),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The same document as plain text (one paragraph per line, blank lines between): readable and re-importable. */
export function exportPlanText(plan: ExportablePlan): string {
  return layoutToText(layoutPlan(plan));
}
