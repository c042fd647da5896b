import { Column, Entity } from 'typeorm';
import type { Role } from '@sen/contracts';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** A role bound to a unit: the user acts on that unit's subtree only. */
@Entity('role_assignment')
export class RoleAssignmentEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  userId!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ type: 'bigint', unsigned: true })
  unitId!: string;
}
