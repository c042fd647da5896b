import { z } from 'zod';

/** Entity ids are unsigned BIGINT in the database and travel as decimal strings (JSON numbers lose precision). */
export const idSchema = z.string().regex(/^[1-9][0-9]{0,18}$/, 'must be a positive whole-number id');
export const idParamSchema = z.object({ id: idSchema });

/** Tenant codes: short upper-case letters and digits, e.g. HN, DN, TW, QN. */
export const tenantCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]{1,15}$/, 'must be 2–16 letters or digits, e.g. HN');

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
