import { ConfigError, loadConfig } from './config.js';
import { MissingGoError } from './db/build-ferretdb.js';
import { createLogger } from './lib/logger.js';
import { startService } from './service.js';

const SHUTDOWN_LIMIT_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // A library's stray rejection (Agenda unlocking a job while the database is busy) must not stop the
  // alerting service: work is recorded before it is acted on and jobs are retried, so log and go on.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled promise rejection'));
  if (config.auth.jwtSecretGenerated) {
    logger.warn('JWT_SECRET is not set: a random secret was generated, so sign-ins will not survive a restart');
  }

  let service;
  try {
    service = await startService({ config, logger });
  } catch (err) {
    if (err instanceof MissingGoError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(3);
    }
    throw err;
  }
  logger.info({ url: service.url, roles: config.roles }, `Breach Clock listening on ${service.url}`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const limit = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    limit.unref();
    service.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Breach Clock failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
