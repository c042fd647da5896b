import { z } from 'zod';
import { tenantCodeSchema } from '../common/ids';
import { levelCodeSchema } from '../org-units/org-unit.contract';

export const tenantLevelSchema = z.object({ code: levelCodeSchema, name: z.string().trim().min(1).max(64) }).strict();

export const usernameSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2–64 lower-case letters, digits, dot, dash or underscore');
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(256);

/** Onboarding a province in one step. */
export const createTenantSchema = z
  .object({
    code: tenantCodeSchema,
    name: z.string().trim().min(3).max(255),
    levels: z.array(tenantLevelSchema).min(1).max(8),
    rootUnit: z.object({ name: z.string().trim().min(1).max(255), code: z.string().trim().max(64).optional() }).strict(),
    admin: z
      .object({ username: usernameSchema, displayName: z.string().trim().min(1).max(255), password: passwordSchema, email: z.string().email().optional() })
      .strict(),
    /** Optional units, as the CSV of the unit import (code, name, level, kind, parent code). */
    unitsCsv: z.string().max(20 * 1024 * 1024).optional(),
  })
  .strict()
  .refine((t) => new Set(t.levels.map((l) => l.code)).size === t.levels.length, { message: 'level codes must be unique', path: ['levels'] });
export type CreateTenant = z.infer<typeof createTenantSchema>;

export const tenantSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.enum(['active', 'suspended', 'absorbed']),
  isCentral: z.boolean(),
  levels: z.array(z.object({ code: z.string(), name: z.string() })),
  rootUnitId: z.string().nullable(),
  createdAt: z.string(),
});
export type TenantDto = z.infer<typeof tenantSchema>;

/** `PUT /api/v1/tenants/current/settings` (tenant administrators): the tenant's choices. */
export const tenantSettingsSchema = z
  .object({
    /** Count submitted reports in the totals before they are approved (default: approved ones only). */
    countSubmitted: z.boolean(),
  })
  .strict();
export type TenantSettingsDto = z.infer<typeof tenantSettingsSchema>;

/** The settings as saved, and the recompute jobs started because the totals change with them. */
export const tenantSettingsResultSchema = tenantSettingsSchema.extend({
  recompute: z.array(z.object({ period: z.string(), jobId: z.string() })),
});
export type TenantSettingsResult = z.infer<typeof tenantSettingsResultSchema>;
