import ExcelJS from 'exceljs';

/**
 * A cell that starts with = + - @ (or a tab / carriage return) would run as a formula when the file is
 * opened; text from users is written with a leading apostrophe so it stays text (OWASP CSV injection).
 */
export function escapeFormula(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
  /** Excel number format, e.g. '#,##0' or '0.0"%"' (Excel shows separators in the reader's locale). */
  numFmt?: string;
}

/** One sheet of a workbook: a bold title line, a blank line, the headers, the rows. */
export interface Sheet {
  name: string;
  title: string;
  columns: SheetColumn[];
  rows: Record<string, unknown>[];
}

/** One-sheet XLSX with Vietnamese headers, typed number formats and formula-escaped text. */
export async function buildWorkbook(sheetName: string, title: string, columns: SheetColumn[], rows: Record<string, unknown>[]): Promise<Buffer> {
  return buildWorkbookSheets([{ name: sheetName, title, columns, rows }]);
}

/** The same with several sheets (one table each), in the order given. */
export async function buildWorkbookSheets(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sen';
  for (const { name, title, columns, rows } of sheets) {
    const ws = wb.addWorksheet(name.slice(0, 31));
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.addRow([]);
    const header = ws.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    for (const r of rows) ws.addRow(columns.map((c) => escapeFormula(r[c.key] ?? null)));
    columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? 18;
      if (c.numFmt) col.numFmt = c.numFmt;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
