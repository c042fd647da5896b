import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@sen/contracts';

/** What a request or a job knows about who acts: one store, set at the edge, read by the data layer. */
export interface TenantContextValue {
  tenantId: string;
  tenantCode: string;
  userId: string | null;
  roles: Role[];
  /** The units the actor's role assignments are bound to; the actor acts on their subtrees. */
  unitIds: string[];
  requestId: string;
}

export class TenantContextMissingError extends Error {
  constructor() {
    super('No tenant context: tenant-owned data is read only inside a request or a job that carries a tenant');
    this.name = 'TenantContextMissingError';
  }
}

const storage = new AsyncLocalStorage<TenantContextValue>();

export const TenantContext = {
  /** Runs `fn` with the given context; everything it awaits sees the same store. */
  run<T>(value: TenantContextValue, fn: () => T): T {
    return storage.run(value, fn);
  },
  /** The current context; throws outside a request or a job so a missing tenant can never mean "all tenants". */
  current(): TenantContextValue {
    const value = storage.getStore();
    if (!value) throw new TenantContextMissingError();
    return value;
  },
  tryCurrent(): TenantContextValue | undefined {
    return storage.getStore();
  },
  /** A context for system work of one tenant (jobs, seeding, the CLI). */
  system(tenantId: string, tenantCode: string, requestId = 'system'): TenantContextValue {
    return { tenantId, tenantCode, userId: null, roles: [], unitIds: [], requestId };
  },
};
