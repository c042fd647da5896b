import { z } from 'zod';
import { roleSchema } from '../auth/auth.contract';
import { idSchema } from '../common/ids';
import { passwordSchema, usernameSchema } from '../tenants/tenant.contract';

export const roleAssignmentInputSchema = z.object({ role: roleSchema, unitId: idSchema }).strict();

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(255),
    email: z.string().email().optional(),
    password: passwordSchema,
    roles: z.array(roleAssignmentInputSchema).min(1).max(20),
  })
  .strict();
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(255).optional(),
    email: z.string().email().nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
    roles: z.array(roleAssignmentInputSchema).min(1).max(20).optional(),
  })
  .strict();
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema }).strict();

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  roles: z.array(z.object({ role: roleSchema, unitId: z.string(), unitName: z.string().nullable() })),
});
export type UserDto = z.infer<typeof userSchema>;
