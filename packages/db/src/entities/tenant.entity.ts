import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface TenantSettings {
  countSubmitted?: boolean;
}

export type TenantStatus = 'active' | 'suspended' | 'absorbed';

/** A level a tenant uses, top to bottom: province / district / grassroots / branch / group, or fewer. */
export interface TenantLevel {
  code: string;
  name: string;
}

/**
 * A provincial union (or the central union). Global, not tenant-owned: only the platform administration
 * and the login step read it, through the TenantDirectory, never through feature repositories.
 */
@Entity('tenant')
export class Tenant {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 16, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: TenantStatus;

  /** The central union compares tenants; it reads aggregates only. */
  @Column({ type: 'boolean', default: false })
  isCentral!: boolean;

  @Column({ type: 'json' })
  levels!: TenantLevel[];

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  rootUnitId!: string | null;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  absorbedIntoId!: string | null;

  /** Tenant choices: countSubmitted — count submitted reports in rollups before they are approved. */
  @Column({ type: 'json', nullable: true })
  settings!: TenantSettings | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
