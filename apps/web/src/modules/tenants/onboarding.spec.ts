import { createTenantSchema } from '@sen/contracts';
import { csvHeaderOk, csvRowCount, levelChain, levelProblems, onboardingField, presetLevels, splitCsvErrors, toCreateTenant } from './onboarding';

describe('level presets of the onboarding wizard', () => {
  it('has the hierarchy after the 2025 reform: province / commune / branch', () => {
    expect(presetLevels('after2025')).toEqual([
      { code: 'province', name: 'Tỉnh' },
      { code: 'grassroots', name: 'Xã, phường' },
      { code: 'branch', name: 'Chi hội' },
    ]);
    expect(levelChain(presetLevels('after2025'))).toBe('Tỉnh / Xã, phường / Chi hội');
  });

  it('has the hierarchy before 2025 with districts and groups', () => {
    expect(levelChain(presetLevels('before2025'))).toBe('Tỉnh / Huyện / Xã / Chi hội / Tổ');
    expect(presetLevels('before2025').map((l) => l.code)).toEqual(['province', 'district', 'grassroots', 'branch', 'group']);
  });

  it('hands out copies (editing the wizard does not change the preset)', () => {
    const levels = presetLevels('after2025');
    levels[0]!.name = 'Thành phố';
    expect(presetLevels('after2025')[0]!.name).toBe('Tỉnh');
  });

  it('finds what the API would refuse in a level list', () => {
    expect(levelProblems(presetLevels('before2025'))).toEqual([]);
    expect(
      levelProblems([
        { code: 'province', name: 'Tỉnh' },
        { code: 'province', name: 'Tỉnh 2' },
        { code: 'Xa', name: '' },
        { code: '', name: 'Chi hội' },
      ]),
    ).toEqual([
      { index: 1, field: 'code', problem: 'duplicate' },
      { index: 2, field: 'code', problem: 'invalid' },
      { index: 2, field: 'name', problem: 'required' },
      { index: 3, field: 'code', problem: 'required' },
    ]);
  });
});

describe('errors of the onboarding answer', () => {
  it('turns unitsCsv.line N.field errors into rows of a table, sorted by line', () => {
    const { rows, other } = splitCsvErrors([
      { field: 'unitsCsv.line 12.parent code', reason: 'không tìm thấy đơn vị cấp trên "X9"', reasonEn: 'unknown parent "X9"' },
      { field: 'unitsCsv.line 3.level', reason: 'cấp "ward" không có trong cấu hình', reasonEn: 'unknown level' },
      { field: 'code', reason: 'mã đã được dùng', reasonEn: 'already used' },
      { field: 'unitsCsv.line 7', reason: 'dòng trống', reasonEn: 'empty row' },
    ]);
    expect(rows).toEqual([
      { line: 3, field: 'level', reason: 'cấp "ward" không có trong cấu hình' },
      { line: 7, field: '', reason: 'dòng trống' },
      { line: 12, field: 'parent code', reason: 'không tìm thấy đơn vị cấp trên "X9"' },
    ]);
    expect(other.map((e) => e.field)).toEqual(['code']);
    expect(splitCsvErrors([{ field: 'unitsCsv.line 3.level', reason: 'vi', reasonEn: 'en' }], 'en').rows[0]!.reason).toBe('en');
  });

  it('sends every other field back to its step', () => {
    expect(onboardingField('code')).toEqual({ step: 'identity', name: ['code'] });
    expect(onboardingField('levels.1.code')).toEqual({ step: 'levels', name: ['levels', 1, 'code'] });
    expect(onboardingField('levels')).toEqual({ step: 'levels', name: ['levels'] });
    expect(onboardingField('admin.password')).toEqual({ step: 'admin', name: ['admin', 'password'] });
    expect(onboardingField('rootUnit.name')).toEqual({ step: 'admin', name: ['rootUnit', 'name'] });
    expect(onboardingField('unitsCsv')).toEqual({ step: 'units', name: ['unitsCsv'] });
    expect(onboardingField('something')).toBeNull();
  });
});

describe('the body of POST /api/v1/tenants', () => {
  const values = {
    code: ' qn ',
    name: ' Hội LHPN tỉnh Quảng Ninh ',
    levels: presetLevels('after2025'),
    rootUnit: { name: 'Hội LHPN tỉnh Quảng Ninh', code: ' ' },
    admin: { username: 'Admin', displayName: 'Quản trị', password: 'mot-mat-khau-dai' },
  };

  it('is accepted by the contract, with the file text as unitsCsv', () => {
    const body = toCreateTenant(values, 'code,name,level,kind,parent code\nX1,Xã 1,grassroots,union,\n');
    expect(body).toMatchObject({ code: 'QN', name: 'Hội LHPN tỉnh Quảng Ninh', rootUnit: { name: 'Hội LHPN tỉnh Quảng Ninh' }, admin: { username: 'admin' } });
    expect(body.rootUnit.code).toBeUndefined();
    expect(body.unitsCsv).toContain('X1,Xã 1');
    expect(createTenantSchema.safeParse(body).success).toBe(true);
  });

  it('leaves unitsCsv out when there is no file', () => {
    expect('unitsCsv' in toCreateTenant(values, null)).toBe(false);
  });

  it('counts the rows of a units file and checks its header', () => {
    const text = '\uFEFFcode,name,level,kind,parent code\r\nA,Xã A,grassroots,union,\r\n\r\nB,Xã B,grassroots,union,\r\n';
    expect(csvRowCount(text)).toBe(2);
    expect(csvHeaderOk(text)).toBe(true);
    expect(csvHeaderOk('ma,ten,cap\n')).toBe(false);
    expect(csvRowCount('')).toBe(0);
  });
});
