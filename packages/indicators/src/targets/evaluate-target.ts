import { getAggregationMethod } from '../aggregation/registry';
import type { IndicatorDefinition } from '../indicators/indicator-definition';
import type { DateInput } from '../periods/dates';
import { ReportingCalendar, elapsedShare } from '../periods/reporting-calendar';
import { TargetError } from '../shared/errors';
import {
  AT_RISK_MIN_PROGRESS,
  DEFAULT_APPROX_TOLERANCE_PCT,
  ON_TRACK_MIN_PROGRESS,
  Target,
  TargetComparator,
  TargetStatus,
} from './target';

export interface EvaluateTargetOptions {
  asOf: DateInput;
  calendar?: ReportingCalendar;
}

export interface TargetEvaluation {
  actual: number | null;
  /**
   * How much of the target is reached, in %: actual / target for gte, gt, eq, approx (above 100 when
   * exceeded). For 'lte' (a ceiling) it is 100 while the ceiling holds and target / actual beyond it
   * (a ceiling of 10 with 20 cases → 50%). Null without data.
   */
  achievementPct: number | null;
  status: TargetStatus;
  /** What should have been reached by `asOf`: the prorated target for additive flows, else the target. */
  expected: number;
  /** Share of the period's reporting window elapsed at `asOf` (0..1). */
  elapsedShare: number;
}

/** Relative tolerance for 'eq', so that 0.1 + 0.2 equals 0.3. */
const EQ_EPSILON = 1e-9;

function satisfies(comparator: TargetComparator, actual: number, target: number, tolerancePct: number): boolean {
  switch (comparator) {
    case 'gte':
      return actual >= target;
    case 'gt':
      return actual > target;
    case 'lte':
      return actual <= target;
    case 'eq':
      return Math.abs(actual - target) <= EQ_EPSILON * Math.max(1, Math.abs(target));
    case 'approx':
      return Math.abs(actual - target) <= (Math.abs(target) * tolerancePct) / 100 + EQ_EPSILON;
  }
}

function statusOf(progress: number): TargetStatus {
  if (progress >= ON_TRACK_MIN_PROGRESS) return 'on_track';
  if (progress >= AT_RISK_MIN_PROGRESS) return 'at_risk';
  return 'off_track';
}

function check(target: Target, def: IndicatorDefinition): number {
  if (target.indicatorCode !== def.code) {
    throw new TargetError(
      `Target is on indicator ${target.indicatorCode} but was evaluated with the definition of ${def.code}`,
      `Chỉ tiêu thuộc chỉ số ${target.indicatorCode} nhưng được đánh giá theo định nghĩa của ${def.code}`,
      'indicatorCode',
    );
  }
  if (!Number.isFinite(target.value)) {
    throw new TargetError(`Target value must be a finite number, got ${target.value}`, `Giá trị chỉ tiêu phải là một số, nhận ${target.value}`, 'value');
  }
  const tolerance = target.tolerancePct ?? DEFAULT_APPROX_TOLERANCE_PCT;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new TargetError(`tolerancePct must be a non-negative number, got ${tolerance}`, `tolerancePct phải là số không âm, nhận ${tolerance}`, 'tolerancePct');
  }
  return tolerance;
}

/**
 * Compares an actual value with a target as of a date.
 *
 * Additive flows (new members, households helped) accumulate over the period, so mid-period they are
 * compared with the target prorated by the elapsed share of the reporting window: 1.200 new members
 * by the end of June against "2.500 a year" is on track. Stocks, ratios and coverage are compared with
 * the target itself: a membership rate does not grow with the calendar.
 *
 * Status: 'achieved' once the comparator holds (for a ceiling on a flow, only when the period is over:
 * it can still be broken); otherwise by progress towards what was expected by now (see
 * ON_TRACK_MIN_PROGRESS, AT_RISK_MIN_PROGRESS). Once the period is over, not achieved is 'off_track'.
 * A flow above its ceiling is 'off_track' at once: flows do not go down.
 */
export function evaluateTarget(
  target: Target,
  def: IndicatorDefinition,
  actual: number | null,
  options: EvaluateTargetOptions,
): TargetEvaluation {
  const tolerance = check(target, def);
  const share = elapsedShare(target.period, options.asOf, options.calendar);
  const prorated = def.kind === 'flow' && getAggregationMethod(def.aggregation).additive;
  const expected = prorated ? target.value * share : target.value;
  const base = { expected, elapsedShare: share };
  if (actual === null || !Number.isFinite(actual)) {
    return { ...base, actual: null, achievementPct: null, status: 'no_data' };
  }

  const met = satisfies(target.comparator, actual, target.value, tolerance);
  const ended = share >= 1;
  let achievementPct: number;
  let status: TargetStatus;

  if (target.comparator === 'lte') {
    achievementPct = met ? 100 : target.value > 0 ? (100 * target.value) / actual : 0;
    if (met && (!prorated || ended)) status = 'achieved';
    else if (!met && (prorated || ended)) status = 'off_track';
    else status = statusOf(actual <= 0 ? Infinity : expected / actual);
  } else {
    achievementPct = target.value === 0 ? (met ? 100 : 0) : (100 * actual) / target.value;
    if (met) status = 'achieved';
    else if (ended) status = 'off_track';
    else if ((target.comparator === 'eq' || target.comparator === 'approx') && actual > target.value) {
      // Overshooting an exact or approximate target: progress is how close it still is.
      status = statusOf(target.value / actual);
    } else status = statusOf(expected <= 0 ? 1 : actual / expected);
  }
  return { ...base, actual, achievementPct, status };
}
