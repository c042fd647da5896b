import { activityState, defaultYear, healthyShare, latestPeriod, monthAndQuarter, openingPeriod, statusSlices } from './progress';
import type { StatusSummary } from './api/dashboard.api';

const summary = (s: Partial<StatusSummary>): StatusSummary => ({ achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0, not_allocated: 0, not_measured: 0, ...s });

describe('dashboard progress helpers', () => {
  it('counts achieved and on-track among measured targets only', () => {
    expect(healthyShare(summary({ achieved: 2, on_track: 1, off_track: 1, not_measured: 5, not_allocated: 3 }))).toBe(75);
    expect(healthyShare(summary({ not_measured: 4 }))).toBeNull();
  });

  it('leaves empty statuses out of the chart, in a fixed order', () => {
    expect(statusSlices(summary({ off_track: 1, achieved: 3 }), (s) => s).map((x) => [x.status, x.value])).toEqual([
      ['achieved', 3],
      ['off_track', 1],
    ]);
  });

  it('tells an activity still planned after its end from one to come', () => {
    const a = { status: 'planned', dateFrom: '2024-03-01', dateTo: '2024-03-31' };
    expect(activityState(a, '2024-02-15')).toBe('upcoming');
    expect(activityState(a, '2024-03-31')).toBe('ongoing');
    expect(activityState(a, '2024-04-01')).toBe('overdue');
    expect(activityState({ ...a, status: 'done' }, '2024-04-01')).toBe('done');
  });

  it('gives the month and its quarter, leap February included', () => {
    expect(monthAndQuarter('2024-02')).toEqual({ month: { from: '2024-02-01', to: '2024-02-29' }, quarter: { from: '2024-01-01', to: '2024-03-31', index: 1 } });
    expect(monthAndQuarter('2024-11').quarter).toEqual({ from: '2024-10-01', to: '2024-12-31', index: 4 });
  });

  it('opens on this year when it has plans, else on the latest plan year before it', () => {
    expect(defaultYear([2024, 2023], 2026)).toBe(2024);
    expect(defaultYear([2027, 2026, 2024], 2026)).toBe(2026);
    expect(defaultYear([2028], 2026)).toBe(2028);
    expect(defaultYear([], 2026)).toBe(2026);
    expect(defaultYear(undefined, 2026)).toBe(2026);
  });

  it('picks the newest period of the kinds wanted', () => {
    expect(latestPeriod(['2025S2', '2025', '2025S1'])).toBe('2025S2');
    expect(latestPeriod(['2025S2', '2025', '2025S1'], (p) => /^\d{4}$/.test(p))).toBe('2025');
    expect(latestPeriod([], () => true)).toBeUndefined();
  });

  it('opens on the period asked, else the one last picked if it has data, else the newest with data', () => {
    const data = ['2025S2', '2025', '2025S1', '2024S1'];
    expect(openingPeriod('2023S1', '2024S1', data, '2026S2')).toBe('2023S1');
    expect(openingPeriod(null, '2024S1', data, '2026S2')).toBe('2024S1');
    expect(openingPeriod(null, '2026S2', data, '2026S2')).toBe('2025S2');
    expect(openingPeriod(null, null, data, '2026S2', (p) => /^\d{4}$/.test(p))).toBe('2025');
    expect(openingPeriod(null, null, [], '2026S2')).toBe('2026S2');
    // Before the list has loaded: what was picked, else the fallback.
    expect(openingPeriod(null, '2024S1', undefined, '2026S2')).toBe('2024S1');
  });
});
