import { z } from 'zod';
import { tenantCodeSchema } from '../common/ids';

export const ROLES = ['platform_admin', 'central_analyst', 'tenant_admin', 'unit_manager', 'reporter', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS_VI: Record<Role, string> = {
  platform_admin: 'Quản trị nền tảng',
  central_analyst: 'Chuyên viên phân tích Trung ương',
  tenant_admin: 'Quản trị đơn vị (tỉnh/thành)',
  unit_manager: 'Quản lý đơn vị',
  reporter: 'Người báo cáo',
  viewer: 'Người xem',
};

export const loginRequestSchema = z.object({
  tenant: tenantCodeSchema,
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  tenant: z.string(),
  roles: z.array(roleSchema),
  unitId: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Fixed: outside clients depend on this shape. */
export const loginResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  user: sessionUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(512) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;
