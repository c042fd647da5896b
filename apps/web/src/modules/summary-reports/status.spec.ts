import { barPercent, barStatus, fileSizeLabel, isSettled } from './status';
import { formatNumber } from '../../lib/format';

describe('summary report status', () => {
  it('stops polling once done or failed', () => {
    expect(isSettled('queued')).toBe(false);
    expect(isSettled('running')).toBe(false);
    expect(isSettled('done')).toBe(true);
    expect(isSettled('failed')).toBe(true);
  });

  it('draws the bar from the row: done is full, progress is clamped', () => {
    expect(barPercent(undefined)).toBe(0);
    expect(barPercent({ status: 'running', progress: 42.4 })).toBe(42);
    expect(barPercent({ status: 'running', progress: 140 })).toBe(100);
    expect(barPercent({ status: 'done', progress: 90 })).toBe(100);
    expect(barStatus('running')).toBe('active');
    expect(barStatus('failed')).toBe('exception');
  });

  it('writes sizes the Vietnamese way', () => {
    expect(fileSizeLabel(48_213, formatNumber)).toBe('47 KB');
    expect(fileSizeLabel(2_500_000, formatNumber)).toBe('2,4 MB');
    expect(fileSizeLabel(null, formatNumber)).toBe('—');
  });
});
