import type { FieldError } from '@sen/contracts';
import { DomainError } from '../../core/errors/domain-error';

const STATUS_VI: Record<string, string> = {
  draft: 'dự thảo',
  in_review: 'đang xem xét',
  issued: 'đã ban hành',
  closed: 'đã kết thúc',
  superseded: 'đã được thay thế',
};

/** Only drafts are edited; an issued plan changes through a revision (409 PLAN_READ_ONLY). */
export class PlanReadOnlyError extends DomainError {
  constructor(status: string) {
    super(
      'PLAN_READ_ONLY',
      409,
      `Kế hoạch ${STATUS_VI[status] ?? status}, không thể sửa. ${status === 'in_review' ? 'Hãy trả về dự thảo trước khi sửa.' : 'Hãy tạo phiên bản mới (sửa đổi) để thay đổi.'}`,
      `The plan is ${status} and read-only. ${status === 'in_review' ? 'Send it back to draft to edit it.' : 'Create a new version (revision) to change it.'}`,
    );
  }
}

/** A status change the lifecycle does not allow (409 PLAN_TRANSITION_NOT_ALLOWED, naming the allowed steps). */
export class PlanTransitionNotAllowedError extends DomainError {
  constructor(messageVi: string, from: string, to: string, allowed: readonly string[]) {
    super(
      'PLAN_TRANSITION_NOT_ALLOWED',
      409,
      messageVi,
      `A plan cannot go from ${from} to ${to}.${allowed.length ? ` Allowed: ${allowed.join(', ')}.` : ' No further step is allowed.'}`,
      [{ field: 'to', reason: messageVi, reasonEn: `not allowed from ${from}` }],
    );
  }
}

/** The client edited an older version than the stored one (optimistic locking). */
export class PlanVersionConflictError extends DomainError {
  constructor(expected: number, actual: number) {
    super(
      'PLAN_VERSION_CONFLICT',
      409,
      `Kế hoạch đã được người khác sửa (phiên bản ${actual}, bạn sửa phiên bản ${expected}). Hãy tải lại.`,
      `The plan was changed meanwhile (version ${actual}; you edited version ${expected}). Reload it.`,
      [{ field: 'expectedVersion', reason: `phiên bản hiện tại là ${actual}`, reasonEn: `the current version is ${actual}` }],
    );
  }
}

/** The plan carries a number already given to another issued document of the same year. */
export class PlanNumberTakenError extends DomainError {
  constructor(symbol: string, year: number) {
    super(
      'PLAN_NUMBER_TAKEN',
      409,
      `Số ${symbol} năm ${year} đã được dùng cho một văn bản đã ban hành khác`,
      `The number ${symbol} of ${year} is already used by another issued document`,
      [{ field: 'plan.number', reason: 'số đã được dùng; hãy xoá số để hệ thống cấp số mới', reasonEn: 'already used; clear it to get a new number' }],
    );
  }
}

/** Deriving or revising needs an issued plan. */
export class PlanNotIssuedError extends DomainError {
  constructor(status: string, actionVi: string, actionEn: string) {
    super('PLAN_NOT_ISSUED', 409, `Kế hoạch ${STATUS_VI[status] ?? status}: chỉ ${actionVi} kế hoạch đã ban hành`, `The plan is ${status}: only an issued plan can be ${actionEn}`);
  }
}

/** No activity at that index of the plan (404 naming how many there are). */
export class PlanActivityNotFoundError extends DomainError {
  constructor(idx: number, count: number) {
    super(
      'PLAN_ACTIVITY_NOT_FOUND',
      404,
      `Kế hoạch không có hoạt động số ${idx} (có ${count} hoạt động, đánh số 0–${Math.max(0, count - 1)})`,
      `The plan has no activity ${idx} (it has ${count})`,
      [{ field: 'idx', reason: `kế hoạch có ${count} hoạt động`, reasonEn: `the plan has ${count} activities` }],
    );
  }
}

/** A plan has at most one open revision. */
export class PlanRevisionExistsError extends DomainError {
  constructor(revisionId: string) {
    super(
      'PLAN_REVISION_EXISTS',
      409,
      `Kế hoạch đã có một phiên bản sửa đổi đang soạn (mã ${revisionId})`,
      `The plan already has an open revision (id ${revisionId})`,
      [{ field: 'revisionId', reason: revisionId, reasonEn: revisionId }],
    );
  }
}

const IMPORT_REASON_EN: Record<string, string> = {
  EMPTY: 'the input is empty',
  TOO_LARGE: 'the input is too large',
  NOT_DOCX: 'not a Word .docx file',
  UNSUPPORTED_DOC: 'legacy Word 97-2003 .doc files are not supported; save it as .docx',
  UNREADABLE: 'the .docx file could not be read',
  NOT_A_PLAN: 'no plan text was recognised',
};

/** A PlanImportError of @sen/plans: 400 PLAN_IMPORT_FAILED naming the field the input came in (`file` or `text`). */
export class PlanImportFailedError extends DomainError {
  constructor(field: 'file' | 'text', importCode: string, message: string) {
    const reasonEn = IMPORT_REASON_EN[importCode] ?? 'the input could not be imported';
    const error: FieldError = { field, reason: message, reasonEn };
    super('PLAN_IMPORT_FAILED', 400, `Không nhập được kế hoạch: ${message}`, `The plan could not be imported: ${reasonEn}`, [error]);
  }
}
