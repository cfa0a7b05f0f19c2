import { z } from 'zod';
import { ROLES } from './permissions.js';

export const LoginBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});

export const RefreshBody = z.strictObject({ refreshToken: z.string().min(20).max(200).optional() });

export const SessionView = z.object({
  accessToken: z.string(),
  expiresAt: z.string(),
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.string()),
  }),
});
