import request from 'supertest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { Role } from '../../server/domains/access/permissions.js';
import { systemContext } from '../../server/domains/audit/audit.service.js';
import { createLogger } from '../../server/lib/logger.js';
import { startService, type RunningService } from '../../server/service.js';
import { ManualClock } from './clock.js';
import { testConfig } from './config.js';
import { dropDatabase, testMongoUri, uniqueDbName } from './database.js';

export const PASSWORD = 'correct horse battery staple';

export interface TestService extends RunningService {
  clock: ManualClock;
  dbName: string;
  /** Creates an active user with the roles and signs them in; returns their token and id. */
  user(roles: Role[], name?: string): Promise<TestUser>;
  /** A socket.io client connected with the token (or none); resolves once connected or refused. */
  socket(token: string | undefined): Promise<Socket>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  /** The session the user's tokens belong to. */
  sessionId: string;
  /** A fresh access token of that session. */
  readonly token: string;
  readonly auth: { Authorization: string };
}

let counter = 0;

/** A whole service instance (HTTP, sockets, scheduler) on its own database, with a manual clock. */
export async function startTestService(options: { env?: Record<string, string>; dbName?: string; clock?: ManualClock; instanceName?: string; monitorCommands?: boolean } = {}): Promise<TestService> {
  const clock = options.clock ?? new ManualClock(new Date());
  const dbName = options.dbName ?? uniqueDbName('svc');
  const config = testConfig({ ADMIN_EMAIL: 'admin@example.test', ADMIN_PASSWORD: PASSWORD, ...options.env });
  const service = await startService({
    config, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), clock, mongoUri: testMongoUri(), dbName,
    ...(options.instanceName ? { instanceName: options.instanceName } : {}),
    ...(options.monitorCommands ? { monitorCommands: true } : {}),
  });
  const sockets: Socket[] = [];

  const user = async (roles: Role[], name = roles.join('+')): Promise<TestUser> => {
    const email = `${name.replace(/[^a-z]/gi, '')}${++counter}@example.test`;
    const created = await service.container.users.create(systemContext('test'), { name, email, roles, password: PASSWORD });
    const id = String(created._id);
    const sessionId = await service.container.auth.startSession(id);
    // Signed anew at each use by the manual clock, so tests that move time keep a valid token.
    const sign = () => service.container.tokens.sign(id, sessionId).token;
    return {
      id,
      email,
      sessionId,
      get token() {
        return sign();
      },
      get auth() {
        return { Authorization: `Bearer ${sign()}` };
      },
    };
  };

  const socket = (token: string | undefined) =>
    new Promise<Socket>((resolve) => {
      const client = connectSocket(service.url, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        ...(token ? { auth: { token } } : {}),
      });
      sockets.push(client);
      client.once('connect', () => resolve(client));
      client.once('connect_error', () => resolve(client));
    });

  return {
    ...service,
    clock,
    dbName,
    user,
    socket,
    async close() {
      for (const s of sockets) s.disconnect();
      await service.stop();
      await dropDatabase(dbName);
    },
  };
}

export const api = (service: RunningService) => request(service.httpServer);

/** Resolves with the payload of the next event of that name on a socket.io client. */
export function nextEvent<T = unknown>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, (payload: T) => resolve(payload)));
}

/**
 * Resolves once everything the server pushed to this socket before the call has arrived: socket.io keeps
 * order per socket, so a marker pushed last arrives last.
 */
export async function flushSocket(svc: TestService, socket: Socket): Promise<void> {
  const marker = `flush-${Math.random().toString(36).slice(2)}`;
  const arrived = new Promise<void>((resolve) => {
    const onMarker = (m: string) => {
      if (m === marker) {
        socket.off('test:flush', onMarker);
        resolve();
      }
    };
    socket.on('test:flush', onMarker);
  });
  (svc.io as unknown as { emit(event: string, payload: string): void }).emit('test:flush', marker);
  await arrived;
}
