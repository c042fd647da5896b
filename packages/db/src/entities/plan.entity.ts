import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

export type PlanStatusValue = 'draft' | 'in_review' | 'issued' | 'closed' | 'superseded';

/**
 * A plan (Kế hoạch) of a unit: the whole structure of @sen/plans' ImportedPlan in `content`, with the columns
 * lists and searches need beside it. Drafts are edited; an issued plan is read-only and changes only through a
 * revision (a new plan that supersedes it when issued).
 */
@Entity('plan')
export class PlanEntity extends TenantOwnedEntity {
  /** The issuing unit. */
  @Column({ type: 'bigint', unsigned: true })
  unitId!: string;

  /** The number within (tenant, issuing body, kind, year of issue); null until issued or imported. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  number!: number | null;

  /** "31/KH-BTV"; null until issued or imported with one. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  symbol!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'KH' })
  kind!: string;

  @Column({ type: 'varchar', length: 32, default: 'BTV' })
  issuingBody!: string;

  /** The year the plan is for ("… năm 2024"), else the year of issue. */
  @Column({ type: 'smallint', unsigned: true })
  year!: number;

  @Column({ type: 'varchar', length: 1000 })
  title!: string;

  /** foldVietnamese(title + symbol): search ignores diacritics in every engine. */
  @Column({ type: 'varchar', length: 1100 })
  titleFolded!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: PlanStatusValue;

  /** The parent unit's plan this one was derived from (cascade). */
  @Column({ type: 'bigint', unsigned: true, nullable: true })
  parentPlanId!: string | null;

  /** The issued plan this draft revises; that plan becomes superseded when this one is issued. */
  @Column({ type: 'bigint', unsigned: true, nullable: true })
  revisionOfId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  programme!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  programmeFolded!: string | null;

  @Column({ type: 'date', nullable: true })
  issuedOn!: string | null;

  @Column({ type: 'int', unsigned: true, default: 1 })
  currentVersion!: number;

  /** The ImportedPlan structure (plus extra fields such as targets[].indicatorCode). */
  @Column({ type: 'json' })
  content!: Record<string, unknown>;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}

/** Every content of a plan, numbered across its revisions, with the changes from the version before. */
@Entity('plan_version')
export class PlanVersionEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  planId!: string;

  @Column({ type: 'int', unsigned: true })
  version!: number;

  /** created | edited | issued | revised | derived */
  @Column({ type: 'varchar', length: 16 })
  event!: string;

  @Column({ type: 'json' })
  content!: Record<string, unknown>;

  /** diffPlans(previous, this) — null for the first version. */
  @Column({ type: 'json', nullable: true })
  diff!: unknown[] | null;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}

/** An activity of a plan, derived from its content on every save, for the calendar. */
@Entity('plan_activity')
export class PlanActivityEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  planId!: string;

  /** Position in content.activities. */
  @Column({ type: 'int', unsigned: true })
  idx!: number;

  @Column({ type: 'varchar', length: 1000 })
  name!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  timeText!: string | null;

  @Column({ type: 'date', nullable: true })
  dateFrom!: string | null;

  @Column({ type: 'date', nullable: true })
  dateTo!: string | null;

  /**
   * The level that holds the activity: its own `level` in the content when the plan names one ("Cấp Thành phố
   * tổ chức …" → province), else the level of the plan's unit. Activity-count targets count done activities
   * of a level by this column.
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  level!: string | null;

  @Column({ type: 'json' })
  leadUnits!: string[];

  @Column({ type: 'json' })
  cooperating!: string[];

  /**
   * planned | in_progress | done | cancelled (ActivityStatus of @sen/plans). Recorded on issued plans
   * (PUT /plans/:id/activities/:idx/status); kept when the rows are rebuilt and carried over to a revision.
   */
  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status!: string;

  /** The day it was done (status done). */
  @Column({ type: 'date', nullable: true })
  doneOn!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  statusNote!: string | null;

  /** Who recorded the status, and when. */
  @Column({ type: 'bigint', unsigned: true, nullable: true })
  statusBy!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  statusAt!: Date | null;
}

/** What a unit must report because of an issued plan: period kind, deadline "DD/MM", to whom. */
@Entity('reporting_obligation')
export class ReportingObligationEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  planId!: string;

  /** Position in content.reportingObligations. */
  @Column({ type: 'int', unsigned: true })
  idx!: number;

  @Column({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'varchar', length: 16 })
  periodKind!: string;

  /** "13/06", or null when the plan sets none. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  deadline!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reportTo!: string | null;

  /** Who the plan names as reporting ("Hội LHPN các huyện, thị xã"). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reporter!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}

/**
 * The last number given per tenant, issuing body, document kind and year. Issuing locks the row
 * (SELECT … FOR UPDATE) so numbers have neither gaps nor duplicates under concurrent issues.
 */
@Entity('document_number')
export class DocumentNumberEntity {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  issuingBody!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind!: string;

  @PrimaryColumn({ type: 'smallint', unsigned: true })
  year!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  lastNumber!: number;
}

/** A target of a plan allocated to units (the values add up to the target's value). */
@Entity('plan_allocation')
export class PlanAllocationEntity {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  planId!: string;

  @PrimaryColumn({ type: 'int', unsigned: true })
  targetIndex!: number;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'decimal', precision: 20, scale: 4 })
  value!: string;
}
