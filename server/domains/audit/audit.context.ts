import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import type { AuditContext } from './audit.service.js';

/** The audit context of a request: who, from where, which request. */
export function auditContext(req: Request, actor?: Actor): AuditContext {
  const who = actor ?? req.actor;
  return { actor: { id: who?.id ?? null, email: who?.email ?? null }, ip: req.ip ?? null, requestId: req.id };
}
