import type { IndicatorListItem } from '@sen/contracts';
import { filterIndicators } from './search';

const indicator = (code: string, name: string, unit = 'người'): IndicatorListItem => ({
  code,
  name,
  unit,
  valueType: 'integer',
  kind: 'flow',
  aggregation: 'sum',
  national: false,
});

const items = [
  indicator('HOI_VIEN_MOI', 'Số hội viên mới kết nạp'),
  indicator('HO_NGHEO_THOAT_NGHEO', 'Số hộ nghèo được giúp thoát nghèo', 'hộ'),
  indicator('TY_LE_TUYEN_TRUYEN', 'Tỷ lệ cán bộ, hội viên được tuyên truyền', '%'),
  indicator('CLB_DAN_VAN', 'Câu lạc bộ "Dân vận khéo"', 'câu lạc bộ'),
  indicator('DAN_SO', 'Đàn ông tham gia sinh hoạt', 'người'),
];

const names = (list: IndicatorListItem[]) => list.map((i) => i.code);

describe('filterIndicators', () => {
  it('finds names typed without diacritics', () => {
    expect(names(filterIndicators(items, 'hoi vien moi'))).toEqual(['HOI_VIEN_MOI']);
    expect(names(filterIndicators(items, 'thoat ngheo'))).toEqual(['HO_NGHEO_THOAT_NGHEO']);
  });

  it('finds names typed with diacritics and in any case', () => {
    expect(names(filterIndicators(items, 'TUYÊN TRUYỀN'))).toEqual(['TY_LE_TUYEN_TRUYEN']);
    expect(names(filterIndicators(items, 'Câu lạc bộ'))).toEqual(['CLB_DAN_VAN']);
  });

  it('treats đ as d', () => {
    expect(names(filterIndicators(items, 'dan ong'))).toEqual(['DAN_SO']);
  });

  it('matches every word wherever it is, and the code', () => {
    expect(names(filterIndicators(items, 'vien hoi'))).toEqual(['HOI_VIEN_MOI', 'TY_LE_TUYEN_TRUYEN']);
    expect(names(filterIndicators(items, 'clb_dan'))).toEqual(['CLB_DAN_VAN']);
  });

  it('returns everything in Vietnamese order for an empty query', () => {
    // C < Đ (a letter of its own, after D) < S < T; "Số hộ nghèo" < "Số hội viên" (the word ends first).
    expect(names(filterIndicators(items, '  '))).toEqual(['CLB_DAN_VAN', 'DAN_SO', 'HO_NGHEO_THOAT_NGHEO', 'HOI_VIEN_MOI', 'TY_LE_TUYEN_TRUYEN']);
  });

  it('does not change the list it is given', () => {
    const copy = [...items];
    filterIndicators(items, 'hoi');
    expect(items).toEqual(copy);
  });
});
