import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedFerretdb } from '../../server/db/embedded-ferretdb.js';
import { createLogger } from '../../server/lib/logger.js';

let ferretdb: EmbeddedFerretdb | undefined;
let dataDir: string | undefined;

/**
 * Runs once per mocha run: starts one embedded FerretDB on a free loopback port (or uses MONGODB_URI
 * when set) and hands its URI to the test files through TEST_MONGODB_URI. Each file uses its own database.
 */
export async function mochaGlobalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  dataDir = mkdtempSync(join(tmpdir(), 'breach-clock-test-'));
  ferretdb = new EmbeddedFerretdb({ dataDir, port: 0, logger: createLogger('error'), supervise: false });
  process.env.TEST_MONGODB_URI = await ferretdb.start();
}

export async function mochaGlobalTeardown(): Promise<void> {
  await ferretdb?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
