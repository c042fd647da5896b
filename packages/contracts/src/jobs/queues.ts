import { z } from 'zod';
import { idSchema } from '../common/ids';

/**
 * Queue names and job payloads shared by the api (producer) and the worker (consumer). Payloads are
 * ids plus the tenant: a handler re-loads state and runs inside that tenant's context.
 */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

export const purgeExpiredSessionsJobSchema = z.object({ tenantId: idSchema }).strict();
export type PurgeExpiredSessionsPayload = z.infer<typeof purgeExpiredSessionsJobSchema>;

export const JOB_NAMES = {
  purgeExpiredSessions: 'purge-expired-sessions',
  scheduleMaintenance: 'schedule-maintenance',
} as const;

/** BullMQ rejects ':' in custom job ids; ids are built from parts joined with '__'. */
export function jobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '-')).join('__');
}
