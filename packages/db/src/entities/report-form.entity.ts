import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** A deadline rule of @sen/indicators: a fixed day ({day, month}) or days after the period ends. */
export type DeadlineRuleJson = { day: number; month: number; yearOffset?: number } | { daysAfterEnd: number };

/**
 * A report form (biểu mẫu): a set of indicators, a period kind, a deadline rule, the level of the units
 * that report. The national forms are present in every tenant (national = true, same code everywhere).
 */
@Entity('report_form')
export class ReportFormEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  periodKind!: PeriodKind;

  @Column({ type: 'json' })
  indicatorCodes!: string[];

  @Column({ type: 'json' })
  deadlineRule!: DeadlineRuleJson;

  /** Units of this level report (e.g. grassroots); their parents approve. */
  @Column({ type: 'varchar', length: 32 })
  reportingLevel!: string;

  @Column({ type: 'boolean', default: false })
  national!: boolean;

  /** The issued plan whose reporting obligation made this form (null for the national and the tenant's own forms). */
  @Column({ type: 'bigint', unsigned: true, nullable: true })
  planId!: string | null;

  /** Headings of the narrative sections its reports ask for (plan forms), in order. */
  @Column({ type: 'json', nullable: true })
  narrativeSections!: string[] | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
