import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One indicator value of a report (a ratio has numerator and denominator; categories for disaggregation). */
@Entity('report_value')
export class ReportValueEntity {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  reportId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  indicatorCode!: string;

  /** '' for the total; a category code for disaggregated values. */
  @PrimaryColumn({ type: 'varchar', length: 32, default: '' })
  category!: string;

  @Column({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  value!: string | null;

  @Column({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  numerator!: string | null;

  @Column({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  denominator!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}
