import { permissionsOf } from '../access/permissions.js';
import type { User } from './user.model.js';

/** What any signed-in caller may see of a user. */
export function presentUser(user: User) {
  return {
    id: String(user._id),
    name: user.name,
    email: user.email,
    roles: [...user.roles],
    active: user.active,
    locale: user.locale,
    phone: user.phone ?? '',
    alertChannels: { email: user.alertChannels?.email ?? true, webhookUrl: user.alertChannels?.webhookUrl ?? null },
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** The signed-in user's own view, with the permissions their roles grant. */
export function presentSelf(user: User) {
  return { ...presentUser(user), permissions: permissionsOf(user.roles) };
}

export type UserView = ReturnType<typeof presentUser>;
