import { grantableRoles, userFieldPath } from './roles';

describe('roles a user form offers', () => {
  it('offers a provincial administrator the provincial roles only', () => {
    expect(grantableRoles(['tenant_admin'], false)).toEqual(['tenant_admin', 'unit_manager', 'reporter', 'viewer']);
  });

  it('adds the analyst role in the central tenant and the platform role for a platform admin', () => {
    expect(grantableRoles(['tenant_admin', 'platform_admin'], true)).toEqual(['tenant_admin', 'unit_manager', 'reporter', 'viewer', 'central_analyst', 'platform_admin']);
  });

  it('maps API field names to form paths', () => {
    expect(userFieldPath('roles.1.unitId')).toEqual(['roles', 1, 'unitId']);
    expect(userFieldPath('username')).toEqual(['username']);
    expect(userFieldPath('tenant')).toBeNull();
  });
});
