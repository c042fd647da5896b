import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreateTenant, ImportResult, TenantDto } from '@sen/contracts';
import { Tenant, TenantContext } from '@sen/db';
import type { Actor } from '../../core/auth/actor';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { OrgUnitImportService } from '../org-units/org-unit-import.service';
import { OrgUnitRepository } from '../org-units/org-unit.repository';
import { ReportFormService } from '../reports/report-form.service';
import { UserRepository } from '../users/user.repository';

/** Tables that hold a tenant's rows, for undoing an onboarding whose unit file was refused. */
const TENANT_TABLES = ['audit_log', 'refresh_token', 'role_assignment', 'app_user', 'org_unit_event', 'org_unit_closure', 'org_unit', 'tenant_indicator', 'report_form'];

export function toTenantDto(t: Tenant): TenantDto {
  return { id: t.id, code: t.code, name: t.name, status: t.status, isCentral: t.isCentral, levels: t.levels, rootUnitId: t.rootUnitId, createdAt: t.createdAt.toISOString() };
}

/** Platform administration: onboard a province in one step, suspend and resume it. */
@Injectable()
export class TenantOnboardingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: TenantDirectory,
    private readonly units: OrgUnitRepository,
    private readonly importer: OrgUnitImportService,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly forms: ReportFormService,
  ) {}

  async list(): Promise<TenantDto[]> {
    return (await this.directory.list()).map(toTenantDto);
  }

  /**
   * Creates the tenant, its root unit (at the first level), its first administrator, the national report
   * forms and, optionally, its units from a CSV. A unit file with any bad row undoes everything and answers the row errors.
   */
  async onboard(body: CreateTenant, by: Actor | null): Promise<{ tenant: TenantDto; units: ImportResult }> {
    if (await this.directory.findByCode(body.code)) {
      throw new ConflictError('Mã đơn vị (tỉnh/thành) đã tồn tại', 'The tenant code is taken', [{ field: 'code', reason: 'mã đã được dùng', reasonEn: 'already used' }]);
    }
    const repo = this.dataSource.getRepository(Tenant);
    const tenant = await repo.save(repo.create({ code: body.code, name: body.name, levels: body.levels, status: 'active', isCentral: false }));
    const rootLevel = body.levels[0]!.code;
    const passwordHash = await hashPassword(body.admin.password);
    try {
      const result = await TenantContext.run(
        { ...TenantContext.system(tenant.id, tenant.code, 'onboarding'), userId: null },
        async () => {
          const rootId = await this.dataSource.transaction(async (m) => {
            const [id] = await this.units.insertUnits(
              [{ name: body.rootUnit.name, code: body.rootUnit.code ?? null, level: rootLevel, kind: 'union', parentId: null, validFrom: new Date().toISOString().slice(0, 10) }],
              m,
            );
            await this.users.insert(
              { username: body.admin.username, displayName: body.admin.displayName, email: body.admin.email ?? null, passwordHash },
              [{ role: 'tenant_admin', unitId: id! }],
              m,
            );
            await this.forms.createNationalForms(m);
            await this.audit.record({ action: 'tenant.onboard', entity: 'tenant', entityId: tenant.id, after: { code: body.code, name: body.name, levels: body.levels, by: by ? `${by.tenantCode}/${by.username}` : 'cli' } }, m);
            return id!;
          });
          await repo.update({ id: tenant.id }, { rootUnitId: rootId });
          if (!body.unitsCsv) return { created: 0, errors: [] };
          const systemAdmin: Actor = { userId: '0', username: 'onboarding', tenantId: tenant.id, tenantCode: tenant.code, roles: ['tenant_admin'], unitIds: [rootId] };
          return this.importer.import(systemAdmin, 'units.csv', Buffer.from(body.unitsCsv, 'utf8'));
        },
      );
      if (result.errors.length > 0) {
        await this.remove(tenant.id);
        throw new ValidationFailedError(result.errors.slice(0, 200).map((e) => ({ field: `unitsCsv.line ${e.line}.${e.field}`, reason: e.reason, reasonEn: e.reason })));
      }
      const saved = await this.directory.findById(tenant.id);
      return { tenant: toTenantDto(saved!), units: result };
    } catch (err) {
      if (!(err instanceof ValidationFailedError)) await this.remove(tenant.id);
      throw err;
    }
  }

  private async remove(tenantId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      for (const t of TENANT_TABLES) await m.query(`DELETE FROM ${t} WHERE tenant_id = ?`, [tenantId]);
      await m.query(`DELETE FROM tenant WHERE id = ?`, [tenantId]);
    });
  }

  async setStatus(code: string, status: 'active' | 'suspended'): Promise<TenantDto> {
    const tenant = await this.directory.findByCode(code);
    if (!tenant) throw new NotFoundError('Tenant', 'đơn vị (tỉnh/thành)');
    if (tenant.isCentral && status === 'suspended') {
      throw new ValidationFailedError([{ field: 'code', reason: 'không thể tạm ngưng Trung ương Hội', reasonEn: 'the central tenant cannot be suspended' }]);
    }
    await this.dataSource.getRepository(Tenant).update({ id: tenant.id }, { status });
    await TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'platform'), () =>
      this.audit.record({ action: `tenant.${status === 'active' ? 'resume' : 'suspend'}`, entity: 'tenant', entityId: tenant.id, before: { status: tenant.status }, after: { status } }),
    );
    return toTenantDto((await this.directory.findById(tenant.id))!);
  }
}
