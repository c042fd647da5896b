import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** Every value change of a report: who, when, old and new. Append-only. */
@Entity('report_value_change')
export class ReportValueChangeEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  reportId!: string;

  @Column({ type: 'varchar', length: 64 })
  indicatorCode!: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  category!: string;

  @Column({ type: 'json', nullable: true })
  oldValue!: unknown;

  @Column({ type: 'json', nullable: true })
  newValue!: unknown;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  userId!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
