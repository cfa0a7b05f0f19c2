export interface UserEvents {
  /** Deactivated or deleted: every session ends. */
  'user.deactivated': { userId: string };
  /** A password was set: every session ends but `keepSessionId`, the one that changed its own password. */
  'user.password-changed': { userId: string; keepSessionId?: string | undefined };
  /** Roles changed: what the user may see is decided again at once. */
  'user.roles-changed': { userId: string };
}
