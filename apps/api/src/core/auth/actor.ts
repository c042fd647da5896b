import type { Role } from '@sen/contracts';

/** Who is acting, as resolved from the access token at the edge. */
export interface Actor {
  userId: string;
  username: string;
  tenantId: string;
  tenantCode: string;
  roles: Role[];
  /** The units the user's role assignments are bound to: the user acts on their subtrees only. */
  unitIds: string[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
