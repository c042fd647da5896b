import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

export type OrgUnitEventType = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve' | 'absorb';

/** History of the hierarchy: every operation with the date it takes effect. Append-only. */
@Entity('org_unit_event')
export class OrgUnitEventEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  unitId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: OrgUnitEventType;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'json' })
  data!: Record<string, unknown>;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  userId!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
