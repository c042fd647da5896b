import dayjs from 'dayjs';

/** Vietnamese names of the audited actions and entities; unknown ones are shown as they are. */
export const AUDIT_ACTION_LABELS_VI: Record<string, string> = {
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng',
  'user.reset-password': 'Đặt lại mật khẩu',
  'org-unit.create': 'Thêm đơn vị',
  'org-unit.update': 'Sửa đơn vị',
  'org-unit.import': 'Nhập đơn vị từ tệp',
  'org-unit.merge': 'Sáp nhập đơn vị',
  'tenant.onboard': 'Khởi tạo tỉnh/thành',
  'tenant.suspend': 'Tạm ngưng tỉnh/thành',
  'tenant.resume': 'Mở lại tỉnh/thành',
  'indicator.create': 'Thêm chỉ tiêu',
  'report.values': 'Nhập số liệu báo cáo',
  'plan.create': 'Tạo kế hoạch',
  'plan.update': 'Sửa kế hoạch',
  'plan.transition': 'Chuyển trạng thái kế hoạch',
  'plan.issue': 'Ban hành kế hoạch',
  'plan.activity-status': 'Ghi nhận tiến độ hoạt động của kế hoạch',
  'plan.import': 'Nhập kế hoạch từ tệp',
  'tenant.absorb': 'Sáp nhập tỉnh/thành',
  'org-unit.split': 'Chia tách đơn vị',
  'org-unit.dissolve': 'Giải thể đơn vị',
  'report.submit': 'Gửi báo cáo',
  'report.approve': 'Duyệt báo cáo',
  'report.return': 'Trả lại báo cáo',
  'report.reopen': 'Mở lại báo cáo',
  'rollup.recompute': 'Tính lại tổng hợp',
  'plan.allocate': 'Giao chỉ tiêu cho đơn vị',
  'plan.supersede': 'Thay thế kế hoạch',
  'plan.derive': 'Tạo kế hoạch từ kế hoạch cấp trên',
  'plan.revise': 'Điều chỉnh kế hoạch',
  'report-form.create': 'Thêm biểu mẫu báo cáo',
  'report.instances': 'Tạo báo cáo cho các đơn vị',
  'tenant-data.export': 'Xuất dữ liệu tỉnh/thành',
  'tenant-data.import': 'Nhập dữ liệu tỉnh/thành',
  'tenant.settings': 'Sửa thiết lập tỉnh/thành',
};

export const AUDIT_ACTION_LABELS_EN: Record<string, string> = {
  'user.create': 'User created',
  'user.update': 'User changed',
  'user.reset-password': 'Password reset',
  'org-unit.create': 'Unit added',
  'org-unit.update': 'Unit changed',
  'org-unit.import': 'Units imported',
  'org-unit.merge': 'Units merged',
  'tenant.onboard': 'Province onboarded',
  'tenant.suspend': 'Province suspended',
  'tenant.resume': 'Province resumed',
  'indicator.create': 'Indicator added',
  'report.values': 'Report values entered',
  'plan.create': 'Plan created',
  'plan.update': 'Plan changed',
  'plan.transition': 'Plan status changed',
  'plan.issue': 'Plan issued',
  'plan.activity-status': 'Plan activity progress recorded',
  'plan.import': 'Plan imported',
  'tenant.absorb': 'Province absorbed',
  'org-unit.split': 'Unit split',
  'org-unit.dissolve': 'Unit dissolved',
  'report.submit': 'Report submitted',
  'report.approve': 'Report approved',
  'report.return': 'Report returned',
  'report.reopen': 'Report reopened',
  'rollup.recompute': 'Rollups recomputed',
  'plan.allocate': 'Targets allocated to units',
  'plan.supersede': 'Plan superseded',
  'plan.derive': 'Plan derived from a higher-level plan',
  'plan.revise': 'Plan revised',
  'report-form.create': 'Report form added',
  'report.instances': 'Reports created for the units',
  'tenant-data.export': 'Province data exported',
  'tenant-data.import': 'Province data imported',
  'tenant.settings': 'Province settings changed',
};

export const AUDIT_ENTITY_LABELS_VI: Record<string, string> = {
  app_user: 'Người dùng',
  org_unit: 'Đơn vị',
  tenant: 'Tỉnh/thành',
  tenant_indicator: 'Chỉ tiêu',
  report: 'Báo cáo',
  report_form: 'Biểu mẫu báo cáo',
  plan: 'Kế hoạch',
  rollup: 'Tổng hợp',
};

export const AUDIT_ENTITY_LABELS_EN: Record<string, string> = {
  app_user: 'User',
  org_unit: 'Unit',
  tenant: 'Province',
  tenant_indicator: 'Indicator',
  report: 'Report',
  report_form: 'Report form',
  plan: 'Plan',
  rollup: 'Rollup',
};

/**
 * A readable name of an action: its label, else for an action not listed yet "Tạo/Sửa/… <đối tượng>" from its
 * verb and entity ("summary-report.create" → "Tạo báo cáo tổng hợp"), else the code as it is.
 */
export function auditActionLabel(action: string, language: 'vi' | 'en', entity?: string): string {
  const known = (language === 'en' ? AUDIT_ACTION_LABELS_EN : AUDIT_ACTION_LABELS_VI)[action];
  if (known) return known;
  const verb = action.split('.').pop() ?? '';
  const verbs = language === 'en' ? VERBS_EN : VERBS_VI;
  if (entity && verbs[verb]) {
    const what = auditEntityLabel(entity, language);
    return language === 'en' ? `${what} ${verbs[verb]}` : `${verbs[verb]} ${what.toLocaleLowerCase('vi')}`;
  }
  return action;
}

const VERBS_VI: Record<string, string> = { create: 'Tạo', update: 'Sửa', delete: 'Xóa', import: 'Nhập', export: 'Xuất' };
const VERBS_EN: Record<string, string> = { create: 'created', update: 'changed', delete: 'deleted', import: 'imported', export: 'exported' };

export function auditEntityLabel(entity: string, language: 'vi' | 'en'): string {
  return (language === 'en' ? AUDIT_ENTITY_LABELS_EN : AUDIT_ENTITY_LABELS_VI)[entity] ?? entity;
}

/** "2025-07-01T02:05:00.000Z" → "01/07/2025 09:05" in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : '—';
}

/** Before/after as indented JSON ("—" when absent). */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return '—';
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}
