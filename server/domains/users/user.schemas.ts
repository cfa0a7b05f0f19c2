import { z } from 'zod';
import { ROLES } from '../access/permissions.js';
import { ObjectIdString } from '../../lib/ids.js';
import { problemCode } from '../../http/refusal.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.rules.js';

export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const Email = z.email(problemCode('field.not-an-email')).max(254);

export const RoleList = z.array(z.enum(ROLES)).max(ROLES.length).refine((r) => new Set(r).size === r.length, problemCode('field.repeats'));

export const CreateUser = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: Email,
  roles: RoleList.min(1),
  password: Password,
  phone: z.string().trim().max(40).optional(),
  locale: z.enum(['nb', 'en']).optional(),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    roles: RoleList.min(1),
    active: z.boolean(),
    phone: z.string().trim().max(40),
    locale: z.enum(['nb', 'en']),
    alertChannels: z.strictObject({ email: z.boolean(), webhookUrl: z.url({ protocol: /^https?$/ }).nullable() }),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, problemCode('field.nothing-to-change'));
export type UpdateUser = z.infer<typeof UpdateUser>;

export const SetPassword = z.strictObject({ password: Password });

export const ChangeOwnPassword = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });

export const UserIdParams = z.object({ id: ObjectIdString() });

export const UserView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  locale: z.enum(['nb', 'en']),
  /** Where the on-call rota and the DPO contact point reach them; only admins and the user see it. */
  phone: z.string(),
  alertChannels: z.object({ email: z.boolean(), webhookUrl: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
