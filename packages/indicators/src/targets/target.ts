/**
 * A measurable goal of a plan (chỉ tiêu), linked to an indicator:
 * "phát triển khoảng 2.500 hội viên" → { indicatorCode: 'HOI_VIEN_MOI', comparator: 'approx', value: 2500 }.
 */
export type TargetComparator = 'gte' | 'gt' | 'lte' | 'eq' | 'approx';

export interface TargetScope {
  /** The unit whose (rolled-up) value is compared: the province, a district, … */
  unitId: string;
  /** For per-level targets ("cấp Thành phố tổ chức 3 chương trình"). */
  level?: string;
}

export interface Target {
  indicatorCode: string;
  comparator: TargetComparator;
  value: number;
  scope: TargetScope;
  /** Period id (2024, 2024S1, …). */
  period: string;
  /** For 'approx' ("khoảng"): allowed deviation in % of the value; default 10. */
  tolerancePct?: number;
}

export type TargetStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export const TARGET_STATUSES: readonly TargetStatus[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

export const TARGET_STATUS_LABELS_VI: Readonly<Record<TargetStatus, string>> = {
  achieved: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ không đạt',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
};

export const TARGET_STATUS_LABELS_EN: Readonly<Record<TargetStatus, string>> = {
  achieved: 'Achieved',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};

/** How comparators read in a plan, for showing a target back to users. */
export const TARGET_COMPARATOR_LABELS_VI: Readonly<Record<TargetComparator, string>> = {
  gte: 'ít nhất',
  gt: 'trên',
  lte: 'không quá',
  eq: 'đúng',
  approx: 'khoảng',
};

/**
 * Progress thresholds, as the share of what should have been reached by now (the prorated target for
 * flows, the target itself otherwise): at or above ON_TRACK the unit is on track, at or above AT_RISK it
 * is at risk, below it is off track. 90% / 70% follow the usual "đạt / cơ bản đạt / chưa đạt" bands.
 */
export const ON_TRACK_MIN_PROGRESS = 0.9;
export const AT_RISK_MIN_PROGRESS = 0.7;
/** "Khoảng 2.500" accepts 2.250–2.750 unless the target says otherwise. */
export const DEFAULT_APPROX_TOLERANCE_PCT = 10;
