import { Injectable } from '@nestjs/common';
import type { CreateReportForm, CreateReportInstances, FieldError, ReportFormDto } from '@sen/contracts';
import type { EntityManager } from 'typeorm';
import type { ReportFormEntity } from '@sen/db';
import { makePeriodId, parsePeriod, type IndicatorDefinition } from '@sen/indicators';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AuditService } from '../audit/audit.service';
import { IndicatorService } from '../indicators/indicator.service';
import { nationalForms } from './national-forms';
import { reportDeadline } from './report-deadline';
import { ReportRepository } from './report.repository';

const KIND_VI: Record<string, [string, string]> = {
  year: ['báo cáo năm', '2024'],
  half: ['báo cáo 6 tháng', '2024S1'],
  quarter: ['báo cáo quý', '2024Q2'],
  month: ['báo cáo tháng', '202406'],
};

export function toFormDto(f: ReportFormEntity): ReportFormDto {
  return {
    id: f.id,
    code: f.code,
    name: f.name,
    periodKind: f.periodKind,
    indicatorCodes: f.indicatorCodes,
    deadlineRule: f.deadlineRule,
    reportingLevel: f.reportingLevel,
    national: Boolean(f.national),
  };
}

/** Report forms (biểu mẫu): the national ones every tenant has, the tenant's own, and their instances per period. */
@Injectable()
export class ReportFormService {
  constructor(
    private readonly repo: ReportRepository,
    private readonly audit: AuditService,
    private readonly tenants: TenantDirectory,
    private readonly indicators: IndicatorService,
  ) {}

  /**
   * Gives the context's tenant the national forms it lacks. Onboarding and the demo seed call it when a tenant
   * is created, inside their transaction; reads never write.
   */
  createNationalForms(manager?: EntityManager): Promise<void> {
    return this.repo.ensureForms(nationalForms(), manager);
  }

  async list(): Promise<{ items: ReportFormDto[]; total: number }> {
    const items = (await this.repo.listForms()).map(toFormDto);
    return { items, total: items.length };
  }

  async byCode(code: string): Promise<ReportFormEntity> {
    const form = await this.repo.findFormByCode(code);
    if (!form) throw new NotFoundError('Report form', 'biểu mẫu báo cáo');
    return form;
  }

  async byId(id: string): Promise<ReportFormEntity> {
    const form = await this.repo.findForm(id);
    if (!form) throw new NotFoundError('Report form', 'biểu mẫu báo cáo');
    return form;
  }

  /** The definitions of the form's indicators (national catalogue plus the tenant's own), by code. */
  async definitionsOf(form: ReportFormEntity): Promise<Map<string, IndicatorDefinition>> {
    const all = new Map((await this.indicators.definitions()).map((d) => [d.code, d]));
    const out = new Map<string, IndicatorDefinition>();
    for (const code of form.indicatorCodes) {
      const d = all.get(code);
      if (d) out.set(code, d);
    }
    return out;
  }

  /** A 400 naming `period` when the period is not of the form's kind. */
  assertPeriodKind(form: ReportFormEntity, period: string, field = 'period'): void {
    const p = parsePeriod(period);
    if (p.kind !== form.periodKind) {
      const [vi, example] = KIND_VI[form.periodKind] ?? [form.periodKind, ''];
      throw new ValidationFailedError([
        {
          field,
          reason: `biểu mẫu "${form.name}" là ${vi}: kỳ phải có dạng ${example} (nhận ${period})`,
          reasonEn: `form "${form.code}" is a ${form.periodKind} report: the period must look like ${example} (got ${period})`,
        },
      ]);
    }
  }

  async create(actor: Actor, body: CreateReportForm): Promise<ReportFormDto> {
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    const errors: FieldError[] = [];
    const known = new Set((await this.indicators.definitions()).map((d) => d.code));
    const seen = new Set<string>();
    body.indicatorCodes.forEach((code, i) => {
      if (!known.has(code)) errors.push({ field: `indicatorCodes.${i}`, reason: `không có chỉ số "${code}"`, reasonEn: `no indicator "${code}"` });
      else if (seen.has(code)) errors.push({ field: `indicatorCodes.${i}`, reason: `chỉ số "${code}" bị lặp lại`, reasonEn: `indicator "${code}" is repeated` });
      seen.add(code);
    });
    const tenant = await this.tenants.findById(actor.tenantId);
    const levels = tenant?.levels.map((l) => l.code) ?? [];
    if (!levels.includes(body.reportingLevel)) {
      errors.push({
        field: 'reportingLevel',
        reason: `cấp "${body.reportingLevel}" không có trong các cấp của đơn vị (${levels.join(', ')})`,
        reasonEn: `level "${body.reportingLevel}" is not one of the tenant's levels (${levels.join(', ')})`,
      });
    }
    try {
      reportDeadline(makePeriodId(body.periodKind, 2024, 1), body.deadlineRule);
    } catch (err) {
      const e = err as Error & { field?: string; reasonVi?: string; messageVi?: string };
      errors.push({ field: `deadlineRule${e.field ? `.${e.field}` : ''}`, reason: e.messageVi ?? e.reasonVi ?? e.message, reasonEn: e.message });
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
    if (await this.repo.findFormByCode(body.code)) {
      throw new ConflictError('Mã biểu mẫu đã tồn tại', 'The form code is already used', [{ field: 'code', reason: 'mã đã được dùng', reasonEn: 'already used' }]);
    }
    const spec = { ...body, national: false };
    const id = await this.repo.transaction(async (m) => {
      const newId = await this.repo.insertForm(spec, m);
      await this.audit.record({ action: 'report-form.create', entity: 'report_form', entityId: newId, after: spec }, m);
      return newId;
    });
    return toFormDto(await this.byId(id));
  }

  /**
   * A draft report, with its deadline, for every unit of the form's reporting level that is valid on some day
   * of the period — one INSERT … SELECT, idempotent (a second call creates only what is missing).
   */
  async createInstances(actor: Actor, formId: string, body: CreateReportInstances): Promise<{ created: number; existing: number; deadline: string }> {
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    const form = await this.byId(formId);
    this.assertPeriodKind(form, body.period);
    const period = parsePeriod(body.period);
    const deadline = reportDeadline(body.period, form.deadlineRule);
    return this.repo.transaction(async (m) => {
      const eligible = await this.repo.eligibleUnitCount(form.reportingLevel, period.start, period.end, m);
      const created = await this.repo.insertInstances({ id: form.id, code: form.code, reportingLevel: form.reportingLevel }, period, deadline, m);
      const result = { created, existing: Math.max(0, eligible - created), deadline };
      await this.audit.record({ action: 'report.instances', entity: 'report_form', entityId: form.id, after: { formCode: form.code, period: body.period, ...result } }, m);
      return result;
    });
  }
}
