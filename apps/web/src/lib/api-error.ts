import { errorBodySchema, type ErrorBody, type FieldError } from '@sen/contracts';

/** An answer of the API that is not a success, or a request that never got an answer (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: ErrorBody | null;

  constructor(status: number, body: ErrorBody | null, fallbackMessage?: string) {
    super(body?.message ?? fallbackMessage ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`);
    this.body = body;
  }

  get fieldErrors(): FieldError[] {
    return this.body?.errors ?? [];
  }

  static fromBody(status: number, json: unknown): ApiError {
    const parsed = errorBodySchema.safeParse(json);
    return new ApiError(status, parsed.success ? parsed.data : null);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type UiLanguage = 'vi' | 'en';

/** The message to show for an error: the API's own sentence in the interface language, else a fallback. */
export function errorMessage(error: unknown, language: UiLanguage, fallback: string): string {
  if (isApiError(error) && error.body) {
    return language === 'en' ? error.body.messageEn || error.body.message : error.body.message;
  }
  return fallback;
}

/** The reason of one field error in the interface language. */
export function fieldReason(error: FieldError, language: UiLanguage): string {
  return language === 'en' ? error.reasonEn || error.reason : error.reason;
}
