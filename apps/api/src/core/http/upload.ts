import type { FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../errors/domain-error';

export interface Upload {
  filename: string;
  content: Buffer;
}

/**
 * Reads the multipart field `file`, refusing other file types and anything over the configured size
 * (the limit itself is set on @fastify/multipart in app.ts; exceeding it answers 413).
 */
export async function readUpload(req: FastifyRequest, extensions: string[]): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new ValidationFailedError([{ field: 'file', reason: 'cần gửi tệp dạng multipart/form-data, trường "file"', reasonEn: 'send the file as multipart/form-data in the field "file"' }]);
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file();
  } catch (err) {
    throw uploadError(err);
  }
  if (!part || part.fieldname !== 'file') {
    throw new ValidationFailedError([{ field: 'file', reason: 'thiếu tệp trong trường "file"', reasonEn: 'no file in the field "file"' }]);
  }
  const filename = part.filename || 'upload';
  const lower = filename.toLowerCase();
  if (!extensions.some((ext) => lower.endsWith(ext))) {
    part.file.resume();
    throw new ValidationFailedError([{ field: 'file', reason: `chỉ nhận tệp ${extensions.join(', ')}`, reasonEn: `only ${extensions.join(', ')} files are accepted` }]);
  }
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    throw uploadError(err);
  }
  if (content.length === 0) {
    throw new ValidationFailedError([{ field: 'file', reason: 'tệp rỗng', reasonEn: 'the file is empty' }]);
  }
  return { filename, content };
}

/**
 * A broken multipart stream (no boundary, a truncated part, garbage) is the client's fault: 400 naming the file.
 * The size and count limits of @fastify/multipart keep their own status (413).
 */
function uploadError(err: unknown): unknown {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status > 400 && status < 500) return err;
  return new ValidationFailedError([{ field: 'file', reason: 'tệp tải lên bị hỏng hoặc sai định dạng multipart/form-data', reasonEn: 'the upload is not a valid multipart/form-data stream' }]);
}
