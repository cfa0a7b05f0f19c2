import type { Connection } from 'mongoose';
import type { Config } from './config.js';
import type { AnyRoute, Guard } from './http/route.js';
import { unauthorized } from './lib/errors.js';
import type { Clock } from './lib/clock.js';
import type { Logger } from './lib/logger.js';
import type { Scheduler } from './jobs/scheduler.js';

export interface Infrastructure {
  config: Config;
  connection: Connection;
  scheduler: Scheduler;
  clock: Clock;
  logger: Logger;
}

/** The composition root: every domain service is built here once and handed to whoever needs it. */
export function createContainer(infra: Infrastructure) {
  const routes: AnyRoute[] = [];
  const guard: Guard = async (_req, access) => {
    if (access.kind === 'public') return undefined;
    throw unauthorized();
  };
  return { ...infra, routes, guard };
}

export type Container = ReturnType<typeof createContainer>;
