/** Why an input could not be imported. Callers map every PlanImportError to HTTP 400. */
export type PlanImportErrorCode = 'EMPTY' | 'TOO_LARGE' | 'NOT_DOCX' | 'UNSUPPORTED_DOC' | 'UNREADABLE' | 'NOT_A_PLAN';

const MESSAGES: Record<PlanImportErrorCode, string> = {
  EMPTY: 'Tệp rỗng hoặc không có nội dung (empty input)',
  TOO_LARGE: 'Văn bản quá dài để nhập (input too large)',
  NOT_DOCX: 'Tệp không phải là văn bản Word .docx (not a docx file)',
  UNSUPPORTED_DOC: 'Tệp Word 97-2003 (.doc) chưa được hỗ trợ, hãy lưu lại dưới dạng .docx (legacy .doc is not supported)',
  UNREADABLE: 'Không đọc được nội dung tệp .docx (unreadable docx)',
  NOT_A_PLAN: 'Không nhận ra nội dung kế hoạch trong văn bản (no recognisable plan text)',
};

/** The only error the importers throw: a bad or empty input, with a clear reason. */
export class PlanImportError extends Error {
  readonly code: PlanImportErrorCode;

  constructor(code: PlanImportErrorCode, detail?: string) {
    super(detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code]);
    this.name = 'PlanImportError';
    this.code = code;
  }
}
