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
import { layoutPlan, layoutToText } from './layout';
import type { Block, DocumentLayout } from './official';

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

/** A bordered table in the body of an official document (an indicator table, a count per level). */
export interface OfficialTable {
  /** Header cells; `share` is the column's part of the text width (shares are normalised). */
  columns: { header: string; share: number; align?: 'left' | 'center' | 'right' }[];
  rows: string[][];
  /** Rows drawn bold (totals). */
  boldRows?: number[];
  /** Font size in points (official tables: 12–13). */
  size?: number;
}

/** An official document: the layout of `layout.ts`, whose body may also hold tables. */
export interface OfficialDocument extends Omit<DocumentLayout, 'body'> {
  /** The Word file's title property. */
  docTitle: string;
  body: (Block | OfficialTable)[];
}

const isTable = (b: Block | OfficialTable): b is OfficialTable => 'columns' in b;

const CELL_ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function dataTable(t: OfficialTable): Table {
  const total = t.columns.reduce((a, c) => a + c.share, 0) || 1;
  const widths = t.columns.map((c) => Math.round((TEXT_WIDTH * c.share) / total));
  const size = (t.size ?? 13) * 2;
  const cell = (text: string, i: number, bold: boolean, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : CELL_ALIGN[t.columns[i]?.align ?? 'left'],
          spacing: { before: 0, after: 0, line: 240 },
          children: [new TextRun({ text, bold, font: FONT, size })],
        }),
      ],
    });
  const bold = new Set(t.boldRows ?? []);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.header, i, true, true)) }),
      ...t.rows.map((r, ri) => new TableRow({ cantSplit: true, children: t.columns.map((_, i) => cell(r[i] ?? '', i, bold.has(ri), false)) })),
    ],
  });
}

function body(list: (Block | OfficialTable)[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let run: Block[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(...blocks(run, TEXT_WIDTH));
    run = [];
  };
  for (const b of list) {
    if (isTable(b)) {
      flush();
      out.push(dataTable(b), new Paragraph({ children: [], spacing: { before: 0, after: 120 } }));
    } else run.push(b);
  }
  flush();
  return out;
}

/**
 * Renders an official document: A4 with the decree's margins, the page number on every page but the first,
 * the two-column header, the title, the body, then "Nơi nhận" and the signature side by side.
 */
export async function renderOfficialDocx(document: OfficialDocument): Promise<Buffer> {
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
    title: document.docTitle,
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
          twoColumns(document.headerLeft, document.headerRight, 0.42),
          ...blocks(document.title, TEXT_WIDTH),
          ...body(document.body),
          new Paragraph({ children: [], spacing: { before: 120 } }),
          twoColumns(document.recipients, document.signature, 0.45),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * Exports a plan as the official Word document. `issuingBody` and `parentBody` name the header's bodies
 * ("BAN THƯỜNG VỤ HỘI LHPN HÀ NỘI" under "HỘI LHPN VIỆT NAM"); without them the issuer is used.
 */
export async function exportPlanDocx(plan: ExportablePlan): Promise<Buffer> {
  return renderOfficialDocx({ docTitle: plan.title || 'Kế hoạch', ...layoutPlan(plan) });
}

/** The same document as plain text (one paragraph per line, blank lines between): readable and re-importable. */
export function exportPlanText(plan: ExportablePlan): string {
  return layoutToText(layoutPlan(plan));
}
