import assert from 'node:assert/strict';
import { MongoClient, ObjectId, type Collection, type Document, type Filter } from 'mongodb';
import { testMongoUri, uniqueDbName } from '../../support/database.js';

/**
 * The embedded FerretDB hands filters and sorts to SQLite (server/db/ferretdb/patches/0003-…), which
 * must select a superset of what MongoDB matches and order exactly as MongoDB does: these cases hold
 * MongoDB's answers for arrays, missing fields, null and mixed types, with and without an index.
 */
describe('the database: queries keep MongoDB semantics when answered through indexes', () => {
  let client: MongoClient;
  let dbName: string;
  let indexed: Collection<{ _id: string } & Document>;
  let plain: Collection<{ _id: string } & Document>;
  const oid = new ObjectId('65a000000000000000000001');
  const date = new Date('2026-03-01T10:00:00Z');

  const docs: ({ _id: string } & Document)[] = [
    { _id: 'int', f: 5, g: 5, a: { b: 1 } },
    { _id: 'double', f: 5.0, g: 2.5 },
    { _id: 'string', f: '5', g: 'x' },
    { _id: 'array', f: [1, 5], a: [{ b: 1 }, { b: 2 }] },
    { _id: 'null', f: null, g: null, a: { b: [3, 1] } },
    { _id: 'missing' },
    { _id: 'date', f: date, g: date, a: { b: 2 } },
    { _id: 'bool', f: true, g: true },
    { _id: 'oid', f: oid, g: oid },
    { _id: 'big', f: 12, g: 12 },
    { _id: 'words', t: 'Ærlig talt: Øvelse', tags: ['alpha', 'Beta'] },
    { _id: 'word', t: 'øvelse gjør mester' },
  ];

  before(async () => {
    client = await MongoClient.connect(testMongoUri());
    dbName = uniqueDbName('semantics');
    indexed = client.db(dbName).collection('indexed');
    plain = client.db(dbName).collection('plain');
    await indexed.createIndexes([{ key: { f: 1 } }, { key: { 'a.b': 1 } }, { key: { g: -1 } }]);
    await indexed.insertMany(docs);
    await plain.insertMany(docs);
  });
  after(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  const cases: [string, Filter<{ _id: string } & Document>, string[]][] = [
    ['equality matches equal numbers of any type and arrays holding the value', { f: 5 }, ['array', 'double', 'int']],
    ['null matches null and missing fields', { f: null }, ['missing', 'null', 'word', 'words']],
    ['a range compares within the type, elements of arrays included', { f: { $gt: 1 } }, ['array', 'big', 'double', 'int']],
    ['a closed range', { f: { $gte: 5, $lt: 12 } }, ['array', 'double', 'int']],
    ['dates compare with dates only', { f: { $lte: date } }, ['date']],
    ['$in across types', { f: { $in: [true, '5', null] } }, ['bool', 'missing', 'null', 'string', 'word', 'words']],
    ['ObjectIds', { f: oid }, ['oid']],
    ['a dotted path through an array of documents and into an array', { 'a.b': 1 }, ['array', 'int', 'null']],
    ['a dotted range, each bound met by some element', { 'a.b': { $gt: 1, $lt: 3 } }, ['array', 'date', 'null']],
    ['$or of expressible branches', { $or: [{ f: '5' }, { g: 12 }] }, ['big', 'string']],
    ['a regular expression, case-insensitive beyond ASCII', { t: { $regex: 'øvelse', $options: 'i' } }, ['word', 'words']],
    ['a regular expression value matches strings only', { f: /^5$/ }, ['string']],
    ['a regular expression matches an element of an array', { tags: /^be/i }, ['words']],
    ['$or of regular expressions, as the incident search asks', { $or: [{ t: { $regex: 'mester', $options: 'i' } }, { tags: { $regex: 'ALPHA', $options: 'i' } }] }, ['word', 'words']],
    ['$and with an operator left to the handler', { $and: [{ f: { $exists: true } }, { f: { $ne: 5 } }] }, ['bool', 'date', 'null', 'oid', 'string', 'big']],
  ];

  for (const [name, filter, expected] of cases) {
    it(name, async () => {
      for (const collection of [indexed, plain]) {
        const ids = (await collection.find(filter).toArray()).map((doc) => String(doc._id)).sort();
        assert.deepEqual(ids, [...expected].sort(), `${collection.collectionName} ${JSON.stringify(filter)}`);
      }
    });
  }

  it('sorts mixed types in MongoDB order: missing and null, numbers, strings, ObjectIds, booleans, dates', async () => {
    for (const collection of [indexed, plain]) {
      const ascending = (await collection.find({ _id: { $ne: 'array' } }).sort({ g: 1, _id: 1 }).toArray()).map((doc) => String(doc._id));
      assert.deepEqual(ascending, ['missing', 'null', 'word', 'words', 'double', 'int', 'big', 'string', 'oid', 'bool', 'date']);
      const page = (await collection.find({}).sort({ g: -1, _id: -1 }).limit(3).toArray()).map((doc) => String(doc._id));
      assert.deepEqual(page, ['date', 'bool', 'oid']);
    }
  });

  it('sorts a field that holds an array by its smallest element ascending, as MongoDB does', async () => {
    const ascending = (await indexed.find({ f: { $in: [5, 12, [1, 5]] } }).sort({ f: 1, _id: 1 }).toArray()).map((doc) => String(doc._id));
    assert.deepEqual(ascending, ['array', 'double', 'int', 'big']);
  });

  it('projects what MongoDB projects when only the named fields are read: filter and sort on others, paths, _id left out, fields missing', async () => {
    // patch 0010 decodes only the fields a find reads; each answer below is MongoDB's.
    for (const collection of [indexed, plain]) {
      const page = await collection.find({ f: { $gte: 5 } }, { projection: { a: 1 } }).sort({ g: -1, _id: 1 }).toArray();
      assert.deepEqual(page, [{ _id: 'big' }, { _id: 'int', a: { b: 1 } }, { _id: 'double' }, { _id: 'array', a: [{ b: 1 }, { b: 2 }] }]);
      const order = await collection.find({ _id: 'int' }, { projection: { a: 1, f: true, g: 1 } }).toArray();
      assert.deepEqual(order.map((doc) => Object.keys(doc)), [['_id', 'f', 'g', 'a']], 'the document\'s order, _id first');
      assert.deepEqual(await collection.find({ _id: 'words' }, { projection: { _id: 0, tags: 1, none: 1 } }).toArray(), [{ tags: ['alpha', 'Beta'] }]);
      assert.deepEqual(await collection.find({ 'a.b': 1 }, { projection: { 'a.b': 1 } }).sort({ _id: 1 }).toArray(), [
        { _id: 'array', a: [{ b: 1 }, { b: 2 }] }, { _id: 'int', a: { b: 1 } }, { _id: 'null', a: { b: [3, 1] } },
      ]);
      assert.deepEqual(await collection.find({ $or: [{ t: /mester/ }, { f: oid }] }, { projection: { _id: 1 } }).sort({ _id: 1 }).toArray(), [{ _id: 'oid' }, { _id: 'word' }]);
      assert.deepEqual(await collection.find({ _id: 'int' }, { projection: { f: 0 } }).toArray(), [{ _id: 'int', g: 5, a: { b: 1 } }], 'an exclusion reads every field');
    }
  });

  it('stays exact when a field gains arrays after a query found none there, by insert or by update', async () => {
    // patch 0012 keeps the answer to "does any document hold an array here?" until the collection is written.
    const collection = client.db(dbName).collection<{ _id: string; k: unknown }>('gains-arrays');
    await collection.createIndex({ k: 1 });
    await collection.insertMany([{ _id: 'one', k: 1 }, { _id: 'two', k: 2 }, { _id: 'three', k: 3 }]);
    const sorted = async () => (await collection.find({}).sort({ k: 1, _id: 1 }).limit(2).toArray()).map((doc) => doc._id);
    const equal = async (k: number) => (await collection.find({ k }).toArray()).map((doc) => doc._id).sort();
    assert.deepEqual(await sorted(), ['one', 'two']);
    assert.deepEqual(await equal(100), []);

    await collection.insertOne({ _id: 'inserted', k: [0, 100] });
    assert.deepEqual(await sorted(), ['inserted', 'one'], 'an array sorts by its smallest element');
    assert.deepEqual(await equal(100), ['inserted']);

    await collection.deleteOne({ _id: 'inserted' });
    assert.deepEqual(await sorted(), ['one', 'two']);
    await collection.updateOne({ _id: 'three' }, { $set: { k: [-1, 100] } });
    assert.deepEqual(await sorted(), ['three', 'one']);
    assert.deepEqual(await equal(100), ['three']);
  });

  it('claims documents in sort order with findOneAndUpdate', async () => {
    const claimed = await indexed.findOneAndUpdate({ g: { $gte: 0 } }, { $set: { claimed: true } }, { sort: { g: -1 } });
    assert.equal(claimed?._id, 'big');
  });
});
