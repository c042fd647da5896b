import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** Every write: who, when, which tenant and unit, before and after. Append-only (no update, no delete). */
@Entity('audit_log')
export class AuditLogEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true, nullable: true })
  userId!: string | null;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  unitId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  entity!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'json', nullable: true })
  before!: unknown;

  @Column({ type: 'json', nullable: true })
  after!: unknown;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
