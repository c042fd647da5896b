import type { FieldError, ReportStatus } from '@sen/contracts';
import { DomainError } from '../../core/errors/domain-error';

const STATUS_VI: Record<ReportStatus, string> = { draft: 'đang nhập', submitted: 'đã gửi', approved: 'đã duyệt', returned: 'bị trả lại' };

/** Values of a submitted or approved report cannot change (409 REPORT_LOCKED). */
export class ReportLockedError extends DomainError {
  constructor(status: ReportStatus) {
    super(
      'REPORT_LOCKED',
      409,
      `Báo cáo ${STATUS_VI[status]}, không thể sửa số liệu${status === 'approved' ? ' (cần mở lại báo cáo trước)' : ''}`,
      `The report is ${status}; its values cannot be changed${status === 'approved' ? ' (reopen it first)' : ''}`,
    );
  }
}

/** Submission refused: errors, or warnings without a justification (400 REPORT_INVALID). */
export class ReportInvalidError extends DomainError {
  constructor(errors: FieldError[]) {
    super('REPORT_INVALID', 400, 'Báo cáo còn lỗi, chưa thể gửi', 'The report has errors and cannot be submitted', errors);
  }
}

/** The report is not in a status that allows this step (e.g. approving a draft, or approved meanwhile). */
export class ReportStatusConflictError extends DomainError {
  constructor(status: ReportStatus, actionVi: string, actionEn: string) {
    super(
      'REPORT_STATUS_CONFLICT',
      409,
      `Báo cáo đang ở trạng thái "${STATUS_VI[status]}", không thể ${actionVi}`,
      `The report is ${status}; it cannot be ${actionEn}`,
    );
  }
}

/** Someone else changed the report since the client read it (optimistic locking). */
export class ReportVersionConflictError extends DomainError {
  constructor(expected: number, actual: number) {
    super(
      'REPORT_VERSION_CONFLICT',
      409,
      'Báo cáo vừa được người khác thay đổi, vui lòng tải lại',
      'The report was changed by someone else; reload it',
      [{ field: 'version', reason: `phiên bản ${expected} đã cũ (hiện tại ${actual})`, reasonEn: `version ${expected} is stale (now ${actual})` }],
    );
  }
}
