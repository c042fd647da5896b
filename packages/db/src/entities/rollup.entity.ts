import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The parts of @sen/indicators' RollupParts, as columns. Used by the counted value of a unit
 * (`unit_value`), by every unit's rollup of its subtree (`rollup`) and by the central comparison
 * (`national_rollup`), so that ratios stay ratios of sums and coverage stays units meeting / units.
 */
export abstract class RollupPartsColumns {
  @Column({ type: 'decimal', precision: 24, scale: 4, default: 0 })
  sum!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  count!: number;

  @Column({ type: 'decimal', precision: 24, scale: 4, default: 0 })
  numerator!: string;

  @Column({ type: 'decimal', precision: 24, scale: 4, default: 0 })
  denominator!: string;

  @Column({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  min!: string | null;

  @Column({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  max!: string | null;

  @Column({ type: 'decimal', precision: 28, scale: 4, default: 0 })
  weightedSum!: string;

  @Column({ type: 'decimal', precision: 24, scale: 4, default: 0 })
  weight!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  meeting!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  eligible!: number;

  @Column({ type: 'varchar', length: 8, nullable: true })
  latestPeriod!: string | null;

  @Column({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  latestValue!: string | null;
}

/** The value of one unit that counts in the rollups (from its latest approved — or submitted — report). */
@Entity('unit_value')
export class UnitValueEntity extends RollupPartsColumns {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'bigint', unsigned: true })
  reportId!: string;

  @Column({ type: 'int', unsigned: true })
  reportVersion!: number;
}

/** A unit's rollup of its whole subtree for one indicator and period. */
@Entity('rollup')
export class RollupEntity extends RollupPartsColumns {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}

/** A unit's counted value of one category of a sum indicator (members under 35 …), from the report whose total counts. */
@Entity('unit_category_value')
export class UnitCategoryValueEntity {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  category!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'bigint', unsigned: true })
  reportId!: string;

  @Column({ type: 'decimal', precision: 24, scale: 4, default: 0 })
  sum!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  count!: number;
}

/** A unit's total of its subtree for one category of a sum indicator (units with sub-units, and the root). */
@Entity('category_rollup')
export class CategoryRollupEntity {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  category!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'decimal', precision: 24, scale: 4, default: 0 })
  sum!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  count!: number;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}

/**
 * The tenant totals the central union compares: a copy of each tenant's root rollup. Central analysts
 * read this table (and never tenant rows); it is keyed by tenant, and global in access.
 */
@Entity('national_rollup')
export class NationalRollupEntity extends RollupPartsColumns {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  unitsExpected!: number;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}

/**
 * What the aggregation must apply, written in the same transaction as the approval that caused it:
 * a Redis outage loses no change, because the reconciler re-enqueues what is not processed.
 */
@Entity('aggregation_outbox')
export class AggregationOutboxEntity {
  @PrimaryColumn({ type: 'bigint', unsigned: true, generated: 'increment' })
  id!: string;

  @Column({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @Column({ type: 'bigint', unsigned: true })
  reportId!: string;

  @Column({ type: 'int', unsigned: true })
  reportVersion!: number;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  processedAt!: Date | null;
}
