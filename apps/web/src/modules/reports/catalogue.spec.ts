import { categoriesTotal, categoryName, disaggregationsOf, reportIndicatorName } from './catalogue';

describe('what the catalogue adds to a report indicator', () => {
  it('knows the breakdowns of the national disaggregated indicators, and none of the others', () => {
    expect(disaggregationsOf('HOI_VIEN').map((d) => [d.code, d.categories.map((c) => c.code)])).toEqual([['NHOM_TUOI', ['DUOI_35', 'TU_35_DEN_60', 'TREN_60']]]);
    expect(disaggregationsOf('HOI_VIEN_MOI')).toEqual([]);
    expect(disaggregationsOf('CHI_TIEU_RIENG_CUA_TINH')).toEqual([]);
    expect(categoryName('HOI_VIEN', 'TREN_60')).toBe('Trên 60 tuổi');
    expect(categoryName('HOI_VIEN', 'KHONG_CO')).toBe('KHONG_CO');
  });

  it('adds up the categories with the indicator’s method, ignoring empty ones', () => {
    const [ageGroups] = disaggregationsOf('HOI_VIEN');
    expect(categoriesTotal('HOI_VIEN', ageGroups!, { DUOI_35: { value: 300 }, TU_35_DEN_60: { value: 500 }, TREN_60: { value: null } })).toBe(800);
    expect(categoriesTotal('HOI_VIEN', ageGroups!, { DUOI_35: { value: null } })).toBeNull();
    expect(categoriesTotal('HOI_VIEN', ageGroups!, undefined)).toBeNull();
  });

  it('names an indicator in English from the catalogue, and keeps the Vietnamese name of one it does not know', () => {
    expect(reportIndicatorName({ code: 'HOI_VIEN', name: 'Số hội viên' }, 'en')).toBe('Members');
    expect(reportIndicatorName({ code: 'HOI_VIEN', name: 'Số hội viên' }, 'vi')).toBe('Số hội viên');
    expect(reportIndicatorName({ code: 'RIENG', name: 'Chỉ tiêu riêng' }, 'en')).toBe('Chỉ tiêu riêng');
  });
});
