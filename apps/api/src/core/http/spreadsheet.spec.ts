import ExcelJS from 'exceljs';
import { buildWorkbook, escapeFormula } from './spreadsheet';

describe('spreadsheet exports', () => {
  it('escapes text that would run as a formula, and leaves numbers and plain text alone', () => {
    expect(escapeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(escapeFormula('+cmd')).toBe("'+cmd");
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormula('-1+1')).toBe("'-1+1");
    expect(escapeFormula('Hội LHPN phường Cầu Giấy')).toBe('Hội LHPN phường Cầu Giấy');
    expect(escapeFormula(-12.5)).toBe(-12.5);
  });

  it('writes headers, numbers as numbers and escaped text', async () => {
    const buf = await buildWorkbook('So sánh', 'Tiêu đề', [{ header: 'Tỉnh', key: 'name' }, { header: 'Giá trị', key: 'value', numFmt: '#,##0' }], [
      { name: '=1+1', value: 2500 },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(1).value).toBe('Tỉnh');
    expect(ws.getRow(4).getCell(1).value).toBe("'=1+1");
    expect(ws.getRow(4).getCell(2).value).toBe(2500);
    expect(ws.getColumn(2).numFmt).toBe('#,##0');
  });
});
