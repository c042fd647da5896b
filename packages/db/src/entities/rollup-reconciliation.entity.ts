import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** What a reconciliation compared and found, per kind of row (see reconcileTenantPeriod in the aggregation). */
export interface ReconciliationDetails {
  /** Counted values (unit_value) that differ from those rebuilt from the reports. */
  values: number;
  /** Rollup rows that differ from a GROUP BY of the counted values over the closure table. */
  rollups: number;
  /** Counted values and rollups per category that differ. */
  categories: number;
  /** Lines of the central totals (national_rollup) that differ from the tenant's root total. */
  national: number;
}

/**
 * One reconciliation of a tenant's period (the nightly job, or one asked for): when, what was checked, how many rows
 * differed, and whether the recompute that followed a difference repaired it.
 */
@Entity('rollup_reconciliation')
export class RollupReconciliationEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 8 })
  period!: string;

  /** `nightly` or `on-demand`. */
  @Column({ type: 'varchar', length: 16 })
  triggerKind!: string;

  @Column({ type: 'datetime', precision: 3 })
  startedAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  finishedAt!: Date;

  @Column({ type: 'int', unsigned: true, default: 0 })
  rowsChecked!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  mismatches!: number;

  @Column({ type: 'json', nullable: true })
  details!: ReconciliationDetails | null;

  @Column({ type: 'boolean', default: false })
  repaired!: boolean;
}
