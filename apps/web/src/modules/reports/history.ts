import { formatNumber, formatPercent } from '../../lib/format';
import { ratioPercent, type ReportIndicator } from './report-form';

/** A value as the history stores it: `{value}`, `{numerator, denominator}`, or null (no value). */
type Snapshot = { value?: number | null; numerator?: number | null; denominator?: number | null } | null | undefined;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * One side of a change, written the Vietnamese way: "1.200", "90,5%", "1.200 / 1.500 (80%)", yes/no for a
 * yes/no indicator, "—" when there was (or is) no value.
 */
export function formatSnapshot(snapshot: unknown, indicator: Pick<ReportIndicator, 'valueType'> | undefined, yesNo: { yes: string; no: string }): string {
  const s = (snapshot && typeof snapshot === 'object' ? snapshot : null) as Snapshot;
  if (!s) return '—';
  if ('numerator' in s || 'denominator' in s) {
    const n = num(s.numerator);
    const d = num(s.denominator);
    return `${formatNumber(n)} / ${formatNumber(d)} (${formatPercent(ratioPercent(n, d), 1)})`;
  }
  const v = num(s.value);
  if (v === null) return '—';
  if (indicator?.valueType === 'boolean') return v ? yesNo.yes : yesNo.no;
  if (indicator?.valueType === 'percentage') return formatPercent(v, 2);
  return formatNumber(v);
}
