import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../server/db/connection.js';

export function testMongoUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests through mocha, whose root hook starts the database');
  return uri;
}

/** A database name no other test file uses. */
export function uniqueDbName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
}

/** Opens a connection to a fresh database and drops it when the returned close() is called. */
export async function openTestDatabase(label: string): Promise<{ connection: Connection; close(): Promise<void> }> {
  const connection = await connectDatabase({ uri: testMongoUri(), dbName: uniqueDbName(label) });
  return {
    connection,
    async close() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}

/** Drops a test database through a short-lived client of its own. */
export async function dropDatabase(dbName: string): Promise<void> {
  const client = await MongoClient.connect(testMongoUri());
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}
