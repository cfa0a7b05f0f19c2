import { z } from 'zod';
import { can, route, type AnyRoute } from '../../http/route.js';
import type { Actor } from '../access/actor.js';
import type { AuditEntry } from './audit.model.js';
import type { AuditService } from './audit.service.js';

const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(40).optional(),
});

/**
 * Which of these audit targets concern an incident the actor may not see (need-to-know): their entries
 * are listed with the changes left out. Keys are "type:id".
 */
export type ConcealedTargets = (actor: Actor, targets: AuditEntry['target'][]) => Promise<Set<string>>;

export const targetKey = (target: AuditEntry['target']) => `${target.type}:${target.id ?? ''}`;

export function auditRoutes(audit: AuditService, concealedTargets: ConcealedTargets): AnyRoute[] {
  return [
    route<Actor, undefined, typeof AuditQuery>({
      method: 'get', path: '/audit', summary: 'Audit entries, newest first (what they record is left out for incidents you may not see)', tag: 'audit',
      access: can('audit:read'), query: AuditQuery,
      handle: async ({ query, actor }) => {
        const entries = await audit.list(query);
        const concealed = await concealedTargets(actor, entries.map((e) => e.target));
        return {
          entries: entries.map((e) => {
            const hidden = concealed.has(targetKey(e.target));
            return {
              seq: e.seq, at: e.at.toISOString(), actor: e.actor, action: e.action, target: e.target,
              requestId: e.requestId, changes: hidden ? [] : e.changes, concealed: hidden, hash: e.hash, prevHash: e.prevHash,
            };
          }),
          nextBeforeSeq: entries.length === query.limit ? entries[entries.length - 1]?.seq : null,
        };
      },
    }),
    route({
      method: 'get', path: '/audit/verify', summary: 'Walk the hash chain and name the first broken entry', tag: 'audit', access: can('audit:verify'),
      handle: () => audit.verify(),
    }),
  ];
}
