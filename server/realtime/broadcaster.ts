import type { Audience } from '../domains/incidents/incident.access.js';
import type { AlertMessage, ServerToClientEvents } from './events.js';
import { incidentRoom, roleRoom, userRoom, type RealtimeServer } from './socket-server.js';

/**
 * Pushes small typed messages to the sockets of an audience. Bound to the socket.io server once it
 * exists; until then (or in a process without one) it reports that nothing was pushed.
 */
export class Broadcaster {
  private io: RealtimeServer | undefined;

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
  alertFired(message: AlertMessage, audience: Audience): boolean {
    if (!this.io) return false;
    this.io.to(this.rooms(audience)).emit('alert:fired', message);
    return true;
  }

  /** An escalated alert to the people of that step (their personal rooms). */
  alertToUsers(message: AlertMessage, userIds: string[]): boolean {
    if (!this.io || !userIds.length) return false;
    this.io.to(userIds.map(userRoom)).emit('alert:fired', message);
    return true;
  }

  alertAcknowledged(payload: Parameters<ServerToClientEvents['alert:acknowledged']>[0], audience: Audience): boolean {
    if (!this.io) return false;
    this.io.to(this.rooms(audience)).emit('alert:acknowledged', payload);
    return true;
  }

  /** The dead-man's switch: every connected dashboard hears that alerts may not be firing. */
  schedulerStalled(since: Date | null, at: Date): void {
    this.io?.emit('scheduler:stalled', { since: since ? since.toISOString() : null, at: at.toISOString() });
  }

  schedulerRecovered(at: Date): void {
    this.io?.emit('scheduler:recovered', { at: at.toISOString() });
  }

  incidentUpdated(payload: Parameters<ServerToClientEvents['incident:updated']>[0], audience: Audience): boolean {
    if (!this.io) return false;
    this.io.to(this.rooms(audience)).emit('incident:updated', payload);
    return true;
  }
}
