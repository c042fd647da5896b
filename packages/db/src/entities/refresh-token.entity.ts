import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/**
 * A refresh token (only its SHA-256 is stored). Tokens rotate on every use; all tokens issued from one
 * login share a family, and presenting a used token again revokes the whole family (token theft).
 */
@Entity('refresh_token')
export class RefreshTokenEntity extends TenantOwnedEntity {
  @Column({ type: 'bigint', unsigned: true })
  userId!: string;

  @Column({ type: 'char', length: 36 })
  familyId!: string;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
