import { z } from 'zod';
import { can, route, type AnyRoute } from '../../http/route.js';
import type { AuditService } from './audit.service.js';

const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(40).optional(),
});

export function auditRoutes(audit: AuditService): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/audit', summary: 'Audit entries, newest first', tag: 'audit', access: can('audit:read'), query: AuditQuery,
      handle: async ({ query }) => {
        const entries = await audit.list(query);
        return {
          entries: entries.map((e) => ({
            seq: e.seq, at: e.at.toISOString(), actor: e.actor, action: e.action, target: e.target,
            requestId: e.requestId, changes: e.changes, hash: e.hash, prevHash: e.prevHash,
          })),
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
