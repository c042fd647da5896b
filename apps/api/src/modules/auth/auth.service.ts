import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { LoginRequest, LoginResponse, Role } from '@sen/contracts';
import { TenantContext, type Tenant, type UserEntity } from '@sen/db';
import type { Actor } from '../../core/auth/actor';
import { TokenService } from '../../core/auth/token.service';
import { API_CONFIG, type ApiConfig } from '../../core/config/config';
import { UnauthenticatedError } from '../../core/errors/domain-error';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AuthRepository } from './auth.repository';
import { DUMMY_HASH, verifyPassword } from './password';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const BAD_CREDENTIALS = (): UnauthenticatedError =>
  new UnauthenticatedError('Sai đơn vị, tên đăng nhập hoặc mật khẩu', 'Wrong tenant, username or password', 'INVALID_CREDENTIALS');

@Injectable()
export class AuthService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly tenants: TenantDirectory,
    private readonly repo: AuthRepository,
    private readonly tokens: TokenService,
  ) {}

  async login(req: LoginRequest): Promise<LoginResponse> {
    const tenant = await this.tenants.findByCode(req.tenant);
    if (!tenant) {
      await verifyPassword(DUMMY_HASH, req.password);
      throw BAD_CREDENTIALS();
    }
    if (tenant.status === 'absorbed') {
      throw new UnauthenticatedError('Đơn vị đã được sáp nhập; hãy đăng nhập vào đơn vị mới', 'This tenant was absorbed into another; log in there', 'TENANT_ABSORBED');
    }
    if (tenant.status !== 'active') {
      throw new UnauthenticatedError('Đơn vị đang bị tạm ngưng, không thể đăng nhập', 'This tenant is suspended', 'TENANT_SUSPENDED');
    }
    return TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'login'), async () => {
      const user = await this.repo.findUserWithHash(req.username);
      if (!user) {
        await verifyPassword(DUMMY_HASH, req.password);
        throw BAD_CREDENTIALS();
      }
      if (user.status !== 'active') {
        throw new UnauthenticatedError('Tài khoản đã bị vô hiệu hoá', 'This account is disabled', 'ACCOUNT_DISABLED');
      }
      if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
        throw new UnauthenticatedError(
          'Tài khoản tạm khoá do đăng nhập sai nhiều lần; vui lòng thử lại sau',
          'Account locked after repeated failed logins; try again later',
          'ACCOUNT_LOCKED',
        );
      }
      if (!(await verifyPassword(user.passwordHash, req.password))) {
        const failed = user.failedLogins + 1;
        const lock = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
        await this.repo.recordFailedLogin(user.id, lock ? 0 : failed, lock);
        throw BAD_CREDENTIALS();
      }
      await this.repo.recordSuccessfulLogin(user.id);
      return this.issue(tenant, user, randomUUID());
    });
  }

  /** Rotates: the presented token is spent and a new pair is issued; a spent token presented again revokes the family. */
  async refresh(refreshToken: string): Promise<LoginResponse> {
    const tenantId = refreshToken.split('.')[0] ?? '';
    const tenant = /^[0-9]+$/.test(tenantId) ? await this.tenants.findById(tenantId) : null;
    if (!tenant || tenant.status !== 'active') throw invalidRefresh();
    return TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'refresh'), async () => {
      const row = await this.repo.findRefreshToken(sha256(refreshToken));
      if (!row) throw invalidRefresh();
      if (row.revokedAt || row.usedAt) {
        await this.repo.revokeFamily(row.familyId);
        throw new UnauthenticatedError('Phiên đăng nhập đã bị thu hồi', 'Refresh token reuse detected: session revoked', 'TOKEN_REUSED');
      }
      if (row.expiresAt.getTime() <= Date.now()) throw invalidRefresh();
      if (!(await this.repo.markUsed(row.id))) {
        await this.repo.revokeFamily(row.familyId);
        throw new UnauthenticatedError('Phiên đăng nhập đã bị thu hồi', 'Refresh token reuse detected: session revoked', 'TOKEN_REUSED');
      }
      const user = await this.repo.findUser(row.userId);
      if (!user || user.status !== 'active') throw invalidRefresh();
      return this.issue(tenant, user, row.familyId);
    });
  }

  async logout(refreshToken: string): Promise<void> {
    const tenantId = refreshToken.split('.')[0] ?? '';
    const tenant = /^[0-9]+$/.test(tenantId) ? await this.tenants.findById(tenantId) : null;
    if (!tenant) return;
    await TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'logout'), async () => {
      const row = await this.repo.findRefreshToken(sha256(refreshToken));
      if (row) await this.repo.revokeFamily(row.familyId);
    });
  }

  async me(actor: Actor) {
    const tenant = await this.tenants.findById(actor.tenantId);
    const user = await this.repo.findUser(actor.userId);
    if (!tenant || !user) throw new UnauthenticatedError();
    const units = await this.repo.units(actor.unitIds);
    return {
      user: { id: user.id, username: user.username, displayName: user.displayName, tenant: tenant.code, roles: actor.roles, unitId: actor.unitIds[0] ?? null },
      tenant: { code: tenant.code, name: tenant.name, levels: tenant.levels, isCentral: tenant.isCentral },
      units: units.map((u) => ({ id: u.id, name: u.name, level: u.level })),
    };
  }

  private async issue(tenant: Tenant, user: UserEntity, familyId: string): Promise<LoginResponse> {
    const assignments = await this.repo.roleAssignments(user.id);
    const roles = [...new Set(assignments.map((a) => a.role))] as Role[];
    const unitIds = [...new Set(assignments.map((a) => a.unitId))];
    const actor: Actor = { userId: user.id, username: user.username, tenantId: tenant.id, tenantCode: tenant.code, roles, unitIds };
    // The tenant id leads the refresh token so that refresh runs in that tenant's context without a global lookup.
    const refreshToken = `${tenant.id}.${randomBytes(32).toString('base64url')}`;
    await this.repo.insertRefreshToken({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return {
      accessToken: this.tokens.signAccessToken(actor),
      refreshToken,
      user: { id: user.id, username: user.username, tenant: tenant.code, roles, unitId: unitIds[0] ?? null },
    };
  }
}

function invalidRefresh(): UnauthenticatedError {
  return new UnauthenticatedError('Phiên đăng nhập không hợp lệ hoặc đã hết hạn', 'Invalid or expired refresh token', 'INVALID_REFRESH_TOKEN');
}
