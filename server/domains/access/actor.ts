import type { Role } from './permissions.js';

/** The signed-in caller as every service sees it; roles as the database holds them when the request is authenticated. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** The session a request or socket came with; absent for actors not signed in (ack links, jobs). */
  sessionId?: string;
}

/** A stored user as an actor (without a session). */
export const actorOf = (user: { _id: unknown; email: string; name: string; roles: readonly Role[] }): Actor => ({
  id: String(user._id), email: user.email, name: user.name, roles: [...user.roles],
});
