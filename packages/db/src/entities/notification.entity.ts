import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

export type NotificationKind = 'deadline-soon' | 'overdue';

/** An in-app notification to a unit (its users read it): a report due soon, or a child unit's report overdue. */
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

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  emailedAt!: Date | null;
}
