import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

export type SummaryReportStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * A summary report (báo cáo tổng hợp) of a unit's subtree for a period, generated as DOCX by a worker job.
 * The file lives in the row (LONGBLOB) so that any api replica can serve it; lists never select it.
 */
@Entity('summary_report')
export class SummaryReportEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'varchar', length: 8 })
  period!: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: SummaryReportStatus;

  /** 0–100, written by the job as it goes. */
  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  progress!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  errorEn!: string | null;

  @Column({ type: 'longblob', nullable: true, select: false })
  file!: Buffer | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  fileSize!: number | null;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;
}
