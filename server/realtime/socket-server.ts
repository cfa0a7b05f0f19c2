import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Actor, AuthService } from '../domains/auth/auth.service.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { ClientToServerEvents, ServerToClientEvents } from './events.js';

export interface SocketData {
  actor: Actor;
  expiresAt: Date;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** How often sockets are checked for an expired token (besides at every event they send). */
const EXPIRY_SWEEP_MS = 15_000;

function dropIfExpired(socket: RealtimeSocket, now: Date): boolean {
  if (socket.data.expiresAt.getTime() > now.getTime()) return false;
  socket.emit('session:expired', { at: now.toISOString() });
  socket.disconnect(true);
  return true;
}

/** Tells every socket whose token has expired by `now` so, and drops it; returns how many. */
export function dropExpiredSockets(io: RealtimeServer, now: Date): number {
  let dropped = 0;
  for (const socket of io.of('/').sockets.values()) if (dropIfExpired(socket, now)) dropped++;
  return dropped;
}

export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const roleRoom = (role: string) => `role:${role}`;
export const incidentRoom = (incidentId: string) => `incident:${incidentId}`;

/**
 * socket.io on the service's HTTP server, same origin only. The handshake carries the same access token
 * as the API and is verified the same way; a socket is dropped when its token expires or its user is
 * deactivated. Sockets join a room per user and per role; incident rooms are joined through an
 * authorised event.
 */
export function createSocketServer(httpServer: HttpServer, auth: AuthService, clock: Clock, logger: Logger): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: false },
    maxHttpBufferSize: 64 * 1024,
  });

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length > 4096) {
      next(new Error('unauthorized'));
      return;
    }
    auth.actorFromToken(token).then(
      ({ actor, expiresAt }) => {
        socket.data.actor = actor;
        socket.data.expiresAt = expiresAt;
        next();
      },
      () => next(new Error('unauthorized')),
    );
  });

  io.on('connection', (socket) => {
    const { actor } = socket.data;
    // The token has done its work; the socket keeps who it is and until when, not the bearer token.
    delete (socket.handshake.auth as { token?: unknown }).token;
    void socket.join([userRoom(actor.id), ...actor.roles.map(roleRoom), ...(actor.sessionId ? [sessionRoom(actor.sessionId)] : [])]);
    // Every event first checks the token has not expired by the service's clock, then that its session is
    // still open, and takes the user's roles as they are now.
    socket.use((_event, next) => {
      if (dropIfExpired(socket, clock.now())) return;
      const { id, sessionId } = socket.data.actor;
      auth.currentActor(id, sessionId ?? '').then(
        (current) => {
          if (!current) {
            socket.emit('session:expired', { at: clock.now().toISOString() });
            socket.disconnect(true);
            return;
          }
          socket.data.actor = current;
          next();
        },
        (err: unknown) => next(err instanceof Error ? err : new Error('session check failed')),
      );
    });
  });
  // Between events, expired sockets are found by one sweep rather than a timer per socket.
  const sweep = setInterval(() => dropExpiredSockets(io, clock.now()), EXPIRY_SWEEP_MS);
  sweep.unref();
  httpServer.once('close', () => clearInterval(sweep));

  io.engine.on('connection_error', (err: { code: number; message: string }) =>
    logger.debug({ code: err.code, message: err.message }, 'socket connection error'),
  );
  return io;
}
