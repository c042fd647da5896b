import { PLAN_STATUS_LABELS, type PlanPeriodKind, type PlanStatus } from '@sen/contracts';
import type { Language } from '../../i18n';

export function planStatusLabel(status: PlanStatus, language: Language): string {
  return PLAN_STATUS_LABELS[status][language];
}

export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  issued: 'success',
  closed: 'purple',
  superseded: 'warning',
};

const PERIOD_LABELS: Record<PlanPeriodKind, { vi: string; en: string }> = {
  month: { vi: 'Báo cáo tháng', en: 'Monthly report' },
  quarter: { vi: 'Báo cáo quý', en: 'Quarterly report' },
  half: { vi: 'Báo cáo 6 tháng', en: 'Half-year report' },
  year: { vi: 'Báo cáo năm', en: 'Yearly report' },
};

export function periodKindLabel(kind: PlanPeriodKind | string, language: Language): string {
  return PERIOD_LABELS[kind as PlanPeriodKind]?.[language] ?? kind;
}

export const COMPARATOR_SYMBOLS: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', eq: '=', approx: '≈' };

/** Words of the top-level fields of a plan, for the list of changes between versions. */
const FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  number: { vi: 'Số, ký hiệu', en: 'Number' },
  issuedOn: { vi: 'Ngày ban hành', en: 'Date' },
  place: { vi: 'Địa danh', en: 'Place' },
  title: { vi: 'Trích yếu', en: 'Title' },
  legalBases: { vi: 'Căn cứ', en: 'Legal bases' },
  purposes: { vi: 'Mục đích', en: 'Purposes' },
  requirements: { vi: 'Yêu cầu', en: 'Requirements' },
  targets: { vi: 'Chỉ tiêu', en: 'Targets' },
  sections: { vi: 'Nội dung', en: 'Sections' },
  activities: { vi: 'Hoạt động', en: 'Activities' },
  fundingSources: { vi: 'Kinh phí', en: 'Funding' },
  assignments: { vi: 'Phân công', en: 'Assignments' },
  reportingObligations: { vi: 'Chế độ báo cáo', en: 'Reporting' },
  recipients: { vi: 'Nơi nhận', en: 'Recipients' },
  signatory: { vi: 'Người ký', en: 'Signatory' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issuer' },
  programme: { vi: 'Đề án, chương trình', en: 'Programme' },
};

/** "targets[2].value" → "Chỉ tiêu 3 · value". */
export function changePathLabel(path: string, language: Language): string {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?(.*)$/.exec(path);
  if (!m) return path;
  const field = FIELD_LABELS[m[1]!]?.[language] ?? m[1]!;
  const index = m[2] !== undefined ? ` ${Number(m[2]) + 1}` : '';
  const rest = m[3] ? ` · ${m[3].replace(/^\./, '')}` : '';
  return `${field}${index}${rest}`;
}

/** A value of a change, short: strings cut at 160 characters, objects as JSON. */
export function changeValue(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return '(trống)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
