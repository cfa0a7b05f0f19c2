import { MongoClient } from 'mongodb';
import { loadConfig } from '../server/config.js';
import { connectDatabase } from '../server/db/connection.js';
import { EmbeddedFerretdb } from '../server/db/embedded-ferretdb.js';
import { auditModels } from '../server/domains/audit/audit.model.js';
import { AuditService } from '../server/domains/audit/audit.service.js';
import { systemClock } from '../server/lib/clock.js';
import { createLogger } from '../server/lib/logger.js';

/** Walks the audit chain of the configured database and exits 1 naming the first broken entry. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('error');
  let uri = config.database.uri;
  let embedded: EmbeddedFerretdb | undefined;
  if (!uri) {
    // Use the running service's embedded database, or start it on its data when the service is down.
    uri = `mongodb://127.0.0.1:${config.database.ferretdbPort}/?directConnection=true&serverSelectionTimeoutMS=1500`;
    const probe = new MongoClient(uri);
    try {
      await probe.connect();
      await probe.db('admin').command({ ping: 1 });
    } catch {
      embedded = new EmbeddedFerretdb({ dataDir: config.database.dataDir, port: config.database.ferretdbPort, logger });
      uri = await embedded.start();
    } finally {
      await probe.close();
    }
  }
  const connection = await connectDatabase({ uri, dbName: config.database.name });
  try {
    const { AuditEntries, AuditHeads } = auditModels(connection);
    const result = await new AuditService({ entries: AuditEntries, heads: AuditHeads, clock: systemClock, logger }).verify();
    console.log(JSON.stringify(result, null, 2));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await connection.close();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
