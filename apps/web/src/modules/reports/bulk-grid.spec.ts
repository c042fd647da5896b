import type { BulkGrid } from '@sen/contracts';
import { applyEdit, bulkBody, cellValue, editCount, gridColumns, issueMessages, placeErrors } from './bulk-grid';

const grid: BulkGrid = {
  period: '2024S1',
  periodLabel: '6 tháng đầu năm 2024',
  formCode: 'QG-6T',
  formName: 'Báo cáo 6 tháng',
  indicators: [
    { code: 'HOI_VIEN', name: 'Số hội viên', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'sum' },
    { code: 'TY_LE', name: 'Tỷ lệ tập hợp', unit: '%', valueType: 'percentage', kind: 'ratio', aggregation: 'ratio' },
  ],
  rows: [
    {
      unitId: '10',
      unitCode: 'X1',
      unitName: 'Hội LHPN xã A',
      parentName: 'Hội LHPN thành phố',
      reportId: '100',
      status: 'draft',
      version: 0,
      values: [{ indicator: 'TY_LE', category: '', value: null, numerator: 90, denominator: 100 }],
      issues: [],
    },
    { unitId: '11', unitCode: 'X2', unitName: 'Hội LHPN xã B', parentName: null, reportId: '101', status: 'draft', version: 0, values: [], issues: [] },
  ],
};
const columns = gridColumns(grid);
const col = (key: string) => columns.find((c) => c.key === key)!;
const [a, b] = grid.rows as [BulkGrid['rows'][number], BulkGrid['rows'][number]];

describe('bulk entry grid', () => {
  it('has one column per indicator and two for a ratio', () => {
    expect(columns.map((c) => c.key)).toEqual(['HOI_VIEN', 'TY_LE.numerator', 'TY_LE.denominator']);
  });

  it('keeps only the cells that differ from what is stored', () => {
    let edits = applyEdit({}, a, col('HOI_VIEN'), 1200);
    edits = applyEdit(edits, a, col('TY_LE.numerator'), 95);
    expect(editCount(edits)).toBe(2);
    expect(cellValue(a, col('TY_LE.numerator'), edits)).toBe(95);
    expect(cellValue(a, col('TY_LE.denominator'), edits)).toBe(100);
    // Typing the stored value back is no change.
    edits = applyEdit(edits, a, col('TY_LE.numerator'), 90);
    expect(edits).toEqual({ '10': { HOI_VIEN: 1200 } });
  });

  it('sends the edited units only, a ratio whole, and maps rows.i.values.j back to the cell', () => {
    let edits = applyEdit({}, a, col('TY_LE.denominator'), 120);
    edits = applyEdit(edits, b, col('HOI_VIEN'), 800);
    edits = applyEdit(edits, b, col('TY_LE.numerator'), 700);
    const { body, sent } = bulkBody(grid, columns, edits);
    expect(body).toEqual({
      period: '2024S1',
      formCode: 'QG-6T',
      rows: [
        { unitId: '10', values: [{ indicator: 'TY_LE', numerator: 90, denominator: 120 }] },
        {
          unitId: '11',
          values: [
            { indicator: 'HOI_VIEN', value: 800 },
            { indicator: 'TY_LE', numerator: 700, denominator: null },
          ],
        },
      ],
    });
    const placed = placeErrors(
      [
        { field: 'body.rows.1.values.1.denominator', reason: 'cần mẫu số', reasonEn: 'denominator needed' },
        { field: 'rows.0.unitId', reason: 'báo cáo đã gửi', reasonEn: 'submitted' },
        { field: 'period', reason: 'kỳ sai', reasonEn: 'wrong period' },
      ],
      sent,
      (e) => e.reason,
    );
    expect(placed.cells).toEqual({ '11': { 'TY_LE.denominator': [{ severity: 'error', text: 'cần mẫu số' }] } });
    expect(placed.rows).toEqual({ '10': ['báo cáo đã gửi'] });
    expect(placed.general).toEqual(['kỳ sai']);
  });

  it('puts a national check at the first cell of its indicator', () => {
    const issues = [{ indicator: 'TY_LE', rule: 'R', severity: 'error' as const, message: 'Tử số không được lớn hơn mẫu số', messageEn: 'Numerator above denominator' }];
    expect(issueMessages(issues, columns, 'vi')).toEqual({ 'TY_LE.numerator': [{ severity: 'error', text: 'Tử số không được lớn hơn mẫu số' }] });
  });
});
