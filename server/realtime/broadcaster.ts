import type { Actor } from '../domains/access/actor.js';
import { canSeeIncident, type Audience } from '../domains/incidents/incident.access.js';
import type { AlertMessage, ServerToClientEvents } from './events.js';
import { incidentRoom, roleRoom, sessionRoom, userRoom, type RealtimeServer } from './socket-server.js';

/** The active users among these ids, with their roles as they are now. */
export type CurrentActors = (userIds: string[]) => Promise<Actor[]>;

type IncidentEvent = 'alert:fired' | 'alert:acknowledged' | 'alert:resolved' | 'incident:updated';

/**
 * Pushes small typed messages to the sockets of an audience. Bound to the socket.io server once it
 * exists; until then (or in a process without one) it reports that nothing was pushed.
 *
 * Need-to-know is decided when a message is sent: for a restricted incident, each socket in the rooms
 * gets it only if its user, as they are now, may see the incident as it is now.
 */
export class Broadcaster {
  private io: RealtimeServer | undefined;

  constructor(private readonly currentActors: CurrentActors = async () => []) {}

  attach(io: RealtimeServer): void {
    this.io = io;
  }

  detach(): void {
    this.io = undefined;
  }

  private rooms(audience: Audience): string[] {
    return [incidentRoom(audience.incidentId), ...audience.roles.map(roleRoom), ...audience.userIds.map(userRoom)];
  }

  /** socket.io sends once per socket even when it is in several of the rooms. */
  private async toAudience<E extends IncidentEvent>(event: E, payload: Parameters<ServerToClientEvents[E]>[0], audience: Audience): Promise<boolean> {
    const io = this.io;
    if (!io) return false;
    const rooms = this.rooms(audience);
    if (!audience.incident.restricted) {
      (io.to(rooms).emit as (e: E, p: typeof payload) => boolean)(event, payload);
      return true;
    }
    const allowed = await this.socketsThatMaySee(rooms, audience.incident);
    if (allowed.length) (io.to(allowed).emit as (e: E, p: typeof payload) => boolean)(event, payload);
    return true;
  }

  private async socketsThatMaySee(rooms: string[], incident: Audience['incident']): Promise<string[]> {
    const sockets = await this.io!.in(rooms).fetchSockets();
    const actors = new Map((await this.currentActors(sockets.map((s) => s.data.actor.id))).map((a) => [a.id, a]));
    return sockets.filter((s) => {
      const actor = actors.get(s.data.actor.id);
      return !!actor && canSeeIncident(actor, incident);
    }).map((s) => s.id);
  }

  alertFired(message: AlertMessage, audience: Audience): Promise<boolean> {
    return this.toAudience('alert:fired', message, audience);
  }

  /** An escalated alert to the people of that step (their personal rooms), chosen from their current roles. */
  alertToUsers(message: AlertMessage, userIds: string[]): boolean {
    if (!this.io || !userIds.length) return false;
    this.io.to(userIds.map(userRoom)).emit('alert:fired', message);
    return true;
  }

  /** A person's own alert (a test alert) to that person's open dashboards only; how many it reached. */
  async alertToOwnDashboards(message: AlertMessage, userId: string): Promise<number> {
    const io = this.io;
    if (!io) return 0;
    const own = (await io.in(userRoom(userId)).fetchSockets()).filter((s) => s.data.actor.id === userId).map((s) => s.id);
    if (own.length) io.to(own).emit('alert:fired', message);
    return own.length;
  }

  alertAcknowledged(payload: Parameters<ServerToClientEvents['alert:acknowledged']>[0], audience: Audience): Promise<boolean> {
    return this.toAudience('alert:acknowledged', payload, audience);
  }

  alertResolved(payload: Parameters<ServerToClientEvents['alert:resolved']>[0], audience: Audience): Promise<boolean> {
    return this.toAudience('alert:resolved', payload, audience);
  }

  incidentUpdated(payload: Parameters<ServerToClientEvents['incident:updated']>[0], audience: Audience): Promise<boolean> {
    return this.toAudience('incident:updated', payload, audience);
  }

  /** After an incident's need-to-know changed: sockets watching it whose user may no longer see it leave its room. */
  async incidentAccessChanged(audience: Audience): Promise<void> {
    if (!this.io) return;
    const room = incidentRoom(audience.incidentId);
    const watching = await this.io.in(room).fetchSockets();
    const allowed = new Set(audience.incident.restricted ? await this.socketsThatMaySee([room], audience.incident) : watching.map((s) => s.id));
    for (const socket of watching) if (!allowed.has(socket.id)) socket.leave(room);
  }

  /** After a user's roles changed: their sockets leave the rooms of roles they lost and join those of roles they gained. */
  async userAccessChanged(userId: string): Promise<void> {
    if (!this.io) return;
    const [actor] = await this.currentActors([userId]);
    const sockets = await this.io.in(userRoom(userId)).fetchSockets();
    const roleRooms = new Set((actor?.roles ?? []).map(roleRoom));
    for (const socket of sockets) {
      for (const room of socket.rooms) if (room.startsWith('role:') && !roleRooms.has(room)) socket.leave(room);
      socket.join([...roleRooms]);
    }
  }

  /** A user deactivated or their password set: their sockets drop, but those of `keepSessionId` (the session that set it). */
  disconnectUser(userId: string, keepSessionId?: string): void {
    if (!this.io) return;
    (keepSessionId ? this.io.in(userRoom(userId)).except(sessionRoom(keepSessionId)) : this.io.in(userRoom(userId))).disconnectSockets(true);
  }

  /** A session ended (sign-out, token reuse): its sockets drop. */
  disconnectSession(sessionId: string): void {
    this.io?.in(sessionRoom(sessionId)).disconnectSockets(true);
  }

  /** The dead-man's switch: every connected dashboard hears that alerts may not be firing. */
  schedulerStalled(since: Date | null, at: Date): void {
    this.io?.emit('scheduler:stalled', { since: since ? since.toISOString() : null, at: at.toISOString() });
  }

  schedulerRecovered(at: Date): void {
    this.io?.emit('scheduler:recovered', { at: at.toISOString() });
  }
}
