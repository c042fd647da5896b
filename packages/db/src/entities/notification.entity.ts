import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

export type NotificationKind = 'deadline-soon' | 'overdue' | 'reconciliation-mismatch';

/**
 * An in-app notification to a unit (its users read it): a report due soon, a child unit's report overdue, or — to
 * the platform administrators' unit — totals that the nightly reconciliation found wrong (and repaired).
 */
@Entity('notification')
export class NotificationEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  reportId!: string | null;

  @Column({ type: 'varchar', length: 1000 })
  message!: string;

  /** The same in English (null for notices written before it existed). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  messageEn!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  emailedAt!: Date | null;
}
