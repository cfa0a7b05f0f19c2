import { z } from 'zod';
import { presentAlertMessage, type AlertService } from '../domains/alerts/alert.service.js';
import type { IncidentService } from '../domains/incidents/incident.service.js';
import { hasPermission } from '../domains/auth/permissions.js';
import { incidentRoom, type RealtimeServer } from './socket-server.js';
import { ObjectIdString } from '../lib/ids.js';

const WatchInput = z.strictObject({ incidentId: ObjectIdString() });
const ReplayInput = z.strictObject({ since: z.iso.datetime({ offset: true }) });
const REPLAY_LIMIT = 500;

/** What a dashboard may ask over its socket; each request is validated and authorised like an API call. */
export function registerSocketHandlers(io: RealtimeServer, incidents: IncidentService, alerts: AlertService): void {
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
    socket.on('alerts:replay', async (payload, reply) => {
      const respond = typeof reply === 'function' ? reply : () => undefined;
      const parsed = ReplayInput.safeParse(payload);
      const { actor } = socket.data;
      if (!parsed.success || !hasPermission(actor.roles, 'alert:read')) return respond({ ok: false, error: 'invalid_input' });
      const visible = new Map<string, boolean>();
      const out = [];
      for (const alert of await alerts.since(new Date(parsed.data.since), REPLAY_LIMIT)) {
        if (!visible.has(alert.incidentId)) {
          visible.set(alert.incidentId, !alert.restricted || (await incidents.get(actor, alert.incidentId).then(() => true, () => false)));
        }
        if (visible.get(alert.incidentId)) out.push(presentAlertMessage(alert));
      }
      respond({ ok: true, alerts: out });
    });
    socket.on('incident:unwatch', async (payload) => {
      const parsed = WatchInput.safeParse(payload);
      if (parsed.success) await socket.leave(incidentRoom(parsed.data.incidentId));
    });
  });
}
