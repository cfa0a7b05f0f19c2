import type { Request } from 'express';
import type { Access, Guard } from '../../http/route.js';
import { refused, words } from '../../http/refusal.js';
import type { Actor } from '../access/actor.js';
import { hasPermission, type Permission } from '../access/permissions.js';
import type { AuthService } from './auth.service.js';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header && /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  return match ? match[1] : undefined;
}

/** Authenticates the caller from the bearer token and checks the route's permission against the permission table. */
export function createGuard(auth: AuthService): Guard {
  return async (req: Request, access: Access) => {
    if (access.kind === 'public') return undefined;
    const token = bearerToken(req);
    if (!token) throw refused(401, 'unauthorized', words('refused.sign-in'));
    const { actor } = await auth.actorFromToken(token);
    req.actor = actor;
    if (access.kind === 'permission' && !hasPermission(actor.roles, access.permission as Permission)) {
      throw refused(403, 'forbidden');
    }
    return actor;
  };
}

export { auditContext } from '../audit/audit.context.js';
