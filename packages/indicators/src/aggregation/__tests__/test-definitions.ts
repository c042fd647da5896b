import type { IndicatorDefinition } from '../../indicators/indicator-definition';

/** Small definitions for the aggregation tests, one per built-in method. */
export const TEST_DEFS: Record<'sum' | 'ratio' | 'average' | 'min' | 'max' | 'coverage' | 'latest', IndicatorDefinition> = {
  sum: { code: 'T_SUM', name: 'Tổng', nameEn: 'Sum', unit: 'người', valueType: 'integer', kind: 'flow', aggregation: 'sum', national: false },
  ratio: { code: 'T_RATIO', name: 'Tỷ lệ', nameEn: 'Ratio', unit: '%', valueType: 'percentage', kind: 'stock', aggregation: 'ratio', national: false },
  average: {
    code: 'T_AVG',
    name: 'Bình quân',
    nameEn: 'Average',
    unit: 'buổi',
    valueType: 'decimal',
    kind: 'flow',
    aggregation: 'average',
    weightIndicator: 'T_WEIGHT',
    national: false,
  },
  min: { code: 'T_MIN', name: 'Nhỏ nhất', nameEn: 'Min', unit: '%', valueType: 'percentage', kind: 'stock', aggregation: 'min', national: false },
  max: { code: 'T_MAX', name: 'Lớn nhất', nameEn: 'Max', unit: '%', valueType: 'percentage', kind: 'stock', aggregation: 'max', national: false },
  coverage: {
    code: 'T_COV',
    name: 'Tỷ lệ cơ sở đạt',
    nameEn: 'Coverage',
    unit: 'mô hình',
    valueType: 'integer',
    kind: 'stock',
    aggregation: 'coverage',
    coverage: { level: 'grassroots', minimum: 2 },
    national: false,
  },
  latest: { code: 'T_LATEST', name: 'Mới nhất', nameEn: 'Latest', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'latest', national: false },
};
