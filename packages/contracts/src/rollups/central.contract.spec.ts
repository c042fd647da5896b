import { centralSeriesQuerySchema, comparisonQuerySchema, isBeforeReorganisation } from './rollup.contract';

describe('central comparison contract', () => {
  it('knows which periods end before the 2025 reorganisation (1 July 2025)', () => {
    expect(['2024', '2024S2', '2025S1', '2025Q2', '202506'].map(isBeforeReorganisation)).toEqual([true, true, true, true, true]);
    expect(['2025', '2025S2', '2025Q3', '202507', '2026S1'].map(isBeforeReorganisation)).toEqual([false, false, false, false, false]);
  });

  it('accepts the optional view and nothing else', () => {
    expect(comparisonQuerySchema.parse({ indicator: 'HOI_VIEN', period: '2024S1' })).toEqual({ indicator: 'HOI_VIEN', period: '2024S1' });
    expect(comparisonQuerySchema.parse({ indicator: 'HOI_VIEN', period: '2024S1', view: 'former' }).view).toBe('former');
    expect(comparisonQuerySchema.safeParse({ indicator: 'HOI_VIEN', period: '2024S1', view: 'old' }).success).toBe(false);
    expect(comparisonQuerySchema.safeParse({ indicator: 'HOI_VIEN', period: '2024S1', extra: '1' }).success).toBe(false);
  });

  it('reads the series lists, upper-casing tenant codes', () => {
    expect(centralSeriesQuerySchema.parse({ indicator: 'HOI_VIEN', periods: '2023S2, 2024S1', tenants: 'hn,DN,' })).toEqual({
      indicator: 'HOI_VIEN',
      periods: ['2023S2', '2024S1'],
      tenants: ['HN', 'DN'],
    });
    expect(centralSeriesQuerySchema.safeParse({ indicator: 'HOI_VIEN', periods: '2024H1' }).success).toBe(false);
  });
});
