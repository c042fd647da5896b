import { allPassed, backoff, diffTotals, formatTable, latencySummary, percentile, shuffle, totalsFingerprint, type FaultResult } from './helpers';

describe('percentile (nearest rank)', () => {
  it('gives the classic answers', () => {
    const v = [15, 20, 35, 40, 50];
    expect(percentile(v, 5)).toBe(15);
    expect(percentile(v, 30)).toBe(20);
    expect(percentile(v, 40)).toBe(20);
    expect(percentile(v, 50)).toBe(35);
    expect(percentile(v, 100)).toBe(50);
    expect(percentile(v, 0)).toBe(15);
  });
  it('ignores order, handles one value and no value', () => {
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
  it('summarises latencies', () => {
    expect(latencySummary([10, 20, 30, 40, 1000])).toBe('p50 30 ms, p95 1000 ms, max 1000 ms');
    expect(latencySummary([])).toBe('no requests');
  });
});

describe('totalsFingerprint', () => {
  const rows = [
    { period: '2025S1', indicator_code: 'HOI_VIEN', tenant_id: '2', sum: '1200.0000', count: 3, min: null, updated_at: new Date('2025-01-01') },
    { period: '2025S1', indicator_code: 'CHI_HOI', tenant_id: '2', sum: '40.0000', count: 3, min: '2.0000', updated_at: new Date('2025-01-02') },
  ];
  it('does not depend on row order, column order, timestamps or the text form of numbers', () => {
    const other = [
      { count: '3', min: '2', sum: 40, tenant_id: '2', indicator_code: 'CHI_HOI', period: '2025S1', updated_at: new Date('2026-06-06') },
      { ...rows[0], sum: 1200, updated_at: null },
    ];
    expect(totalsFingerprint(other)).toBe(totalsFingerprint(rows));
  });
  it('changes with any value, a missing row or an extra row', () => {
    expect(totalsFingerprint([{ ...rows[0], sum: '1200.0001' }, rows[1]!])).not.toBe(totalsFingerprint(rows));
    expect(totalsFingerprint([rows[0]!])).not.toBe(totalsFingerprint(rows));
    expect(totalsFingerprint([...rows, { ...rows[1], indicator_code: 'X' }])).not.toBe(totalsFingerprint(rows));
    expect(totalsFingerprint([{ ...rows[0], min: '0' }, rows[1]!])).not.toBe(totalsFingerprint(rows));
  });
  it('names the rows that differ', () => {
    const changed = [{ ...rows[0], sum: '1' }, rows[1]!, { ...rows[1], tenant_id: '3' }];
    expect(diffTotals(rows, changed, ['tenant_id', 'indicator_code'])).toEqual(['2|HOI_VIEN', '3|CHI_HOI']);
    expect(diffTotals(rows, [...rows].reverse(), ['tenant_id', 'indicator_code'])).toEqual([]);
  });
});

describe('verdict and table', () => {
  const ok: FaultResult = { fault: 'worker SIGKILL x20', approvalsMade: 198, approvalsCounted: 198, totalsEqualFullRecompute: true, notes: '20 kills' };
  it('passes only when every acknowledged approval counted and totals equal a recompute', () => {
    expect(allPassed([ok])).toBe(true);
    expect(allPassed([ok, { ...ok, approvalsCounted: 197 }])).toBe(false);
    expect(allPassed([{ ...ok, totalsEqualFullRecompute: false }])).toBe(false);
    expect(allPassed([{ ...ok, approvalsMade: 0, approvalsCounted: 0 }])).toBe(false);
    expect(allPassed([])).toBe(false);
  });
  it('prints aligned columns', () => {
    const table = formatTable([ok, { ...ok, fault: 'redis restart', totalsEqualFullRecompute: false }]).split('\n');
    expect(table[0]).toBe('| fault              | approvalsMade | approvalsCounted | totalsEqualFullRecompute | notes    |');
    expect(table[2]).toContain('| 198           | 198              | yes ');
    expect(table[3]).toContain('| NO ');
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });
});

describe('backoff and shuffle', () => {
  it('doubles up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoff(a))).toEqual([200, 400, 800, 1600, 3000]);
  });
  it('shuffles deterministically, keeping every item', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(shuffle(items, 7)).toEqual(shuffle(items, 7));
    expect(shuffle(items, 7)).not.toEqual(items);
    expect([...shuffle(items, 7)].sort((a, b) => a - b)).toEqual(items);
  });
});
