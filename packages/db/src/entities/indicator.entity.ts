import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** An indicator a tenant added to the national catalogue (which ships in @sen/indicators). */
@Entity('tenant_indicator')
export class TenantIndicatorEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  /** The full IndicatorDefinition of @sen/indicators. */
  @Column({ type: 'json' })
  definition!: Record<string, unknown>;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
