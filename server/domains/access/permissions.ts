/** The roles a user may hold (several at once). */
export const ROLES = ['analyst', 'oncall', 'manager', 'dpo', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The one statement of who may do what. Every route and socket event names one of these permissions;
 * nothing else grants access.
 */
export const PERMISSIONS = {
  'incident:read': ['analyst', 'oncall', 'manager', 'dpo', 'admin'],
  'incident:create': ['analyst', 'manager', 'dpo'],
  'incident:update': ['analyst', 'oncall', 'manager', 'dpo'],
  /** See incidents marked restricted (need-to-know) without being assigned to them. */
  'incident:read-restricted': ['manager', 'dpo'],
  /** Record "not notifiable", notification decisions and overrides. */
  'incident:decide': ['manager', 'dpo'],
  'submission:record': ['analyst', 'manager', 'dpo'],
  'assessment:run': ['analyst', 'manager', 'dpo'],
  'notice:draft': ['analyst', 'manager', 'dpo'],
  'notice:approve': ['manager', 'dpo'],
  /** The DPO owns the notices' wording, so proposes changes to it too; a manager other than the author approves. */
  'template:draft': ['analyst', 'manager', 'dpo'],
  'template:approve': ['manager'],
  'alert:read': ['analyst', 'oncall', 'manager', 'dpo', 'admin'],
  'alert:ack': ['oncall', 'analyst', 'manager', 'dpo'],
  'register:export': ['analyst', 'manager', 'dpo'],
  'user:manage': ['admin'],
  'rota:manage': ['admin', 'manager'],
  'audit:read': ['admin', 'dpo'],
  'audit:verify': ['admin', 'dpo'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when any of the roles grants the permission. */
export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** Every permission the roles grant, for the client to shape its menus (the server still checks each call). */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(roles, p));
}
