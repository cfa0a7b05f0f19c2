import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';
import { createApp, type DevReload } from './app.js';
import type { Config } from './config.js';
import { createContainer, defineJobs, type Container } from './container.js';
import { connectDatabase, pingDatabase } from './db/connection.js';
import { EmbeddedFerretdb } from './db/embedded-ferretdb.js';
import { Scheduler } from './jobs/scheduler.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { Logger } from './lib/logger.js';
import { attachRedisAdapter } from './realtime/redis-adapter.js';
import { registerSocketHandlers } from './realtime/socket-handlers.js';
import { createSocketServer, type RealtimeServer } from './realtime/socket-server.js';

export interface ServiceOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Overrides the configured database (tests give each file its own). */
  mongoUri?: string;
  dbName?: string;
  instanceName?: string;
  /** Emit the driver's command events on the connection's client (the query-plan tests read them). */
  monitorCommands?: boolean;
  /** Development only (scripts/dev.ts): live reload of the dashboard. */
  devReload?: DevReload;
}

export interface RunningService {
  url: string;
  httpServer: HttpServer;
  io: RealtimeServer;
  container: Container;
  connection: Connection;
  ferretdb?: EmbeddedFerretdb;
  stop(): Promise<void>;
}

/**
 * Starts one instance: the database (embedded FerretDB when no URI is configured), the container,
 * the scheduler when this instance has the worker role, and the HTTP + socket.io server.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;

  let ferretdb: EmbeddedFerretdb | undefined;
  let uri = options.mongoUri ?? config.database.uri;
  if (!uri) {
    ferretdb = new EmbeddedFerretdb({ dataDir: config.database.dataDir, port: config.database.ferretdbPort, logger, supervise: true });
    uri = await ferretdb.start();
  }

  let connection: Connection | undefined;
  try {
    connection = await connectDatabase({ uri, dbName: options.dbName ?? config.database.name, monitorCommands: options.monitorCommands ?? false });
    const db = connection.db;
    if (!db) throw new Error('database handle missing after connect');
    const scheduler = new Scheduler({
      db,
      logger,
      name: options.instanceName ?? `${config.http.host}:${process.pid}`,
      ...config.scheduler,
    });
    await scheduler.ensureIndexes();
    const container = createContainer({ config, connection, scheduler, clock, logger });
    defineJobs(container);
    await container.init();
    const admin = await container.users.bootstrapAdmin(config.auth.adminEmail, config.auth.adminPassword);
    if (admin?.generatedPassword) {
      logger.warn({ email: admin.email }, 'first admin created with a generated password, printed once on standard error');
      process.stderr.write(`\nFirst admin: ${admin.email}\nPassword (shown once, change it after signing in): ${admin.generatedPassword}\n\n`);
    }
    if (config.roles.worker) {
      await scheduler.start();
      await container.planner.start();
      await container.watchdog.start(scheduler);
    }

    const conn = connection;
    const app = createApp({
      logger,
      ...(options.devReload ? { devReload: options.devReload } : {}),
      routes: container.routes,
      guard: container.guard,
      trustProxy: config.http.trustProxy,
      readiness: {
        check: async () => ({
          database: await pingDatabase(conn),
          ...(config.roles.worker ? { scheduler: scheduler.isRunning } : {}),
          schedulerHeartbeat: !container.watchdog.isStalled,
        }),
      },
    });
    const httpServer = createServer(app);
    const io = createSocketServer(httpServer, container.auth, clock, logger);
    registerSocketHandlers(io, container.incidents, container.alerts, container.dispatcher);
    const redis = config.redisUrl ? await attachRedisAdapter(io, config.redisUrl) : undefined;
    container.broadcaster.attach(io);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.http.port, config.http.host, () => resolve());
    });
    await container.clockService.recover();
    const watchdogTimer = setInterval(() => {
      container.watchdog.check().catch((err: unknown) => logger.error({ err }, 'watchdog check failed'));
    }, Math.max(1_000, config.alerting.heartbeatMs / 2));
    watchdogTimer.unref();
    const address = httpServer.address() as AddressInfo;
    const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;

    let stopped: Promise<void> | undefined;
    const stop = () =>
      (stopped ??= (async () => {
        // Order: no new connections → sockets closed → jobs released → database closed → embedded database stopped.
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        clearInterval(watchdogTimer);
        container.broadcaster.detach();
        await io.close().catch(() => undefined);
        await scheduler.stop();
        const forced = setTimeout(() => httpServer.closeAllConnections(), 3_000);
        await closed;
        clearTimeout(forced);
        await conn.close();
        await redis?.close();
        container.mailer?.close();
        await ferretdb?.stop();
      })());

    return { url, httpServer, io, container, connection: conn, ...(ferretdb ? { ferretdb } : {}), stop };
  } catch (err) {
    await connection?.close().catch(() => undefined);
    await ferretdb?.stop();
    throw err;
  }
}
