import { loadConfig, type Config } from '../../server/config.js';

/** The config a test service runs with: no port of its own, quiet logs, a fixed secret. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    AGENDA_PROCESS_EVERY_MS: '200',
    AGENDA_LOCK_LIFETIME_MS: '2000',
    // Jobs run only when a test drains them by the manual clock, unless a test asks for a worker.
    PROCESS_ROLES: 'web',
    ORGANISATION_NAME: 'Eksempel AS',
    // The receivers tests run are on loopback; the SSRF tests clear this to see the refusal.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    ...overrides,
  });
}
