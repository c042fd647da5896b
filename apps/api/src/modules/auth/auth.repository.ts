import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import {
  OrgUnitEntity,
  RefreshTokenEntity,
  RoleAssignmentEntity,
  TenantDataSource,
  UserEntity,
} from '@sen/db';

/** Users, their role assignments and refresh tokens, always within the current tenant context. */
@Injectable()
export class AuthRepository {
  constructor(private readonly data: TenantDataSource) {}

  findUserWithHash(username: string): Promise<UserEntity | null> {
    return this.data
      .repository(UserEntity)
      .query('u')
      .addSelect('u.passwordHash')
      .andWhere('u.username = :username', { username })
      .getOne();
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.data.repository(UserEntity).findOneBy({ id });
  }

  roleAssignments(userId: string): Promise<RoleAssignmentEntity[]> {
    return this.data.repository(RoleAssignmentEntity).find({ where: { userId }, order: { id: 'ASC' } });
  }

  units(ids: string[]): Promise<OrgUnitEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.data.repository(OrgUnitEntity).query('u').andWhere('u.id IN (:...ids)', { ids }).getMany();
  }

  async recordFailedLogin(userId: string, failedLogins: number, lockedUntil: Date | null): Promise<void> {
    await this.data.repository(UserEntity).update({ id: userId }, { failedLogins, lockedUntil });
  }

  async recordSuccessfulLogin(userId: string): Promise<void> {
    await this.data.repository(UserEntity).update({ id: userId }, { failedLogins: 0, lockedUntil: null });
  }

  async insertRefreshToken(row: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.data.repository(RefreshTokenEntity).insertMany([row]);
  }

  findRefreshToken(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.data.repository(RefreshTokenEntity).findOneBy({ tokenHash });
  }

  /** Marks a token used only if nobody used it first: two concurrent refreshes cannot both win. */
  async markUsed(id: string): Promise<boolean> {
    const affected = await this.data.repository(RefreshTokenEntity).update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: new Date() });
    return affected === 1;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.data.repository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
