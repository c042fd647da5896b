import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every table that belongs to a tenant extends this base. `tenantId` is the first column of every
 * composite index of such a table (see the migrations), and the tenant-scoped repository adds it to
 * every read and write. A test walks the entity metadata and fails for a table that does neither.
 */
export abstract class TenantOwnedEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'bigint', unsigned: true })
  tenantId!: string;
}
