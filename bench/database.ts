import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedFerretdb } from '../server/db/embedded-ferretdb.js';
import type { Logger } from '../server/lib/logger.js';

export interface BenchDatabase {
  uri: string;
  /** True for the embedded FerretDB, false for MONGODB_URI. */
  embedded: boolean;
  /** Stops the embedded database and removes its files (MONGODB_URI is left as it is). */
  stop(): Promise<void>;
}

/** The database a bench runs on: MONGODB_URI when set, else an embedded FerretDB in a temporary directory. */
export async function benchDatabase(label: string, logger: Logger): Promise<BenchDatabase> {
  const external = process.env.MONGODB_URI;
  if (external) return { uri: external, embedded: false, stop: async () => {} };
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  const ferretdb = new EmbeddedFerretdb({ dataDir, port: 0, logger });
  const uri = await ferretdb.start();
  return {
    uri,
    embedded: true,
    async stop() {
      await ferretdb.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
