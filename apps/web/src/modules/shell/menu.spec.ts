import { menuFor, QUEUE_BOARD_KEY, selectedMenuKey } from './menu';

const keys = (roles: Parameters<typeof menuFor>[0]) => menuFor(roles).map((e) => e.key);

describe('side menu by role', () => {
  it('shows a reporter the shared screens only', () => {
    expect(keys(['reporter'])).toEqual(['/', '/dashboard/plan-progress', '/dashboard/below-threshold', '/org-units', '/indicators', '/plans', '/reports', '/reports/summary', '/rollups']);
  });

  it('adds users and the audit log for a tenant administrator, not the platform or central screens', () => {
    const k = keys(['tenant_admin']);
    expect(k).toEqual(expect.arrayContaining(['/users', '/audit']));
    expect(k).not.toContain('/tenants');
    expect(k).not.toContain('/central');
  });

  it('shows the central administrator (TW) every screen, in menu order', () => {
    expect(keys(['tenant_admin', 'platform_admin', 'central_analyst'])).toEqual([
      '/',
      '/dashboard/plan-progress',
      '/dashboard/below-threshold',
      '/org-units',
      '/indicators',
      '/plans',
      '/reports',
      '/reports/summary',
      '/rollups',
      '/central',
      '/users',
      '/audit',
      '/tenants',
      QUEUE_BOARD_KEY,
    ]);
  });

  it('leads platform administrators only to the queue dashboard, an action rather than a page of the app', () => {
    expect(keys(['tenant_admin'])).not.toContain(QUEUE_BOARD_KEY);
    expect(keys(['unit_manager', 'reporter'])).not.toContain(QUEUE_BOARD_KEY);
    const entry = menuFor(['platform_admin']).find((e) => e.key === QUEUE_BOARD_KEY);
    expect(entry?.action).toBe('queue-board');
    // Never taken for a route: no path selects it.
    expect(selectedMenuKey('/admin/queues')).toBe('/');
  });

  it('gives a central analyst the comparison without the administration', () => {
    expect(keys(['central_analyst', 'viewer'])).toContain('/central');
    expect(keys(['central_analyst', 'viewer'])).not.toContain('/users');
  });

  it('shows the shared screens while the roles are unknown', () => {
    expect(keys(undefined)).toEqual(['/', '/dashboard/plan-progress', '/dashboard/below-threshold', '/org-units', '/indicators', '/plans', '/reports', '/reports/summary', '/rollups']);
  });

  it('selects the entry a path belongs to', () => {
    expect(selectedMenuKey('/')).toBe('/');
    expect(selectedMenuKey('/reports/12')).toBe('/reports');
    expect(selectedMenuKey('/reports/completeness')).toBe('/reports');
    expect(selectedMenuKey('/tenants/new')).toBe('/tenants');
    expect(selectedMenuKey('/org-units/5')).toBe('/org-units');
    expect(selectedMenuKey('/reportsx')).toBe('/');
    expect(selectedMenuKey('/nowhere')).toBe('/');
  });
});
