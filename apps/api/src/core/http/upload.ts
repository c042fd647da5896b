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
  const part = await req.file();
  if (!part || part.fieldname !== 'file') {
    throw new ValidationFailedError([{ field: 'file', reason: 'thiếu tệp trong trường "file"', reasonEn: 'no file in the field "file"' }]);
  }
  const filename = part.filename || 'upload';
  const lower = filename.toLowerCase();
  if (!extensions.some((ext) => lower.endsWith(ext))) {
    part.file.resume();
    throw new ValidationFailedError([{ field: 'file', reason: `chỉ nhận tệp ${extensions.join(', ')}`, reasonEn: `only ${extensions.join(', ')} files are accepted` }]);
  }
  const content = await part.toBuffer();
  if (content.length === 0) {
    throw new ValidationFailedError([{ field: 'file', reason: 'tệp rỗng', reasonEn: 'the file is empty' }]);
  }
  return { filename, content };
}
