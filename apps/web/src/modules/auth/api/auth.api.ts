import type { Role, SessionUser } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';
import type { TenantLevel } from '../../../lib/labels';

/** GET /api/v1/auth/me */
export interface MeResponse {
  user: SessionUser & { displayName?: string | null };
  tenant: { code: string; name: string; levels: TenantLevel[]; isCentral?: boolean };
  /** The units the user's roles are bound to: the roots of what they can see. */
  units: { id: string; name: string; level: string }[];
}

export const authKeys = {
  me: ['auth', 'me'] as const,
};

export function fetchMe(client: ApiClient, signal?: AbortSignal): Promise<MeResponse> {
  return client.get<MeResponse>('/api/v1/auth/me', undefined, signal);
}

/** Roles allowed to change the unit tree. */
export const UNIT_WRITE_ROLES: Role[] = ['tenant_admin', 'unit_manager'];

export function canEditUnits(roles: readonly Role[] | undefined): boolean {
  return !!roles?.some((r) => UNIT_WRITE_ROLES.includes(r));
}
