import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'returned';

/** A unit's report for one form and one period: values, narrative, and where it is in the workflow. */
@Entity('report')
export class ReportEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  formId!: string;

  @Column({ type: 'varchar', length: 32 })
  formCode!: string;

  @Column({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'varchar', length: 8 })
  period!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: ReportStatus;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  /** Narrative sections: { heading: text }. */
  @Column({ type: 'json', nullable: true })
  narrative!: Record<string, string> | null;

  /** Comments justifying warnings (outliers), by indicator code. */
  @Column({ type: 'json', nullable: true })
  warningComments!: Record<string, string> | null;

  @Column({ type: 'text', nullable: true })
  returnComment!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  approvedBy!: string | null;

  /** Bumped by every change of status or values: optimistic locking and the aggregation's version. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  version!: number;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}
