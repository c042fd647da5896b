import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, FieldError } from '@sen/contracts';
import { API_CONFIG, type ApiConfig } from '../config/config';
import { resolveWebDist, webIndexHtml } from '../web/web-dist';
import { DomainError } from './domain-error';

const STATUS_TEXT_VI: Record<number, [string, string]> = {
  400: ['Yêu cầu không hợp lệ', 'Bad request'],
  401: ['Bạn cần đăng nhập', 'Authentication required'],
  403: ['Bạn không có quyền thực hiện thao tác này', 'Forbidden'],
  404: ['Không tìm thấy', 'Not found'],
  405: ['Phương thức không được hỗ trợ', 'Method not allowed'],
  406: ['Không chấp nhận', 'Not acceptable'],
  413: ['Tệp hoặc nội dung quá lớn', 'Payload too large'],
  415: ['Kiểu nội dung không được hỗ trợ', 'Unsupported media type'],
  429: ['Quá nhiều yêu cầu, vui lòng thử lại sau', 'Too many requests'],
  503: ['Dịch vụ tạm thời không sẵn sàng', 'Service unavailable'],
};

/** Is this a database/Redis outage rather than a bug? Those answer 503 so clients retry. */
function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  const message = err instanceof Error ? err.message : '';
  return (
    ['ECONNREFUSED', 'PROTOCOL_CONNECTION_LOST', 'ETIMEDOUT', 'ECONNRESET', 'ER_CON_COUNT_ERROR', 'POOL_CLOSED'].includes(code) ||
    /connect ECONNREFUSED|Connection is closed|Pool is closed|Can't add new command when connection is in closed state/.test(message)
  );
}

/**
 * One place maps every error to the body clients read: stable code, Vietnamese and English message,
 * the wrong fields; never a stack trace. Unknown errors are logged and answered 500 without details.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly webDist: string | null;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.webDist = resolveWebDist(config.WEB_DIST);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const requestId = String(request.id ?? '');
    let body: ErrorBody;

    // The web app is a single-page app: its own paths (/org-units, /login, …) answer its index.html.
    const path = request.url.split('?')[0] ?? '';
    const status = exception instanceof HttpException ? exception.getStatus() : 0;
    if (status === 404 && this.webDist && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/health/') && !path.startsWith('/admin/')) {
      void reply.status(200).type('text/html; charset=utf-8').send(webIndexHtml(this.webDist));
      return;
    }

    if (exception instanceof DomainError) {
      body = {
        statusCode: exception.status,
        code: exception.code,
        message: exception.messageVi,
        messageEn: exception.messageEn,
        errors: exception.fieldErrors,
        requestId,
      };
    } else if (exception instanceof HttpException || isFastifyError(exception)) {
      const code = exception instanceof HttpException ? exception.getStatus() : (exception as { statusCode: number }).statusCode;
      const [vi, en] = STATUS_TEXT_VI[code] ?? ['Yêu cầu không thể thực hiện', 'Request failed'];
      body = { statusCode: code, code: httpCode(code), message: vi, messageEn: en, errors: code === 400 ? [framedFieldError(exception)] : undefined, requestId };
    } else if (isUnavailable(exception)) {
      // The request's own logger: the line carries its reqId, the one in the answer's body.
      request.log.warn({ err: exception }, 'dependency unavailable');
      body = { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: STATUS_TEXT_VI[503]![0], messageEn: STATUS_TEXT_VI[503]![1], requestId };
    } else {
      request.log.error({ err: exception }, 'unhandled error');
      body = {
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: 'Đã có lỗi xảy ra; chúng tôi đã ghi nhận sự cố',
        messageEn: 'Something went wrong; the error has been logged',
        requestId,
      };
    }
    if (body.errors === undefined) delete body.errors;
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

function isFastifyError(e: unknown): e is { statusCode: number } {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600;
}

/**
 * A 400 raised before validation (a body that is not JSON, a broken multipart stream, a malformed URL) still
 * names the part of the request at fault, like the zod errors do, without echoing the parser's message.
 */
function framedFieldError(e: unknown): FieldError {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_ASYNC_CONSTRAINT') {
    return { field: 'url', reason: 'địa chỉ yêu cầu không hợp lệ', reasonEn: 'the request URL is malformed' };
  }
  if (/MULTIPART|PROTO_VIOLATION|FILE|PART/.test(code)) {
    return { field: 'file', reason: 'tệp tải lên bị hỏng hoặc sai định dạng multipart', reasonEn: 'the upload is not a valid multipart/form-data stream' };
  }
  return { field: 'body', reason: 'nội dung gửi lên không phải JSON hợp lệ', reasonEn: 'the request body is not valid JSON' };
}

function httpCode(status: number): string {
  switch (status) {
    case 400: return 'BAD_REQUEST';
    case 401: return 'UNAUTHENTICATED';
    case 403: return 'FORBIDDEN';
    case 404: return 'NOT_FOUND';
    case 413: return 'PAYLOAD_TOO_LARGE';
    case 415: return 'UNSUPPORTED_MEDIA_TYPE';
    case 429: return 'RATE_LIMITED';
    case 503: return 'SERVICE_UNAVAILABLE';
    default: return `HTTP_${status}`;
  }
}
