import assert from 'node:assert/strict';
import { connectDatabase } from '../../../server/db/connection.js';
import { auditModels } from '../../../server/domains/audit/audit.model.js';
import { AuditService, systemContext } from '../../../server/domains/audit/audit.service.js';
import { createLogger } from '../../../server/lib/logger.js';
import { systemClock } from '../../../server/lib/clock.js';
import { dropDatabase, testMongoUri, uniqueDbName } from '../../support/database.js';
import { testService } from '../../support/factories.js';
import { api } from '../../support/service.js';

const logger = createLogger('silent');

async function auditOn(dbName: string) {
  const connection = await connectDatabase({ uri: testMongoUri(), dbName });
  const { AuditEntries, AuditHeads } = auditModels(connection);
  await AuditEntries.init();
  return { connection, AuditEntries, service: new AuditService({ entries: AuditEntries, heads: AuditHeads, clock: systemClock, logger }) };
}

describe('audit log: a tamper-evident hash chain', () => {
  let dbName: string;
  let a: Awaited<ReturnType<typeof auditOn>>;
  let b: Awaited<ReturnType<typeof auditOn>>;

  beforeEach(async () => {
    dbName = uniqueDbName('audit');
    a = await auditOn(dbName);
    b = await auditOn(dbName);
  });
  afterEach(async () => {
    await a.connection.close();
    await b.connection.close();
    await dropDatabase(dbName);
  });

  const append = (service: AuditService, i: number) =>
    service.record(systemContext('test'), { action: 'test.appended', target: { type: 'test', id: String(i) }, after: { i } });

  it('keeps one unbroken chain under 100 concurrent appends from two instances', async () => {
    await Promise.all(Array.from({ length: 100 }, (_, i) => append(i % 2 ? a.service : b.service, i)));
    const result = await a.service.verify();
    assert.deepEqual(result, { ok: true, entries: 100, headSeq: 100 });
    const seqs = (await a.AuditEntries.find({}, { seq: 1 }).sort({ seq: 1 }).lean()).map((e) => e.seq);
    assert.deepEqual(seqs, Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('detects an entry edited in the database', async () => {
    for (let i = 0; i < 5; i++) await append(a.service, i);
    await a.AuditEntries.collection.updateOne({ seq: 3 }, { $set: { action: 'test.forged' } });
    const result = await a.service.verify();
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.firstBroken.seq, 3);
    assert.match(!result.ok ? result.firstBroken.reason : '', /changed/);
  });

  it('detects an entry deleted from the middle', async () => {
    for (let i = 0; i < 5; i++) await append(a.service, i);
    await a.AuditEntries.collection.deleteOne({ seq: 2 });
    const result = await a.service.verify();
    assert.equal(!result.ok && result.firstBroken.seq, 3);
  });

  it('detects the newest entries deleted', async () => {
    for (let i = 0; i < 5; i++) await append(a.service, i);
    await a.AuditEntries.collection.deleteMany({ seq: { $gte: 4 } });
    const result = await a.service.verify();
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.firstBroken.reason : '', /newest 2 were removed/);
  });

  it('detects an entry rewritten with a recomputed hash (the link to the next breaks)', async () => {
    for (let i = 0; i < 5; i++) await append(a.service, i);
    const { entryHash } = await import('../../../server/domains/audit/audit.service.js');
    const entry = await a.AuditEntries.findOne({ seq: 2 }).lean();
    const { _id, hash: _old, ...rest } = entry!;
    const forged = { ...rest, action: 'test.forged' };
    await a.AuditEntries.collection.updateOne({ _id }, { $set: { action: 'test.forged', hash: entryHash(forged) } });
    const result = await a.service.verify();
    assert.equal(!result.ok && result.firstBroken.seq, 3);
  });
});

describe('audit log: through the API', () => {
  const { svc } = testService();

  it('records logins and user changes, verifies for admins and the DPO, and refuses others', async () => {
    const admin = await svc.user(['admin']);
    const dpo = await svc.user(['dpo']);
    const analyst = await svc.user(['analyst']);
    await api(svc).post('/api/auth/login').send({ email: analyst.email, password: 'wrong password!' }).expect(401);
    await api(svc).patch(`/api/users/${analyst.id}`).set(admin.auth).send({ name: 'Renamed' }).expect(200);

    const verify = await api(svc).get('/api/audit/verify').set(dpo.auth).expect(200);
    assert.equal(verify.body.ok, true);
    await api(svc).get('/api/audit/verify').set(analyst.auth).expect(403);

    const list = await api(svc).get('/api/audit?limit=10').set(admin.auth).expect(200);
    const actions = list.body.entries.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('auth.login-failed'));
    const rename = list.body.entries.find((e: { action: string }) => e.action === 'user.updated');
    assert.deepEqual(rename.changes.filter((c: { field: string }) => c.field !== 'updatedAt'), [{ field: 'name', from: 'analyst', to: 'Renamed' }]);
    assert.equal(rename.actor.id, admin.id);
  });
});
