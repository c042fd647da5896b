import type { Role } from '@sen/contracts';

/** One entry of the side menu: its route, the i18n key of its label and who may see it. */
export interface MenuEntry {
  key: string;
  labelKey: string;
  /** Any of these roles shows the entry; empty = every signed-in user. */
  roles: readonly Role[];
  /** An entry that does something instead of opening a page of the app (its key is then not a route). */
  action?: 'queue-board';
}

/** The key of the entry that opens the queue dashboard (Bull Board, outside the app) in a new tab. */
export const QUEUE_BOARD_KEY = '#queue-board';

export const MENU: readonly MenuEntry[] = [
  { key: '/', labelKey: 'nav.dashboard', roles: [] },
  { key: '/dashboard/plan-progress', labelKey: 'nav.planProgress', roles: [] },
  { key: '/dashboard/below-threshold', labelKey: 'nav.belowThreshold', roles: [] },
  { key: '/org-units', labelKey: 'nav.orgUnits', roles: [] },
  { key: '/indicators', labelKey: 'nav.indicators', roles: [] },
  { key: '/plans', labelKey: 'nav.plans', roles: [] },
  { key: '/reports', labelKey: 'nav.reports', roles: [] },
  { key: '/reports/summary', labelKey: 'nav.summaryReports', roles: [] },
  { key: '/rollups', labelKey: 'nav.rollups', roles: [] },
  { key: '/central', labelKey: 'nav.central', roles: ['central_analyst'] },
  { key: '/users', labelKey: 'nav.users', roles: ['tenant_admin'] },
  { key: '/audit', labelKey: 'nav.audit', roles: ['tenant_admin'] },
  { key: '/tenants', labelKey: 'nav.tenants', roles: ['platform_admin'] },
  { key: QUEUE_BOARD_KEY, labelKey: 'queueBoard.menu', roles: ['platform_admin'], action: 'queue-board' },
];

export function allowed(entryRoles: readonly Role[], roles: readonly Role[] | undefined): boolean {
  return entryRoles.length === 0 || entryRoles.some((r) => roles?.includes(r));
}

/** The menu entries a user with these roles sees, in menu order. */
export function menuFor(roles: readonly Role[] | undefined): MenuEntry[] {
  return MENU.filter((e) => allowed(e.roles, roles));
}

/** The menu entry a path belongs to ("/reports/12" → "/reports"). */
export function selectedMenuKey(pathname: string): string {
  const match = MENU.filter((e) => e.key !== '/' && (pathname === e.key || pathname.startsWith(`${e.key}/`)));
  return match.sort((a, b) => b.key.length - a.key.length)[0]?.key ?? '/';
}
