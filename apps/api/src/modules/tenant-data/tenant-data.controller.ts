import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough, pipeline, type Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { idParamSchema, tenantCodeSchema } from '@sen/contracts';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ValidationFailedError } from '../../core/errors/domain-error';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { TenantBackupService } from './tenant-backup.service';
import { TenantDeletionService } from './tenant-deletion.service';

const exportQuerySchema = z.object({ tenant: tenantCodeSchema, format: z.enum(['gzip', 'jsonl']).default('gzip') }).strict();
const deletionRequestSchema = z.object({ tenant: tenantCodeSchema, reason: z.string().trim().min(10).max(2000) }).strict();
const confirmSchema = z.object({ code: z.string().trim().min(1).max(64) }).strict();

/** A backup being restored may be this large (compressed or not); only platform administrators upload one. */
export const TENANT_BACKUP_MAX_UPLOAD = 1024 * 1024 * 1024;
const BACKUP_EXTENSIONS = ['.jsonl', '.ndjson', '.jsonl.gz', '.ndjson.gz', '.gz'];

/**
 * Platform administrators only: backup (export) and restore (import) of one tenant's data, and its deletion in
 * two audited steps. See TenantBackupService and TenantDeletionService for the rules.
 */
@ApiTags('tenant-data')
@ApiBearerAuth()
@Roles('platform_admin')
@Controller('tenant-data')
export class TenantDataController {
  constructor(
    private readonly backup: TenantBackupService,
    private readonly deletion: TenantDeletionService,
  ) {}

  /** Streams `?tenant=HN` as JSON Lines, gzip-compressed unless `format=jsonl`: every row of the tenant, one snapshot. */
  @Get('export')
  @ApiProduces('application/gzip', 'application/x-ndjson')
  async export(@CurrentActor() actor: Actor, @Query(new ZodPipe(exportQuerySchema)) q: z.infer<typeof exportQuerySchema>, @Res() reply: FastifyReply): Promise<void> {
    const tenant = await this.backup.findTenant(q.tenant);
    const body = new PassThrough();
    let out: Writable = body;
    if (q.format === 'gzip') {
      const gzip = createGzip();
      pipeline(gzip, body, () => undefined);
      out = gzip;
    }
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    void reply
      .header('content-type', q.format === 'gzip' ? 'application/gzip' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="sen-${tenant.code}-${stamp}.jsonl${q.format === 'gzip' ? '.gz' : ''}"`)
      .header('cache-control', 'no-store')
      .send(body);
    // Errors end the stream early: the file has no trailer and no restore accepts it (the service logs them).
    this.backup.exportTenant(tenant.code, out, actor, q.format).catch(() => undefined);
  }

  /** Restores a backup (multipart field `file`) into this deployment: all rows or none; 409 when the code exists. */
  @Post('import')
  @ApiConsumes('multipart/form-data')
  async import(@CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    const fileError = (vi: string, en: string) => new ValidationFailedError([{ field: 'file', reason: vi, reasonEn: en }]);
    if (!req.isMultipart()) throw fileError('cần gửi tệp sao lưu dạng multipart/form-data, trường "file"', 'send the backup as multipart/form-data in the field "file"');
    let part: Awaited<ReturnType<FastifyRequest['file']>>;
    try {
      part = await req.file({ limits: { fileSize: TENANT_BACKUP_MAX_UPLOAD, files: 1 } });
    } catch (err) {
      if (typeof (err as { statusCode?: unknown }).statusCode === 'number' && (err as { statusCode: number }).statusCode > 400) throw err;
      throw fileError('tệp tải lên bị hỏng hoặc sai định dạng multipart/form-data', 'the upload is not a valid multipart/form-data stream');
    }
    if (!part || part.fieldname !== 'file') throw fileError('thiếu tệp trong trường "file"', 'no file in the field "file"');
    const name = (part.filename || '').toLowerCase();
    if (!BACKUP_EXTENSIONS.some((ext) => name.endsWith(ext))) {
      part.file.resume();
      throw fileError(`chỉ nhận tệp sao lưu ${BACKUP_EXTENSIONS.join(', ')}`, `only backup files (${BACKUP_EXTENSIONS.join(', ')}) are accepted`);
    }
    try {
      const result = await this.backup.importTenant(part.file, actor);
      return { tenant: result.tenantDto, rows: result.rows, total: result.total, renumbered: result.renumbered };
    } finally {
      part.file.resume();
    }
  }

  /** Step 1: asks for the deletion of a tenant's data; answers the confirmation code (valid 24 h) once. */
  @Post('deletion-requests')
  @ApiZodBody(deletionRequestSchema)
  requestDeletion(@CurrentActor() actor: Actor, @Body(new ZodPipe(deletionRequestSchema)) body: z.infer<typeof deletionRequestSchema>) {
    return this.deletion.request(actor, body);
  }

  /** Step 2: another platform administrator confirms with the code; every row of the tenant is deleted. */
  @Post('deletion-requests/:id/confirm')
  @HttpCode(200)
  @ApiZodBody(confirmSchema)
  confirmDeletion(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(confirmSchema)) body: z.infer<typeof confirmSchema>) {
    return this.deletion.confirm(actor, p.id, body.code);
  }
}
