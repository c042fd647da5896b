import { AuditLogEntity } from './audit-log.entity';
import { TenantIndicatorEntity } from './indicator.entity';
import { OrgUnitClosureEntity } from './org-unit-closure.entity';
import { OrgUnitEventEntity } from './org-unit-event.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RoleAssignmentEntity } from './role-assignment.entity';
import { Tenant } from './tenant.entity';
import { ReportFormEntity } from './report-form.entity';
import { NotificationEntity } from './notification.entity';
import { ReportEntity } from './report.entity';
import { ReportValueEntity } from './report-value.entity';
import { ReportValueChangeEntity } from './report-value-change.entity';
import { AggregationOutboxEntity, CategoryRollupEntity, NationalRollupEntity, RollupEntity, UnitCategoryValueEntity, UnitValueEntity } from './rollup.entity';
import { RollupReconciliationEntity } from './rollup-reconciliation.entity';
import { UserEntity } from './user.entity';
import { SummaryReportEntity } from './summary-report.entity';
import { DocumentNumberEntity, PlanActivityEntity, PlanAllocationEntity, PlanEntity, PlanVersionEntity, ReportingObligationEntity } from './plan.entity';

export * from './tenant-owned.entity';
export * from './tenant.entity';
export * from './org-unit.entity';
export * from './org-unit-closure.entity';
export * from './org-unit-event.entity';
export * from './user.entity';
export * from './role-assignment.entity';
export * from './refresh-token.entity';
export * from './audit-log.entity';
export * from './indicator.entity';
export * from './report-form.entity';
export * from './notification.entity';
export * from './report.entity';
export * from './report-value.entity';
export * from './report-value-change.entity';
export * from './rollup.entity';
export * from './rollup-reconciliation.entity';
export * from './plan.entity';
export * from './summary-report.entity';

export const ENTITIES = [
  Tenant,
  OrgUnitEntity,
  OrgUnitClosureEntity,
  OrgUnitEventEntity,
  UserEntity,
  RoleAssignmentEntity,
  RefreshTokenEntity,
  AuditLogEntity,
  TenantIndicatorEntity,
  ReportFormEntity,
  ReportEntity,
  ReportValueEntity,
  ReportValueChangeEntity,
  UnitValueEntity,
  RollupEntity,
  NationalRollupEntity,
  AggregationOutboxEntity,
  NotificationEntity,
  PlanEntity,
  PlanVersionEntity,
  PlanActivityEntity,
  ReportingObligationEntity,
  DocumentNumberEntity,
  PlanAllocationEntity,
  SummaryReportEntity,
  UnitCategoryValueEntity,
  CategoryRollupEntity,
  RollupReconciliationEntity,
];

/**
 * Tables that are not owned by one tenant. Adding an entity that is neither here nor tenant-scoped
 * fails `tenancy.spec.ts`: tenancy cannot be forgotten silently. `national_rollup` holds each tenant's totals
 * for the central comparison and is read only through the central aggregates repository.
 */
export const GLOBAL_ENTITIES: (abstract new (...args: never[]) => unknown)[] = [Tenant, NationalRollupEntity];
