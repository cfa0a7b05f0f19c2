import assert from 'node:assert/strict';
import { Double, MongoClient, type Db } from 'mongodb';
import { testMongoUri, uniqueDbName } from '../../support/database.js';

/**
 * The embedded FerretDB checks each request for values it cannot store (a NaN) and no longer decodes its
 * own replies again to look for them (server/db/ferretdb/patches/0013-…): a NaN is still refused, and
 * what is stored comes back as it was written. MongoDB stores a NaN.
 */
describe('the database: what a request may hold', () => {
  const embedded = !process.env.MONGODB_URI;
  let client: MongoClient;
  let db: Db;

  before(async () => {
    client = await MongoClient.connect(testMongoUri(), { retryWrites: false });
    db = client.db(uniqueDbName('wire'));
  });

  after(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('refuses a NaN on the embedded database, and stores nothing of that request', async () => {
    const docs = db.collection('nan');
    const write = docs.insertOne({ _id: 'n' as never, value: NaN, nested: { list: [1, NaN] } });
    if (embedded) {
      await assert.rejects(write);
      assert.equal(await docs.countDocuments({}), 0);
    } else {
      await write;
      assert.equal(await docs.countDocuments({}), 1);
    }
  });

  it('answers every other value as stored, after a refused request as before it', async () => {
    const docs = db.collection('values');
    const at = new Date('2026-03-29T01:00:00.000Z');
    const stored = {
      _id: 'v' as never,
      double: new Double(2.5),
      negative: -0.75,
      big: Number.MAX_SAFE_INTEGER,
      at,
      nested: { list: [1, 'two', { three: [3] }], empty: {} },
      nothing: null,
    };
    await docs.insertOne(stored);
    const read = await docs.findOne({ _id: 'v' as never }, { promoteValues: true });
    assert.deepEqual(read, { ...stored, double: 2.5 });
  });
});
