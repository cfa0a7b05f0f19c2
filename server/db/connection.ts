import mongoose, { type Connection } from 'mongoose';

// Request data must never reach a query as operators, and unknown filter paths are bugs, not no-ops.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', 'throw');
mongoose.set('runValidators', true);

export interface DatabaseOptions {
  uri: string;
  dbName: string;
  serverSelectionTimeoutMS?: number;
  monitorCommands?: boolean;
}

/** Opens a mongoose connection of its own (not the global default), so several app instances may share one process in tests. */
export async function connectDatabase(options: DatabaseOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.uri, {
    dbName: options.dbName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 3_000,
    // Fail fast instead of queueing requests while the database is away; the error handler answers 503.
    bufferCommands: false,
    autoIndex: true,
    autoCreate: true,
    monitorCommands: options.monitorCommands ?? false,
  });
  await connection.asPromise();
  return connection;
}

/** True when the database answers a ping within the timeout. */
export async function pingDatabase(connection: Connection, timeoutMs = 1_000): Promise<boolean> {
  const db = connection.db;
  if (!db || connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<false>((done) => {
      timer = setTimeout(() => done(false), timeoutMs);
    });
    const ping = db.command({ ping: 1 }).then(() => true, () => false);
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
