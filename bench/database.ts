import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EmbeddedFerretdb } from '../server/db/embedded-ferretdb.js';
import type { Logger } from '../server/lib/logger.js';

export interface BenchDatabase {
  uri: string;
  /** True for the embedded FerretDB, false for MONGODB_URI. */
  embedded: boolean;
  /** True when the data outlives the run (MONGODB_URI, or BENCH_DATA_DIR for the embedded database). */
  kept: boolean;
  /** The embedded database's process id, for reading its CPU time. */
  pid?: number;
  /** Stops the embedded database and removes its files unless they are kept. */
  stop(): Promise<void>;
}

/**
 * The database a bench runs on: MONGODB_URI when set, else an embedded FerretDB in BENCH_DATA_DIR (kept
 * between runs, so a large history is seeded once) or in a temporary directory.
 */
export async function benchDatabase(label: string, logger: Logger): Promise<BenchDatabase> {
  const external = process.env.MONGODB_URI;
  if (external) return { uri: external, embedded: false, kept: true, stop: async () => {} };
  const keptDir = process.env.BENCH_DATA_DIR;
  const dataDir = keptDir ? resolve(keptDir) : mkdtempSync(join(tmpdir(), `bench-${label}-`));
  if (keptDir) mkdirSync(dataDir, { recursive: true });
  const ferretdb = new EmbeddedFerretdb({ dataDir, port: 0, logger });
  const uri = await ferretdb.start();
  return {
    uri,
    embedded: true,
    kept: Boolean(keptDir),
    ...(ferretdb.pid ? { pid: ferretdb.pid } : {}),
    async stop() {
      await ferretdb.stop();
      if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
