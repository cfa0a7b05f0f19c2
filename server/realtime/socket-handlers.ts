import { z } from 'zod';
import type { IncidentService } from '../domains/incidents/incident.service.js';
import { hasPermission } from '../domains/auth/permissions.js';
import { incidentRoom, type RealtimeServer } from './socket-server.js';

const WatchInput = z.strictObject({ incidentId: z.string().regex(/^[0-9a-f]{24}$/) });

/** What a dashboard may ask over its socket; each request is validated and authorised like an API call. */
export function registerSocketHandlers(io: RealtimeServer, incidents: IncidentService): void {
  io.on('connection', (socket) => {
    socket.on('incident:watch', async (payload, reply) => {
      const respond = typeof reply === 'function' ? reply : () => undefined;
      const parsed = WatchInput.safeParse(payload);
      if (!parsed.success) return respond({ ok: false, error: 'invalid_input' });
      const { actor } = socket.data;
      if (!hasPermission(actor.roles, 'incident:read')) return respond({ ok: false, error: 'not_found' });
      try {
        await incidents.get(actor, parsed.data.incidentId);
      } catch {
        return respond({ ok: false, error: 'not_found' });
      }
      await socket.join(incidentRoom(parsed.data.incidentId));
      respond({ ok: true });
    });
    socket.on('incident:unwatch', async (payload) => {
      const parsed = WatchInput.safeParse(payload);
      if (parsed.success) await socket.leave(incidentRoom(parsed.data.incidentId));
    });
  });
}
