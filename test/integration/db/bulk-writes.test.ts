import assert from 'node:assert/strict';
import { MongoClient, type Db } from 'mongodb';
import { testMongoUri, uniqueDbName } from '../../support/database.js';

/**
 * One update command of many statements, as a bulk write of upserts sends. Unpatched, the embedded
 * FerretDB kept each statement's query open until the command ended, so past about 100 statements it
 * waited forever for a SQLite connection while holding the write lock
 * (server/db/ferretdb/patches/0009-…), and every write after it waited too.
 */
describe('the database: a bulk write of many updates', () => {
  let client: MongoClient;
  let db: Db;

  before(async () => {
    client = await MongoClient.connect(testMongoUri());
    db = client.db(uniqueDbName('bulk'));
  });

  after(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('upserts 300 documents in one command, updates them all again, and the next write goes through', async () => {
    const plans = db.collection<{ _id: string; n: number }>('plans');
    const upserts = (n: number) => Array.from({ length: 300 }, (_, i) => ({
      updateOne: { filter: { _id: `p${i}` }, update: { $set: { n } }, upsert: true },
    }));
    const created = await plans.bulkWrite(upserts(1), { ordered: false });
    assert.equal(created.upsertedCount, 300);
    const updated = await plans.bulkWrite(upserts(2), { ordered: false });
    assert.equal(updated.modifiedCount, 300);
    await plans.insertOne({ _id: 'after', n: 3 });
    assert.equal(await plans.countDocuments({ n: 2 }), 300);
    assert.equal(await plans.countDocuments({}), 301);
  });
});
