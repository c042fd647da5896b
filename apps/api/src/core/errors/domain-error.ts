import type { FieldError } from '@sen/contracts';

/**
 * Every error the API means to give: a stable code, the HTTP status, a Vietnamese and an English
 * message, and optionally the fields at fault. The global filter turns it into the error body.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(messageEn);
    this.name = 'DomainError';
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[]) {
    super('VALIDATION_FAILED', 400, 'Dữ liệu gửi lên không hợp lệ', 'The request is not valid', errors);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, whatVi: string) {
    super('NOT_FOUND', 404, `Không tìm thấy ${whatVi}`, `${what} not found`);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(reasonVi = 'Bạn cần đăng nhập', reasonEn = 'Authentication required', code = 'UNAUTHENTICATED') {
    super(code, 401, reasonVi, reasonEn);
  }
}

export class ForbiddenError extends DomainError {
  constructor(reasonVi = 'Bạn không có quyền thực hiện thao tác này', reasonEn = 'You are not allowed to do this') {
    super('FORBIDDEN', 403, reasonVi, reasonEn);
  }
}

export class ConflictError extends DomainError {
  constructor(reasonVi: string, reasonEn: string, fieldErrors?: FieldError[]) {
    super('CONFLICT', 409, reasonVi, reasonEn, fieldErrors);
  }
}
