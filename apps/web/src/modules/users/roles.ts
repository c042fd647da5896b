import type { Role } from '@sen/contracts';

/** Roles a tenant administrator may hand out here: platform roles only by a platform admin, the analyst role only centrally. */
export function grantableRoles(actorRoles: readonly Role[] | undefined, isCentralTenant: boolean): Role[] {
  const roles: Role[] = ['tenant_admin', 'unit_manager', 'reporter', 'viewer'];
  if (isCentralTenant) roles.push('central_analyst');
  if (actorRoles?.includes('platform_admin')) roles.push('platform_admin');
  return roles;
}

/** API field names of a user form ("roles.1.unitId") → antd form name paths. */
export function userFieldPath(field: string): (string | number)[] | null {
  const m = /^roles\.(\d+)\.(role|unitId)$/.exec(field);
  if (m) return ['roles', Number(m[1]), m[2]!];
  if (['username', 'displayName', 'email', 'password', 'status', 'roles'].includes(field)) return [field];
  return null;
}
