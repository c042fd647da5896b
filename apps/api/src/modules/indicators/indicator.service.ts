import { Injectable } from '@nestjs/common';
import type { CreateIndicator, IndicatorListItem } from '@sen/contracts';
import { defineIndicator, NATIONAL_INDICATORS, type IndicatorDefinition } from '@sen/indicators';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../../core/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { IndicatorRepository } from './indicator.repository';

const toItem = (d: IndicatorDefinition): IndicatorListItem => ({
  code: d.code,
  name: d.name,
  unit: d.unit,
  valueType: d.valueType,
  kind: d.kind,
  aggregation: d.aggregation as IndicatorListItem['aggregation'],
  national: d.national,
});

/** The national catalogue (shipped in @sen/indicators) plus the tenant's own indicators. */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly repo: IndicatorRepository,
    private readonly audit: AuditService,
  ) {}

  async definitions(): Promise<IndicatorDefinition[]> {
    const own = (await this.repo.list()).map((r) => r.definition as unknown as IndicatorDefinition);
    return [...NATIONAL_INDICATORS, ...own];
  }

  async list(): Promise<{ items: IndicatorListItem[]; total: number }> {
    const items = (await this.definitions()).map(toItem);
    return { items, total: items.length };
  }

  async create(actor: Actor, body: CreateIndicator): Promise<IndicatorListItem> {
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    if (NATIONAL_INDICATORS.some((d) => d.code === body.code) || (await this.repo.exists(body.code))) {
      throw new ConflictError('Mã chỉ tiêu đã tồn tại', 'The indicator code is taken', [{ field: 'code', reason: 'mã đã được dùng', reasonEn: 'already used' }]);
    }
    let def: IndicatorDefinition;
    try {
      def = defineIndicator({ ...body, nameEn: body.nameEn ?? body.name, national: false } as IndicatorDefinition);
    } catch (err) {
      const e = err as Error & { field?: string };
      throw new ValidationFailedError([{ field: e.field ?? '(body)', reason: e.message, reasonEn: e.message }]);
    }
    await this.repo.insert(def.code, def as unknown as Record<string, unknown>);
    await this.audit.record({ action: 'indicator.create', entity: 'tenant_indicator', entityId: def.code, after: def });
    return toItem(def);
  }
}
