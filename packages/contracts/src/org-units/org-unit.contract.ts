import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common/ids';

export const UNIT_KINDS = ['union', 'department', 'affiliate'] as const;
export const unitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const UNIT_KIND_LABELS_VI: Record<UnitKind, string> = {
  union: 'Cấp Hội',
  department: 'Ban, Văn phòng, Trung tâm',
  affiliate: 'Tổ chức thành viên, đơn vị trực thuộc',
};

/** Level codes are configured per tenant; these are the usual ones (before and after the 2025 reform). */
export const levelCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, 'must be a level code such as grassroots');
export const DEFAULT_LEVEL_LABELS_VI: Record<string, string> = {
  central: 'Trung ương',
  province: 'Tỉnh, thành phố',
  district: 'Quận, huyện, thị xã',
  grassroots: 'Cơ sở (xã, phường)',
  branch: 'Chi hội',
  group: 'Tổ phụ nữ',
};

/** Fixed list item shape: `{"id","name","level","kind","parentId"}`. */
export const orgUnitListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.string(),
  kind: unitKindSchema,
  parentId: z.string().nullable(),
});
export type OrgUnitListItem = z.infer<typeof orgUnitListItemSchema>;

/**
 * Who the level above calls about a unit's reports (its chairwoman, say): name, phone and e-mail. Each may be
 * given, changed or cleared (null) on create, update and import.
 */
export const unitContactSchema = z.object({
  contactName: z.string().trim().min(1).max(255).nullable().optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 .()-]{5,30}$/, 'must be a phone number such as 0912 345 678 or +84 24 3825 1234')
    .max(32)
    .nullable()
    .optional(),
  contactEmail: z.string().trim().max(255).email().nullable().optional(),
});
export type UnitContact = z.infer<typeof unitContactSchema>;

export const orgUnitSchema = orgUnitListItemSchema.extend({
  code: z.string().nullable(),
  contactName: z.string().nullable().optional(),
  contactPhone: z.string().nullable().optional(),
  contactEmail: z.string().nullable().optional(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  childCount: z.number().int(),
  path: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgUnitListQuerySchema = z.object({
  parentId: idSchema.optional(),
  q: z.string().trim().max(100).optional(),
  level: levelCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OrgUnitListQuery = z.infer<typeof orgUnitListQuerySchema>;

export const orgUnitListResponseSchema = z.object({ items: z.array(orgUnitListItemSchema), total: z.number().int() });
export type OrgUnitListResponse = z.infer<typeof orgUnitListResponseSchema>;

export const createOrgUnitSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    code: z.string().trim().min(1).max(64).optional(),
    level: levelCodeSchema,
    kind: unitKindSchema.default('union'),
    parentId: idSchema,
    validFrom: isoDateSchema.optional(),
    ...unitContactSchema.shape,
  })
  .strict();
export type CreateOrgUnit = z.infer<typeof createOrgUnitSchema>;

/** Rename and move are the edits; each is effective from a date and kept in history. */
export const updateOrgUnitSchema = z
  .object({
    name: z.string().trim().min(1).max(255).optional(),
    code: z.string().trim().min(1).max(64).nullable().optional(),
    parentId: idSchema.optional(),
    effectiveFrom: isoDateSchema.optional(),
    ...unitContactSchema.shape,
  })
  .strict()
  .refine(
    (v) =>
      v.name !== undefined ||
      v.code !== undefined ||
      v.parentId !== undefined ||
      v.contactName !== undefined ||
      v.contactPhone !== undefined ||
      v.contactEmail !== undefined,
    { message: 'nothing to change: give name, code, parentId or a contact field' },
  );
export type UpdateOrgUnit = z.infer<typeof updateOrgUnitSchema>;

/** Merge: A and B become C (a new unit, or one of them) from a date. */
export const mergeOrgUnitsSchema = z
  .object({
    sourceIds: z.array(idSchema).min(1).max(50),
    into: z.union([
      z.object({ id: idSchema }).strict(),
      z.object({ name: z.string().trim().min(1).max(255), code: z.string().trim().max(64).optional() }).strict(),
    ]),
    effectiveFrom: isoDateSchema,
  })
  .strict();
export type MergeOrgUnits = z.infer<typeof mergeOrgUnitsSchema>;

export const importRowErrorSchema = z.object({ line: z.number().int(), field: z.string(), reason: z.string() });
export const importResultSchema = z.object({
  created: z.number().int(),
  errors: z.array(importRowErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Split: one unit becomes several new ones from a date; its current children go to the first unless mapped. */
export const splitOrgUnitSchema = z
  .object({
    into: z.array(z.object({ name: z.string().trim().min(1).max(255), code: z.string().trim().min(1).max(64).optional() }).strict()).min(2).max(20),
    /** childId → index in `into` for the children that do not go to the first new unit. */
    childrenTo: z.record(idSchema, z.number().int().min(0).max(19)).optional(),
    effectiveFrom: isoDateSchema,
  })
  .strict();
export type SplitOrgUnit = z.infer<typeof splitOrgUnitSchema>;

/** Dissolve: the unit closes the day before the date; its current children go to the successor (required if it has any). */
export const dissolveOrgUnitSchema = z.object({ effectiveFrom: isoDateSchema, successorId: idSchema.optional() }).strict();
export type DissolveOrgUnit = z.infer<typeof dissolveOrgUnitSchema>;
