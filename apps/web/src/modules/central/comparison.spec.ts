import { chartRows, compareNullable, shortTenantName } from './comparison';

const item = (tenant: string, name: string, value: number | null) => ({
  tenant,
  name,
  value,
  numerator: null,
  denominator: null,
  target: null,
  achievement: null,
  unitsReporting: 0,
  unitsExpected: 0,
});

describe('central comparison', () => {
  it('charts the provinces with a value, highest first', () => {
    const rows = chartRows([item('HN', 'Hội LHPN thành phố Hà Nội', 76.7), item('QN', 'Hội LHPN tỉnh Quảng Ninh', null), item('DN', 'Hội LHPN thành phố Đà Nẵng', 77.1)]);
    expect(rows.map((r) => r.tenant)).toEqual(['DN', 'HN']);
  });

  it('sorts provinces without figures last, ascending and descending (antd reverses for descend)', () => {
    expect([3, null, 1].sort((a, b) => compareNullable(a, b, 'ascend'))).toEqual([1, 3, null]);
    expect([3, null, 1].sort((a, b) => -compareNullable(a, b, 'descend'))).toEqual([3, 1, null]);
  });

  it('shortens names for the chart axis', () => {
    expect(shortTenantName('Hội LHPN thành phố Hà Nội')).toBe('Hà Nội');
    expect(shortTenantName('Hội LHPN tỉnh Quảng Ninh')).toBe('Quảng Ninh');
    expect(shortTenantName('Trung ương Hội LHPN Việt Nam')).toBe('Trung ương Hội LHPN Việt Nam');
  });
});
