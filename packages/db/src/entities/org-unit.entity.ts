import { Column, Entity } from 'typeorm';
import type { UnitKind } from '@sen/contracts';
import { TenantOwnedEntity } from './tenant-owned.entity';

/**
 * A unit of a union's hierarchy (OrgUnit): the province union, its departments, the former districts,
 * the communes (cơ sở), branches (chi hội) and groups. A unit has a validity interval: units that were
 * merged or dissolved keep their rows (with validTo and successorId) so their history still rolls up.
 */
@Entity('org_unit')
export class OrgUnitEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** `foldVietnamese(name)`: search ignores diacritics and case in every engine. */
  @Column({ type: 'varchar', length: 255 })
  nameFolded!: string;

  /** `vietnameseSortKey(name)`: lists sort in Vietnamese order with a plain bytewise ORDER BY. */
  @Column({ type: 'varchar', length: 500, charset: 'ascii', collation: 'ascii_bin' })
  sortKey!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  code!: string | null;

  @Column({ type: 'varchar', length: 32 })
  level!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: UnitKind;

  @Column({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  /** The unit that took this one over (merge, dissolution into another). */
  @Column({ type: 'bigint', unsigned: true, nullable: true })
  successorId!: string | null;

  /** The person the level above calls about the unit's reports (e.g. its chairwoman), with phone and e-mail. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
