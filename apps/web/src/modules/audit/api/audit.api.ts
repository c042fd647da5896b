import type { ApiClient } from '../../../lib/api-client';

/** One entry of GET /api/v1/audit-log. */
export interface AuditEntry {
  id: string;
  userId: string | null;
  unitId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface AuditListResponse {
  items: AuditEntry[];
  total: number;
}

export const auditKeys = {
  list: (limit: number, offset: number, entity?: string) => ['audit', limit, offset, entity ?? null] as const,
};

export function listAudit(client: ApiClient, q: { limit: number; offset: number; entity?: string }, signal?: AbortSignal) {
  return client.get<AuditListResponse>('/api/v1/audit-log', q, signal);
}
