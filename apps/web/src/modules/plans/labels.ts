import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES, PLAN_STATUS_LABELS, type ActivityStatusValue, type PlanPeriodKind, type PlanStatus } from '@sen/contracts';
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

type Words = { vi: string; en: string };

/** Words of the top-level fields of a plan (the list's name, one item's name, a new item), for the changes between versions. */
const FIELD_LABELS: Record<string, Words & { item?: Words; added?: Words; removed?: Words }> = {
  number: { vi: 'Số, ký hiệu', en: 'Number' },
  issuedOn: { vi: 'Ngày ban hành', en: 'Date' },
  place: { vi: 'Địa danh', en: 'Place' },
  title: { vi: 'Trích yếu', en: 'Title' },
  kind: { vi: 'Loại văn bản', en: 'Document kind' },
  legalBases: { vi: 'Căn cứ', en: 'Legal bases', item: { vi: 'Căn cứ', en: 'Legal basis' }, added: { vi: 'Căn cứ mới', en: 'New legal basis' }, removed: { vi: 'Bỏ căn cứ', en: 'Removed legal basis' } },
  purposes: { vi: 'Mục đích', en: 'Purposes', item: { vi: 'Mục đích', en: 'Purpose' }, added: { vi: 'Mục đích mới', en: 'New purpose' }, removed: { vi: 'Bỏ mục đích', en: 'Removed purpose' } },
  requirements: { vi: 'Yêu cầu', en: 'Requirements', item: { vi: 'Yêu cầu', en: 'Requirement' }, added: { vi: 'Yêu cầu mới', en: 'New requirement' }, removed: { vi: 'Bỏ yêu cầu', en: 'Removed requirement' } },
  targets: { vi: 'Chỉ tiêu', en: 'Targets', item: { vi: 'Chỉ tiêu', en: 'Target' }, added: { vi: 'Chỉ tiêu mới', en: 'New target' }, removed: { vi: 'Bỏ chỉ tiêu', en: 'Removed target' } },
  sections: { vi: 'Nội dung', en: 'Sections', item: { vi: 'Mục', en: 'Section' }, added: { vi: 'Mục mới', en: 'New section' }, removed: { vi: 'Bỏ mục', en: 'Removed section' } },
  activities: { vi: 'Hoạt động', en: 'Activities', item: { vi: 'Hoạt động', en: 'Activity' }, added: { vi: 'Hoạt động mới', en: 'New activity' }, removed: { vi: 'Bỏ hoạt động', en: 'Removed activity' } },
  fundingSources: { vi: 'Kinh phí', en: 'Funding', item: { vi: 'Nguồn kinh phí', en: 'Funding source' }, added: { vi: 'Nguồn kinh phí mới', en: 'New funding source' }, removed: { vi: 'Bỏ nguồn kinh phí', en: 'Removed funding source' } },
  assignments: { vi: 'Phân công', en: 'Assignments', item: { vi: 'Phân công', en: 'Assignment' }, added: { vi: 'Phân công mới', en: 'New assignment' }, removed: { vi: 'Bỏ phân công', en: 'Removed assignment' } },
  reportingObligations: { vi: 'Chế độ báo cáo', en: 'Reporting', item: { vi: 'Chế độ báo cáo', en: 'Reporting obligation' }, added: { vi: 'Chế độ báo cáo mới', en: 'New reporting obligation' }, removed: { vi: 'Bỏ chế độ báo cáo', en: 'Removed reporting obligation' } },
  recipients: { vi: 'Nơi nhận', en: 'Recipients', item: { vi: 'Nơi nhận', en: 'Recipient' }, added: { vi: 'Nơi nhận mới', en: 'New recipient' }, removed: { vi: 'Bỏ nơi nhận', en: 'Removed recipient' } },
  signatory: { vi: 'Người ký', en: 'Signatory' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issuer' },
  programme: { vi: 'Đề án, chương trình', en: 'Programme' },
};

/** Words of the keys inside a plan's parts; some depend on the part ("unit" of a target is its unit of measure). */
const KEY_LABELS: Record<string, Words> = {
  value: { vi: 'giá trị', en: 'value' },
  text: { vi: 'nội dung', en: 'text' },
  unit: { vi: 'đơn vị tính', en: 'unit of measure' },
  comparator: { vi: 'so sánh', en: 'comparator' },
  level: { vi: 'cấp', en: 'level' },
  levels: { vi: 'các cấp', en: 'levels' },
  indicatorCode: { vi: 'chỉ số thống kê', en: 'indicator' },
  aggregation: { vi: 'cách tổng hợp', en: 'aggregation' },
  name: { vi: 'tên', en: 'name' },
  time: { vi: 'thời gian', en: 'time' },
  from: { vi: 'từ ngày', en: 'from' },
  to: { vi: 'đến ngày', en: 'to' },
  recurrence: { vi: 'định kỳ', en: 'recurrence' },
  leadUnits: { vi: 'chủ trì', en: 'lead units' },
  cooperatingUnits: { vi: 'phối hợp', en: 'cooperating units' },
  items: { vi: 'ý', en: 'item' },
  children: { vi: 'mục con', en: 'subsection' },
  heading: { vi: 'tiêu đề', en: 'heading' },
  periodKind: { vi: 'loại báo cáo', en: 'period' },
  deadline: { vi: 'hạn', en: 'deadline' },
  reportTo: { vi: 'gửi về', en: 'report to' },
  reporter: { vi: 'đơn vị báo cáo', en: 'reporter' },
  tasks: { vi: 'nhiệm vụ', en: 'task' },
  role: { vi: 'vai trò', en: 'role' },
  kind: { vi: 'loại', en: 'kind' },
  number: { vi: 'số', en: 'number' },
  date: { vi: 'ngày', en: 'date' },
  issuer: { vi: 'cơ quan ban hành', en: 'issuer' },
  title: { vi: 'trích yếu', en: 'title' },
  onBehalfOf: { vi: 'thẩm quyền ký', en: 'on behalf of' },
  status: { vi: 'tình trạng', en: 'status' },
  venue: { vi: 'địa điểm', en: 'venue' },
  participants: { vi: 'số người tham dự', en: 'participants' },
};
const KEY_IN: Record<string, Record<string, Words>> = {
  assignments: { unit: { vi: 'đơn vị', en: 'unit' } },
  signatory: { title: { vi: 'chức vụ', en: 'title' }, name: { vi: 'họ tên', en: 'name' } },
  legalBases: { title: { vi: 'về việc', en: 'about' } },
};

interface PathPart {
  key: string;
  index?: number;
}

/** "targets[2].value" → [{key: targets, index: 2}, {key: value}]. */
function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) {
    if (m[1] !== undefined) parts.push({ key: m[1] });
    else if (parts.length > 0 && parts[parts.length - 1]!.index === undefined) parts[parts.length - 1]!.index = Number(m[2]);
    else parts.push({ key: '', index: Number(m[2]) });
  }
  return parts;
}

/** "targets[2].value" → "Chỉ tiêu 3 › giá trị" (English: "Target 3 › value"). */
export function changePathLabel(path: string, language: Language): string {
  const parts = parsePath(path);
  if (parts.length === 0) return path;
  const [top, ...rest] = parts;
  const field = FIELD_LABELS[top!.key];
  const head = field ? (top!.index !== undefined ? `${(field.item ?? field)[language]} ${top!.index + 1}` : field[language]) : top!.key;
  const words = rest.map((p) => {
    const w = KEY_IN[top!.key]?.[p.key] ?? KEY_LABELS[p.key];
    const word = w ? w[language] : p.key;
    return p.index !== undefined ? `${word} ${p.index + 1}` : word;
  });
  return [head, ...words].join(' › ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const cut = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const fmtNumber = (n: number, language: Language) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 4 }).format(n);
const fmtDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A value of a change in words: numbers 2.500, dates dd/mm/yyyy, text in quotes, an activity as its name and time. */
export function changeValue(value: unknown, language: Language = 'vi'): string {
  if (value === undefined) return '—';
  if (value === null || value === '') return language === 'en' ? '(empty)' : '(trống)';
  if (typeof value === 'number') return fmtNumber(value, language);
  if (typeof value === 'boolean') return value ? (language === 'en' ? 'yes' : 'có') : language === 'en' ? 'no' : 'không';
  if (typeof value === 'string') return ISO_DATE.test(value) ? fmtDate(value) : `“${cut(value)}”`;
  if (Array.isArray(value)) return value.length === 0 ? (language === 'en' ? '(none)' : '(không có)') : cut(value.map((v) => changeValue(v, language)).join('; '), 240);
  const o = value as Record<string, unknown>;
  // The parts of a plan, as a reader names them.
  if (typeof o.name === 'string' && o.time && typeof o.time === 'object') {
    const time = o.time as { text?: string | null; from?: string | null; to?: string | null };
    const when = time.text ?? (time.from ? `${fmtDate(time.from)}${time.to && time.to !== time.from ? ` – ${fmtDate(time.to)}` : ''}` : null);
    return when ? `“${cut(o.name)}”, ${when}` : `“${cut(o.name)}”`;
  }
  if (typeof o.text === 'string') return `“${cut(o.text)}”`;
  if (typeof o.heading === 'string') return `“${cut(o.heading)}”`;
  if (typeof o.unit === 'string' && Array.isArray(o.tasks)) return `“${cut(o.unit)}”`;
  if (typeof o.periodKind === 'string') return `${periodKindLabel(o.periodKind, language)}${typeof o.deadline === 'string' ? ` (${language === 'en' ? 'by' : 'trước'} ${o.deadline})` : ''}`;
  if ('kind' in o && 'number' in o) return cut([o.kind, o.number, typeof o.date === 'string' ? fmtDate(o.date) : null].filter(Boolean).join(' '));
  const entries = Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  return cut(entries.map(([k, v]) => `${(KEY_LABELS[k] ?? { vi: k, en: k })[language]}: ${changeValue(v, language)}`).join(', '), 240);
}

/**
 * One change between versions in words: "Chỉ tiêu 3 › giá trị: 18 → 20", "Hoạt động mới: “…”, Tháng 9/2024",
 * "Bỏ hoạt động 4: “…”".
 */
export function describeChange(c: { path: string; before: unknown; after: unknown; kind: 'added' | 'removed' | 'changed' }, language: Language): { label: string; text: string } {
  const parts = parsePath(c.path);
  const field = parts.length === 1 && parts[0]!.index !== undefined ? FIELD_LABELS[parts[0]!.key] : undefined;
  if (c.kind === 'added' && field?.added) return { label: field.added[language], text: changeValue(c.after, language) };
  if (c.kind === 'removed' && field?.removed) return { label: `${field.removed[language]} ${parts[0]!.index! + 1}`, text: changeValue(c.before, language) };
  const label = changePathLabel(c.path, language);
  if (c.kind === 'added') return { label, text: `${language === 'en' ? 'added' : 'thêm'} ${changeValue(c.after, language)}` };
  if (c.kind === 'removed') return { label, text: `${language === 'en' ? 'removed' : 'bỏ'} ${changeValue(c.before, language)}` };
  return { label, text: `${changeValue(c.before, language)} → ${changeValue(c.after, language)}` };
}

/** An activity as the user sees it: its recorded status, or overdue when planned and past its last day. */
export type ActivityState = ActivityStatusValue | 'overdue';

export function activityState(status: string, dateTo: string | null, today = new Date()): ActivityState {
  const s = (ACTIVITY_STATUSES as readonly string[]).includes(status) ? (status as ActivityStatusValue) : 'planned';
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return s === 'planned' && dateTo !== null && dateTo < iso ? 'overdue' : s;
}

const OVERDUE: Words = { vi: 'Quá hạn, chưa báo cáo', en: 'Overdue, not reported' };

export function activityStatusLabel(state: ActivityState | string, language: Language): string {
  if (state === 'overdue') return OVERDUE[language];
  return ACTIVITY_STATUS_LABELS[state as ActivityStatusValue]?.[language] ?? state;
}
