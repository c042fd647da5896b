import { putReportValuesSchema, type ReportDetail } from '@sen/contracts';
import {
  fieldErrorsByIndicator,
  groupIndicators,
  indicatorOfField,
  ratioPercent,
  reportPermissions,
  toCategoryEntryValues,
  toCategoryValuesBody,
  toEntryValues,
  toValuesBody,
  unexplainedWarnings,
} from './report-form';

const ind = (code: string, aggregation: string, kind = 'stock', valueType = 'integer') => ({ code, name: code, unit: 'người', valueType, kind, aggregation });
const indicators = [
  ind('HOI_VIEN', 'sum'),
  ind('HOI_VIEN_MOI', 'sum', 'flow'),
  ind('TY_LE_TAP_HOP_HOI_VIEN', 'ratio', 'stock', 'percentage'),
  ind('CO_SO_CO_MO_HINH', 'coverage'),
];

describe('report form values → PUT /reports/:id/values', () => {
  it('sends a value for plain indicators and numerator + denominator for ratios (never a percentage)', () => {
    const body = toValuesBody(indicators, {
      HOI_VIEN: { value: 1200 },
      HOI_VIEN_MOI: { value: 80 },
      TY_LE_TAP_HOP_HOI_VIEN: { numerator: 1200, denominator: 1500 },
      CO_SO_CO_MO_HINH: { value: 2 },
    });
    expect(body.values).toEqual([
      { indicator: 'HOI_VIEN', value: 1200 },
      { indicator: 'HOI_VIEN_MOI', value: 80 },
      { indicator: 'TY_LE_TAP_HOP_HOI_VIEN', numerator: 1200, denominator: 1500 },
      { indicator: 'CO_SO_CO_MO_HINH', value: 2 },
    ]);
    expect(putReportValuesSchema.safeParse(body).success).toBe(true);
  });

  it('sends emptied fields as null (the API clears them) and nothing it would refuse', () => {
    const body = toValuesBody(indicators, { HOI_VIEN: { value: null }, TY_LE_TAP_HOP_HOI_VIEN: { numerator: 5 } }, undefined, 3);
    expect(body.values).toEqual([
      { indicator: 'HOI_VIEN', value: null },
      { indicator: 'HOI_VIEN_MOI', value: null },
      { indicator: 'TY_LE_TAP_HOP_HOI_VIEN', numerator: 5, denominator: null },
      { indicator: 'CO_SO_CO_MO_HINH', value: null },
    ]);
    expect(body.version).toBe(3);
    expect(body.warningComments).toBeUndefined();
    expect(putReportValuesSchema.safeParse(body).success).toBe(true);
  });

  it('sends the explanations of warnings trimmed, and leaves empty ones out', () => {
    const body = toValuesBody(indicators, {}, { HOI_VIEN: '  Đã kiểm tra lại  ', HOI_VIEN_MOI: '   ', X: undefined });
    expect(body.warningComments).toEqual({ HOI_VIEN: 'Đã kiểm tra lại' });
  });

  it('reads the stored totals back into the form (categories left aside)', () => {
    const detail = {
      indicators,
      values: [
        { indicator: 'HOI_VIEN', category: '', value: 1200, numerator: null, denominator: null },
        { indicator: 'HOI_VIEN', category: 'DUOI_35', value: 300, numerator: null, denominator: null },
        { indicator: 'TY_LE_TAP_HOP_HOI_VIEN', category: '', value: null, numerator: 1200, denominator: 1500 },
      ],
    } as unknown as ReportDetail;
    expect(toEntryValues(detail)).toEqual({
      HOI_VIEN: { value: 1200 },
      HOI_VIEN_MOI: { value: null },
      TY_LE_TAP_HOP_HOI_VIEN: { numerator: 1200, denominator: 1500 },
      CO_SO_CO_MO_HINH: { value: null },
    });
  });

  it('reads the stored categories back into the form, per indicator', () => {
    const detail = {
      indicators,
      values: [
        { indicator: 'HOI_VIEN', category: '', value: 1200, numerator: null, denominator: null },
        { indicator: 'HOI_VIEN', category: 'DUOI_35', value: 300, numerator: null, denominator: null },
        { indicator: 'TY_LE_TAP_HOP_HOI_VIEN', category: 'NHOM_A', value: null, numerator: 1, denominator: 2 },
        { indicator: 'KHONG_CON_TREN_BIEU', category: 'X', value: 5, numerator: null, denominator: null },
      ],
    } as unknown as ReportDetail;
    expect(toCategoryEntryValues(detail)).toEqual({ HOI_VIEN: { DUOI_35: { value: 300 } }, TY_LE_TAP_HOP_HOI_VIEN: { NHOM_A: { numerator: 1, denominator: 2 } } });
  });

  it('sends categories that have a value or had one (null clears it), never untouched empty ones', () => {
    const stored = [
      { indicator: 'HOI_VIEN', category: '' },
      { indicator: 'HOI_VIEN', category: 'TREN_60' },
    ];
    const items = toCategoryValuesBody(
      indicators,
      { HOI_VIEN: { DUOI_35: { value: 300 }, TU_35_DEN_60: { value: null }, TREN_60: { value: null } }, TY_LE_TAP_HOP_HOI_VIEN: { NHOM_A: { numerator: 1, denominator: 4 } } },
      stored,
    );
    expect(items).toEqual([
      { indicator: 'HOI_VIEN', category: 'DUOI_35', value: 300 },
      { indicator: 'HOI_VIEN', category: 'TREN_60', value: null },
      { indicator: 'TY_LE_TAP_HOP_HOI_VIEN', category: 'NHOM_A', numerator: 1, denominator: 4 },
    ]);
    expect(putReportValuesSchema.safeParse({ values: items }).success).toBe(true);
  });

  it('computes the rate of a ratio in percent', () => {
    expect(ratioPercent(1200, 1500)).toBeCloseTo(80);
    expect(ratioPercent(1, 0)).toBeNull();
    expect(ratioPercent(null, 10)).toBeNull();
    expect(ratioPercent(0, 10)).toBe(0);
  });
});

describe('report form layout and issues', () => {
  it('groups stocks, flows and rates, keeping the form order', () => {
    expect(groupIndicators(indicators).map((g) => [g.key, g.items.map((i) => i.code)])).toEqual([
      ['stock', ['HOI_VIEN', 'CO_SO_CO_MO_HINH']],
      ['flow', ['HOI_VIEN_MOI']],
      ['ratio', ['TY_LE_TAP_HOP_HOI_VIEN']],
    ]);
  });

  it('lists warnings nobody explained (by the indicator, the rule or any indicator the rule reads)', () => {
    const issues = [
      { indicator: 'HOI_VIEN', rule: 'HOI_VIEN_KHONG_VUOT_PHU_NU', severity: 'warning' as const, message: 'm', messageEn: 'm', indicators: ['HOI_VIEN', 'PHU_NU_TU_18_TUOI'] },
      { indicator: 'HOI_VIEN_MOI', rule: 'R2', severity: 'warning' as const, message: 'm', messageEn: 'm' },
      { indicator: 'CHI_HOI', rule: 'R3', severity: 'error' as const, message: 'm', messageEn: 'm' },
    ];
    expect(unexplainedWarnings(issues, {})).toEqual(['HOI_VIEN', 'HOI_VIEN_MOI']);
    expect(unexplainedWarnings(issues, { PHU_NU_TU_18_TUOI: 'đúng' })).toEqual(['HOI_VIEN_MOI']);
    expect(unexplainedWarnings(issues, { R2: 'đúng', HOI_VIEN: 'ok' })).toEqual([]);
    expect(unexplainedWarnings(issues, { HOI_VIEN_MOI: '   ' })).toEqual(['HOI_VIEN', 'HOI_VIEN_MOI']);
  });

  it('finds the indicator of an API field error', () => {
    const sent = ['HOI_VIEN', 'HOI_VIEN_MOI'];
    expect(indicatorOfField('values.HOI_VIEN_MOI', sent)).toBe('HOI_VIEN_MOI');
    expect(indicatorOfField('values.1.indicator', sent)).toBe('HOI_VIEN_MOI');
    expect(indicatorOfField('warningComments.HOI_VIEN', sent)).toBe('HOI_VIEN');
    expect(indicatorOfField('values', sent)).toBeNull();
    expect(indicatorOfField('version', sent)).toBeNull();
    expect(indicatorOfField('values.9', sent)).toBeNull();
  });

  it('puts refused fields beside their indicator and keeps the rest general', () => {
    const { byIndicator, general } = fieldErrorsByIndicator(
      [
        { field: 'values.HOI_VIEN_MOI', reason: 'lớn hơn số hội viên', reasonEn: 'more than members' },
        { field: 'values', reason: 'báo cáo chưa có số liệu nào', reasonEn: 'no values' },
      ],
      [],
      'vi',
    );
    expect([...byIndicator]).toEqual([['HOI_VIEN_MOI', ['lớn hơn số hội viên']]]);
    expect(general).toEqual(['báo cáo chưa có số liệu nào']);
  });
});

describe('who may do what on a report', () => {
  const report = (status: ReportDetail['status']) => ({ status, unitId: '78' });

  it('lets people who enter values edit drafts and returned reports only', () => {
    expect(reportPermissions(report('draft'), ['reporter'], ['78']).canEdit).toBe(true);
    expect(reportPermissions(report('returned'), ['reporter'], ['78']).canEdit).toBe(true);
    expect(reportPermissions(report('submitted'), ['reporter'], ['78']).canEdit).toBe(false);
    expect(reportPermissions(report('draft'), ['viewer'], ['78']).canEdit).toBe(false);
  });

  it('lets managers above the unit approve or return a submitted report, not the unit itself', () => {
    expect(reportPermissions(report('submitted'), ['tenant_admin'], ['1']).canDecide).toBe(true);
    expect(reportPermissions(report('submitted'), ['unit_manager'], ['78']).canDecide).toBe(false);
    expect(reportPermissions(report('submitted'), ['reporter'], ['1']).canDecide).toBe(false);
    expect(reportPermissions(report('draft'), ['tenant_admin'], ['1']).canDecide).toBe(false);
  });

  it('lets the tenant administrator alone reopen an approved report', () => {
    expect(reportPermissions(report('approved'), ['tenant_admin'], ['1']).canReopen).toBe(true);
    expect(reportPermissions(report('approved'), ['unit_manager'], ['1']).canReopen).toBe(false);
    expect(reportPermissions(report('approved'), ['reporter'], ['78']).canReopen).toBe(false);
    expect(reportPermissions(report('submitted'), ['tenant_admin'], ['1']).canReopen).toBe(false);
  });
});
