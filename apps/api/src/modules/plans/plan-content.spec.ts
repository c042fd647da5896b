import { fitsPlaces, obligatedUnitsOf, placeKindOf, planFormSpecs } from './plan-content';

describe('who an obligation binds (obligatedUnitsOf)', () => {
  it('reads the levels and narrows by the kinds of place named when only some are', () => {
    expect(obligatedUnitsOf('Hội LHPN các huyện, thị xã')).toEqual({ levels: ['district'], places: { district: ['huyện', 'thị xã'] }, affiliates: false, childUnions: false });
    expect(obligatedUnitsOf('Hội LHPN các quận, huyện, thị xã, đơn vị trực thuộc và tổ chức thành viên')).toEqual({ levels: ['district'], places: {}, affiliates: true, childUnions: false });
    expect(obligatedUnitsOf('Hội LHPN quận, huyện, phường, xã')).toEqual({ levels: ['district', 'grassroots'], places: {}, affiliates: false, childUnions: false });
    expect(obligatedUnitsOf('Hội LHPN các phường')).toEqual({ levels: ['grassroots'], places: { grassroots: ['phường'] }, affiliates: false, childUnions: false });
    expect(obligatedUnitsOf('Hội LHPN các xã')!.places).toEqual({ grassroots: ['xã', 'thị trấn'] });
    expect(obligatedUnitsOf('các cơ sở Hội')).toEqual({ levels: ['grassroots'], places: {}, affiliates: false, childUnions: false });
    expect(obligatedUnitsOf('Hội LHPN cấp huyện')).toEqual({ levels: ['district'], places: {}, affiliates: false, childUnions: false });
    expect(obligatedUnitsOf('Hội LHPN các cấp')!.childUnions).toBe(true);
  });

  it('binds nobody below for a department or the issuing unit, and is not fooled by look-alike words', () => {
    expect(obligatedUnitsOf('Ban Tuyên giáo')).toBeNull();
    expect(obligatedUnitsOf(null)).toBeNull();
    expect(obligatedUnitsOf('Hội LHPN thành phố Hà Nội')).toBeNull();
    expect(obligatedUnitsOf('các cơ quan quản lý, an sinh xã hội tại địa phương')).toBeNull(); // quan ≠ quận, xã hội, phương ≠ phường
  });

  it('tells a unit’s kind of place from its name', () => {
    expect(placeKindOf('Hội LHPN thị xã Sơn Tây')).toBe('thị xã');
    expect(placeKindOf('Hội LHPN huyện Đông Anh')).toBe('huyện');
    expect(placeKindOf('Hội LHPN quận Ba Đình')).toBe('quận');
    expect(placeKindOf('Hội LHPN xã Hồng Vân')).toBe('xã');
    expect(placeKindOf('Câu lạc bộ Doanh nhân nữ')).toBeNull();
    const spec = obligatedUnitsOf('Hội LHPN các huyện, thị xã')!;
    expect(fitsPlaces(spec, { name: 'Hội LHPN quận Ba Đình', level: 'district', kind: 'union' })).toBe(false);
    expect(fitsPlaces(spec, { name: 'Hội LHPN thị xã Sơn Tây', level: 'district', kind: 'union' })).toBe(true);
  });
});

describe('the report forms of a plan (planFormSpecs)', () => {
  const plan = { symbol: '13/KH-BTV', kind: 'KH', number: 13, issuingBody: 'BTV', year: 2024, title: 'Triển khai thực hiện Đề án' };
  const defaults = { half: { day: 13, month: 6 }, year: { day: 30, month: 10 } };

  it('names each form after the plan, with the plan’s deadline and the periods of its year', () => {
    const specs = planFormSpecs(plan, [{ periodKind: 'half', deadline: '13/06' }, { periodKind: 'year', deadline: '30/10' }], defaults);
    expect(specs).toEqual([
      { idx: 0, code: 'KH13-BTV-2024-6T', name: 'Báo cáo 6 tháng kết quả thực hiện Kế hoạch 13/KH-BTV: Triển khai thực hiện Đề án', periodKind: 'half', deadlineRule: { day: 13, month: 6 }, periods: ['2024S1'] },
      { idx: 1, code: 'KH13-BTV-2024-NAM', name: 'Báo cáo năm kết quả thực hiện Kế hoạch 13/KH-BTV: Triển khai thực hiện Đề án', periodKind: 'year', deadlineRule: { day: 30, month: 10 }, periods: ['2024'] },
    ]);
  });

  it('asks both halves without a yearly report, every month of a monthly one, and the usual deadlines when none is set', () => {
    const [half] = planFormSpecs(plan, [{ periodKind: 'half', deadline: null }], defaults);
    expect(half).toMatchObject({ periods: ['2024S1', '2024S2'], deadlineRule: { day: 13, month: 6 } });
    const [month, again] = planFormSpecs(plan, [{ periodKind: 'month', deadline: null }, { periodKind: 'month', deadline: null }], defaults);
    expect(month!.periods).toHaveLength(12);
    expect(month!.deadlineRule).toEqual({ daysAfterEnd: 0 });
    expect(again!.code).toBe('KH13-BTV-2024-T-2');
  });
});
