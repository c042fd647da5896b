import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrgUnitEntity, RoleAssignmentEntity, TenantDataSource, UserEntity } from '@sen/db';
import type { Role } from '@sen/contracts';

@Injectable()
export class UserRepository {
  constructor(private readonly data: TenantDataSource) {}

  transaction<R>(fn: (m: EntityManager) => Promise<R>): Promise<R> {
    return this.data.transaction(({ manager }) => fn(manager));
  }

  list(limit: number, offset: number): Promise<[UserEntity[], number]> {
    return this.data.repository(UserEntity).findAndCount({ order: { username: 'ASC' }, take: limit, skip: offset });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.data.repository(UserEntity).findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.data.repository(UserEntity).findOneBy({ username });
  }

  assignmentsOf(userIds: string[]): Promise<RoleAssignmentEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.data.repository(RoleAssignmentEntity).query('r').andWhere('r.userId IN (:...userIds)', { userIds }).getMany();
  }

  unitNames(ids: string[]): Promise<OrgUnitEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.data.repository(OrgUnitEntity).query('u').andWhere('u.id IN (:...ids)', { ids }).getMany();
  }

  async insert(
    user: { username: string; displayName: string; email: string | null; passwordHash: string },
    roles: { role: Role; unitId: string }[],
    m: EntityManager,
  ): Promise<string> {
    const users = this.data.repository(UserEntity).withManager(m);
    const saved = await users.save(users.create(user));
    await this.data.repository(RoleAssignmentEntity).withManager(m).insertMany(roles.map((r) => ({ ...r, userId: saved.id })));
    return saved.id;
  }

  async update(id: string, patch: Partial<Pick<UserEntity, 'displayName' | 'email' | 'status' | 'passwordHash' | 'failedLogins' | 'lockedUntil'>>, m: EntityManager): Promise<void> {
    await this.data.repository(UserEntity).withManager(m).update({ id }, patch);
  }

  async replaceRoles(userId: string, roles: { role: Role; unitId: string }[], m: EntityManager): Promise<void> {
    const repo = this.data.repository(RoleAssignmentEntity).withManager(m);
    await repo.delete({ userId });
    await repo.insertMany(roles.map((r) => ({ ...r, userId })));
  }
}
