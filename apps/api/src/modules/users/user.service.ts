import { Injectable } from '@nestjs/common';
import type { CreateUser, Role, UpdateUser, UserDto } from '@sen/contracts';
import type { UserEntity } from '@sen/db';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { OrgUnitRepository } from '../org-units/org-unit.repository';
import { UserRepository } from './user.repository';

/** Users of a tenant, managed by its administrators; roles are bound to units of their subtree. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: OrgUnitRepository,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditService,
  ) {}

  private async toDto(list: UserEntity[]): Promise<UserDto[]> {
    const assignments = await this.users.assignmentsOf(list.map((u) => u.id));
    const names = new Map((await this.users.unitNames([...new Set(assignments.map((a) => a.unitId))])).map((u) => [u.id, u.name]));
    return list.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      status: u.status,
      locked: !!u.lockedUntil && u.lockedUntil.getTime() > Date.now(),
      roles: assignments.filter((a) => a.userId === u.id).map((a) => ({ role: a.role, unitId: a.unitId, unitName: names.get(a.unitId) ?? null })),
    }));
  }

  async list(limit: number, offset: number): Promise<{ items: UserDto[]; total: number }> {
    const [items, total] = await this.users.list(limit, offset);
    return { items: await this.toDto(items), total };
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', 'người dùng');
    return (await this.toDto([user]))[0]!;
  }

  /** Roles an actor may hand out, on units inside its own subtrees. */
  private async checkRoles(actor: Actor, roles: { role: Role; unitId: string }[]): Promise<void> {
    const tenant = await this.tenants.findById(actor.tenantId);
    for (const [i, r] of roles.entries()) {
      if (r.role === 'platform_admin' && !hasRole(actor, 'platform_admin')) {
        throw new ForbiddenError('Chỉ quản trị nền tảng mới cấp được vai trò này', 'Only a platform administrator can grant this role');
      }
      if (r.role === 'central_analyst' && !tenant?.isCentral) {
        throw new ValidationFailedError([{ field: `roles.${i}.role`, reason: 'vai trò chỉ dành cho Trung ương Hội', reasonEn: 'this role exists in the central tenant only' }]);
      }
      if (!(await this.units.findById(r.unitId)) || !(await this.units.isWithin(r.unitId, actor.unitIds))) {
        // The same answer as for any id the caller may not see: not found (field named for the form).
        throw new DomainError('NOT_FOUND', 404, 'Không tìm thấy đơn vị', 'Unit not found', [{ field: `roles.${i}.unitId`, reason: 'đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn', reasonEn: 'unknown unit or outside your scope' }]);
      }
    }
  }

  async create(actor: Actor, body: CreateUser): Promise<UserDto> {
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    await this.checkRoles(actor, body.roles);
    if (await this.users.findByUsername(body.username)) {
      throw new ConflictError('Tên đăng nhập đã tồn tại', 'The username is taken', [{ field: 'username', reason: 'đã có người dùng này', reasonEn: 'already exists' }]);
    }
    const passwordHash = await hashPassword(body.password);
    const id = await this.users.transaction(async (m) => {
      const newId = await this.users.insert({ username: body.username, displayName: body.displayName, email: body.email ?? null, passwordHash }, body.roles, m);
      await this.audit.record({ action: 'user.create', entity: 'app_user', entityId: newId, after: { username: body.username, displayName: body.displayName, roles: body.roles } }, m);
      return newId;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, body: UpdateUser): Promise<UserDto> {
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    const before = await this.get(id);
    if (body.roles) await this.checkRoles(actor, body.roles);
    if (id === actor.userId && body.status === 'disabled') {
      throw new ValidationFailedError([{ field: 'status', reason: 'không thể tự vô hiệu hoá tài khoản của mình', reasonEn: 'you cannot disable yourself' }]);
    }
    await this.users.transaction(async (m) => {
      const { roles, ...patch } = body;
      if (Object.keys(patch).length > 0) await this.users.update(id, patch, m);
      if (roles) await this.users.replaceRoles(id, roles, m);
      await this.audit.record({ action: 'user.update', entity: 'app_user', entityId: id, before, after: body }, m);
    });
    return this.get(id);
  }

  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    await this.get(id);
    const passwordHash = await hashPassword(password);
    await this.users.transaction(async (m) => {
      await this.users.update(id, { passwordHash, failedLogins: 0, lockedUntil: null }, m);
      await this.audit.record({ action: 'user.reset-password', entity: 'app_user', entityId: id }, m);
    });
  }
}
