import { chartRows, compareNullable, defaultSeriesTenants, formatChange, periodsUpTo, seriesRows, shortTenantName } from './comparison';

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

  it('lists the periods of the same kind ending with the chosen one, across years', () => {
    expect(periodsUpTo('2024S1', 4)).toEqual(['2022S2', '2023S1', '2023S2', '2024S1']);
    expect(periodsUpTo('2025Q1', 3)).toEqual(['2024Q3', '2024Q4', '2025Q1']);
    expect(periodsUpTo('202502', 3)).toEqual(['202412', '202501', '202502']);
    expect(periodsUpTo('2024', 2)).toEqual(['2023', '2024']);
    expect(periodsUpTo('2024H1', 2)).toEqual([]);
  });

  it('lays the series out one row per period, a gap where a line has no value', () => {
    const rows = seriesRows(['2023S2', '2024S1'], [
      { tenant: 'HN', name: 'Hà Nội', points: [{ period: '2024S1', value: 76.7 }] },
      { tenant: 'DN', key: 'DN:49', name: 'Quảng Nam', points: [{ period: '2023S2', value: 70 }, { period: '2024S1', value: 71 }] },
    ]);
    expect(rows).toEqual([
      { period: '2023S2', HN: null, 'DN:49': 70 },
      { period: '2024S1', HN: 76.7, 'DN:49': 71 },
    ]);
  });

  it('writes a change with its sign, and picks the highest provinces for the series', () => {
    const f = (v: number) => v.toFixed(1).replace('.', ',');
    expect(formatChange(2.5, f)).toBe('+2,5');
    expect(formatChange(-1.25, f)).toBe('−1,3');
    expect(formatChange(null, f)).toBe('—');
    expect(defaultSeriesTenants([item('HN', 'Hà Nội', 76.7), item('QN', 'Quảng Ninh', null), item('DN', 'Đà Nẵng', 77.1)], 5)).toEqual(['DN', 'HN']);
  });
});
