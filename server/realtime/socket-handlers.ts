import { z } from 'zod';
import { presentAlertMessage } from '../domains/alerts/alert.presenter.js';
import type { AlertService } from '../domains/alerts/alert.service.js';
import type { AlertDispatcher } from '../domains/alerts/dispatcher.js';
import type { IncidentService } from '../domains/incidents/incident.service.js';
import { hasPermission } from '../domains/access/permissions.js';
import { incidentRoom, type RealtimeServer, type RealtimeSocket } from './socket-server.js';
import { ObjectIdString } from '../lib/ids.js';

const WatchInput = z.strictObject({ incidentId: ObjectIdString() });
const ReplayInput = z.strictObject({ since: z.iso.datetime({ offset: true }) });
const REPLAY_LIMIT = 500;

type Reply = (answer: unknown) => void;
const replier = (reply: unknown): Reply => (typeof reply === 'function' ? (reply as Reply) : () => undefined);

/**
 * What a dashboard may ask over its socket; each request is validated and authorised like an API call.
 * The listeners are made once and shared by every socket (socket.io calls them with the socket as
 * `this`), so a connection costs no closures of its own.
 */
export function registerSocketHandlers(io: RealtimeServer, incidents: IncidentService, alerts: AlertService, dispatcher: Pick<AlertDispatcher, 'toldOf'>): void {
  async function watch(this: RealtimeSocket, payload: unknown, reply: unknown) {
    const respond = replier(reply);
    const parsed = WatchInput.safeParse(payload);
    if (!parsed.success) return respond({ ok: false, error: 'invalid_input' });
    const { actor } = this.data;
    if (!hasPermission(actor.roles, 'incident:read')) return respond({ ok: false, error: 'not_found' });
    if (!(await incidents.canSee(actor, parsed.data.incidentId))) return respond({ ok: false, error: 'not_found' });
    await this.join(incidentRoom(parsed.data.incidentId));
    respond({ ok: true });
  }

  async function replay(this: RealtimeSocket, payload: unknown, reply: unknown) {
    const respond = replier(reply);
    const parsed = ReplayInput.safeParse(payload);
    const { actor } = this.data;
    if (!parsed.success || !hasPermission(actor.roles, 'alert:read')) return respond({ ok: false, error: 'invalid_input' });
    // Decided from the incidents as they are now: an alert fired before a restriction is not replayed to those it now excludes.
    const visible = new Map<string, boolean>();
    const replayed = [];
    for (const alert of await alerts.since(new Date(parsed.data.since), REPLAY_LIMIT)) {
      if (!visible.has(alert.incidentId)) visible.set(alert.incidentId, await incidents.canSee(actor, alert.incidentId));
      if (visible.get(alert.incidentId)) replayed.push(alert);
    }
    // By now the deliveries have gone out: the replay says who was told.
    const told = await dispatcher.toldOf(replayed.map((a) => String(a._id)));
    respond({ ok: true, alerts: replayed.map((a) => presentAlertMessage(a, told.get(String(a._id)) ?? [])) });
  }

  async function unwatch(this: RealtimeSocket, payload: unknown) {
    const parsed = WatchInput.safeParse(payload);
    if (parsed.success) await this.leave(incidentRoom(parsed.data.incidentId));
  }

  io.on('connection', (socket) => {
    socket.on('incident:watch', watch);
    socket.on('alerts:replay', replay);
    socket.on('incident:unwatch', unwatch);
  });
}
