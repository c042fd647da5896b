import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Closure table of the unit tree: one row per (ancestor, descendant) pair including a unit with itself
 * (depth 0). A subtree or the ancestors of a unit is one indexed join, at 100,000 branches as at 10.
 */
@Entity('org_unit_closure')
export class OrgUnitClosureEntity {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  tenantId!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  ancestorId!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  descendantId!: string;

  @Column({ type: 'smallint', unsigned: true })
  depth!: number;
}
