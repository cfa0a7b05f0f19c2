import assert from 'node:assert/strict';
import type { Model } from 'mongoose';
import { auditModels } from '../../../server/domains/audit/audit.model.js';
import { systemContext } from '../../../server/domains/audit/audit.service.js';
import { incidentModels } from '../../../server/domains/incidents/incident.model.js';
import { timelineModel } from '../../../server/domains/incidents/timeline.model.js';
import { openTestDatabase } from '../../support/database.js';
import { testService } from '../../support/factories.js';
import { api } from '../../support/service.js';

type Stored = { _id: unknown };

const isPlain = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/** A deep copy of what a service handed over, undefined values, Dates and ObjectIds as they were. */
const copy = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(copy) : isPlain(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) : value;

/** Records every document a service hands to `applyDefaults` of the model (the first step of storedForm), as handed over. */
function recordHandedOver<T>(model: Model<T>): { documents: { input: unknown; stored: Stored }[]; restore(): void } {
  const documents: { input: unknown; stored: Stored }[] = [];
  const original = model.applyDefaults;
  const apply = original.bind(model) as (doc: object) => unknown;
  model.applyDefaults = ((doc: Stored) => {
    const input = copy(doc);
    const out = apply(doc);
    documents.push({ input, stored: doc });
    return out;
  }) as typeof model.applyDefaults;
  return { documents, restore: () => void (model.applyDefaults = original) };
}

/** Every key of a document in order, at every depth. */
const keyOrder = (value: unknown, path = ''): string[] =>
  Array.isArray(value) ? value.flatMap((v, i) => keyOrder(v, `${path}.${i}`))
    : isPlain(value) ? Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keyOrder(v, `${path}.${k}`)]) : [];

/** A raw stored document without its _id and timestamps (the only fields two ways of storing it may differ in). */
function withoutIdAndTimes(doc: Record<string, unknown> | null): Record<string, unknown> {
  assert.ok(doc, 'the document was stored');
  const { _id, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = doc;
  return rest;
}

describe('stored form: what the intake stores is what mongoose stored', () => {
  const { svc, signedInAs } = testService();
  const analyst = signedInAs('analyst');
  const dpo = signedInAs('dpo');
  let reference: Awaited<ReturnType<typeof openTestDatabase>>;

  before(async () => {
    reference = await openTestDatabase('storedform');
  });
  after(async () => {
    await reference.close();
  });

  /** Stores each recorded input again through `create` into the reference database and compares the raw documents. */
  async function compareWithCreate<T>(
    model: Model<T>, reference: Model<T>, documents: { input: unknown; stored: Stored }[], create: (input: unknown) => Promise<Stored>, { sameOrder }: { sameOrder: boolean },
  ) {
    assert.ok(documents.length, 'the service stored documents through the new path');
    for (const { input, stored } of documents) {
      const created = await create(copy(input));
      const viaCreate = withoutIdAndTimes(await reference.collection.findOne({ _id: created._id as never }));
      const viaNewPath = withoutIdAndTimes(await model.collection.findOne({ _id: stored._id as never }));
      assert.deepStrictEqual(viaNewPath, viaCreate);
      if (sameOrder) assert.deepStrictEqual(keyOrder(viaNewPath), keyOrder(viaCreate));
    }
  }

  it('stores an incident as Model.create stored it: in triage and aware, as controller and as processor, with every fact given', async () => {
    const { Incidents } = incidentModels(svc.connection);
    const { Incidents: ReferenceIncidents } = incidentModels(reference.connection);
    const recorded = recordHandedOver(Incidents);
    try {
      const now = svc.clock.now();
      const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
      const bodies = [
        { title: 'Odd login pattern', description: '' },
        { title: 'Laptop stolen', description: 'Unencrypted laptop', awareAt: hoursAgo(30), awarenessEvidence: 'Police report', awarenessReason: 'Found in the log review' },
        { title: 'Processor: wrong recipient', role: 'processor', controller: { name: 'Kunde AS', contact: 'dpo@kunde.test', noticeHours: 24 }, awareAt: hoursAgo(0) },
        {
          title: 'Processor notifying on behalf', role: 'processor', awareAt: hoursAgo(2), awarenessReason: 'Told by the controller',
          controller: { name: 'Kunde AS', contact: 'dpo@kunde.test', notifyOnBehalf: true, instructedBy: 'Kari Nordmann', instructedAt: hoursAgo(3), instructionReference: 'E-post 12.03' },
        },
        { title: 'Processor in triage', role: 'processor', controller: { name: 'Kunde AS' } },
        {
          title: 'Every fact', description: 'Internal text', outwardDescription: 'Til de berørte', outwardDescriptionEn: 'For the people', breachTypes: ['confidentiality', 'availability'],
          cause: { description: 'Phishing', kind: 'malicious' }, occurred: { from: hoursAgo(50), to: null }, detected: { at: hoursAgo(40), by: 'SOC' },
          dataCategories: ['identity', 'contact'], dataDetail: 'substantial', sensitiveRelationship: false,
          subjects: { groups: ['kunder', 'ansatte'], count: { kind: 'range', min: 10, max: 20 }, vulnerable: null, reachEffort: 'individual' },
          records: { kind: 'estimate', value: 500 }, systems: ['CRM'], dataLocation: 'Azure', encryption: { dataEncrypted: false, keyCustody: '' },
          backup: { available: true, restoreHours: 4 }, availabilityImpact: 'temporary', outageHarmedPeople: null, exfiltration: 'possible', unauthorisedAccess: 'confirmed',
          misuseObserved: 'unknown', recipients: { type: 'malicious_unknown', count: 1 }, neutralised: null, likelyConsequences: ['identity_fraud', 'distress'],
          consequences: 'Svindel', measuresTaken: 'Passord byttet', measuresPlanned: 'Opplæring', mitigations: [{ what: 'Reset passwords', at: hoursAgo(10) }, { what: 'Told the bank' }],
          ownerId: dpo.id, assignees: [analyst.id, analyst.id], restricted: true, awareAt: hoursAgo(20), awarenessReason: 'Confirmed by the SOC',
        },
      ];
      for (const body of bodies) {
        const res = await api(svc).post('/api/incidents').set(analyst.auth).send(body);
        assert.equal(res.status, 201, JSON.stringify(res.body));
      }
      assert.equal(recorded.documents.length, bodies.length);
      // create put an incident's fields in schema order; they are now in the order the service builds them.
      await compareWithCreate(Incidents, ReferenceIncidents, recorded.documents, (input) => ReferenceIncidents.create(input as object), { sameOrder: false });

      // The reference counter, incremented through the collection, is the document mongoose's upsert stores.
      const { Counters } = incidentModels(svc.connection);
      const { Counters: ReferenceCounters } = incidentModels(reference.connection);
      const key = `incident-${svc.clock.now().getUTCFullYear()}`;
      const counter = await Counters.collection.findOne({ _id: key as never });
      await ReferenceCounters.findOneAndUpdate({ _id: key }, { $inc: { seq: counter!.seq as number } }, { upsert: true, returnDocument: 'after' });
      assert.deepStrictEqual(counter, await ReferenceCounters.collection.findOne({ _id: key as never }));
    } finally {
      recorded.restore();
    }
  });

  it('stores timeline entries as Model.create stored them: at intake, for an edit, and with parameters and values that are empty or undefined', async () => {
    const Timeline = timelineModel(svc.connection);
    const ReferenceTimeline = timelineModel(reference.connection);
    const recorded = recordHandedOver(Timeline);
    try {
      const triage = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'In triage', description: '' }).expect(201)).body;
      await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Aware', awareAt: svc.clock.now().toISOString() }).expect(201);
      await api(svc).patch(`/api/incidents/${triage.id}`).set(analyst.auth)
        .send({ version: triage.version, breachTypes: ['integrity'], records: { kind: 'exact', value: 3 }, cause: { kind: 'accidental' }, mitigations: [{ what: 'Locked the account' }] }).expect(200);
      const by = { id: analyst.id, name: 'analyst' };
      await svc.container.incidents.recordOnTimeline(triage.id, by, 'submission', { code: 'timeline.submission', params: { phase: 'initial', channel: 'email', reference: undefined } });
      await svc.container.incidents.recordOnTimeline(triage.id, by, 'odd', { code: 'timeline.created', params: {} }, [
        { field: 'a', from: {}, to: { empty: {}, nested: { inner: {} }, list: [{}, undefined, { gone: undefined, kept: null }], none: undefined, at: svc.clock.now() } },
        { field: 'b', from: undefined, to: [] },
      ]);
      assert.equal(recorded.documents.length, 5);
      await compareWithCreate(Timeline, ReferenceTimeline, recorded.documents, (input) => ReferenceTimeline.create(input as object), { sameOrder: true });
    } finally {
      recorded.restore();
    }
  });

  it('stores audit entries as insertMany stored them, for the intake and for values that are empty, undefined or dates, and the chain still verifies', async () => {
    const { AuditEntries } = auditModels(svc.connection);
    const { AuditEntries: ReferenceEntries } = auditModels(reference.connection);
    const recorded = recordHandedOver(AuditEntries);
    try {
      const created = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Audited', awareAt: svc.clock.now().toISOString() }).expect(201)).body;
      await api(svc).patch(`/api/incidents/${created.id}`).set(analyst.auth).send({ version: created.version, subjects: { groups: ['kunder'] }, neutralised: true }).expect(200);
      await Promise.all([
        svc.container.audit.record(systemContext('test'), { action: 'test.empty', target: { type: 'test', id: null } }),
        svc.container.audit.record(systemContext('test'), {
          action: 'test.odd', target: { type: 'test', id: 'x' },
          before: { gone: undefined, empty: {}, nested: { inner: {}, none: undefined } },
          after: { gone: 1, empty: { now: true }, nested: [undefined, {}, { at: svc.clock.now(), none: undefined }] },
        }),
      ]);
      assert.equal(recorded.documents.length, 4);
      await compareWithCreate(AuditEntries, ReferenceEntries, recorded.documents, async (input) => (await ReferenceEntries.insertMany([input as object], { ordered: true }))[0]!, { sameOrder: true });
      assert.equal((await svc.container.audit.verify()).ok, true);
    } finally {
      recorded.restore();
    }
  });
});
