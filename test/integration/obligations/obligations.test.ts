import assert from 'node:assert/strict';
import { incidentModels } from '../../../server/domains/incidents/incident.model.js';
import { ManualClock } from '../../support/clock.js';
import { api, startTestService, type TestService, type TestUser } from '../../support/service.js';

const H = 3_600_000;
const FACTS = {
  description: 'En ulåst bærbar PC med kundeliste ble stjålet fra en bil.',
  outwardDescription: 'En bærbar PC med opplysninger om deg ble stjålet. Vi har sperret tilgangen fra den.',
  breachTypes: ['confidentiality'],
  dataCategories: ['identity', 'contact', 'national_id_number'],
  subjects: { groups: ['kunder'], count: { kind: 'estimate', value: 4800 }, canBeReached: true, reachEffort: 'individual' },
  records: { kind: 'estimate', value: 4800 },
  unauthorisedAccess: 'possible',
  recipients: { type: 'unknown_finder' },
  likelyConsequences: ['identity_fraud'],
  consequences: 'Fare for identitetstyveri.',
  measuresTaken: 'Maskinen er sperret og politiet varslet.',
};
type View = { id: string; version: number; obligations: { kind: string; dueAt: string | null; overdue: boolean; actorRoles: string[]; actors: { id: string; name: string }[] }[]; nextStep: { kind: string } | null };

describe('obligations: what each incident owes, on its page and on the board', () => {
  let svc: TestService;
  let analyst: TestUser;
  let dpo: TestUser;

  beforeEach(async () => {
    svc = await startTestService({ clock: new ManualClock('2026-03-02T09:00:00Z'), env: { ORGANISATION_NAME: 'Eksempel AS' } });
    analyst = await svc.user(['analyst'], 'Ane Analytiker');
    dpo = await svc.user(['dpo'], 'Kari Nordmann');
  });
  afterEach(() => svc.close());

  const get = async (id: string): Promise<View> => (await api(svc).get(`/api/incidents/${id}`).set(analyst.auth).expect(200)).body;
  const kinds = (v: View) => v.obligations.map((o) => o.kind);
  const board = async () => (await api(svc).get('/api/incidents').set(analyst.auth).expect(200)).body.items as (View & { title: string })[];

  it('carries a breach from intake to closing: each step owed, who may act, the board in due order, and off the board when nothing is owed', async () => {
    const triage = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'I triage', description: '' }).expect(201)).body as View;
    assert.deepEqual(kinds(triage), ['declare-awareness']);
    assert.equal(triage.obligations[0]!.dueAt, '2026-03-03T09:00:00.000Z');

    svc.clock.advanceHours(1);
    const created = (await api(svc).post('/api/incidents').set(analyst.auth).send({
      title: 'Stjålet PC', awareAt: svc.clock.now().toISOString(), ...FACTS,
      cause: { kind: 'malicious', vector: 'tyveri', description: 'PC-en lå i en bil som ble brutt opp' }, encryption: { dataEncrypted: false }, mitigations: [{ what: 'PC-en er fjernslettet' }],
    }).expect(201)).body as View;
    assert.deepEqual(kinds(created), ['assess', 'decide', 'notify-authority']);
    assert.equal(created.nextStep!.kind, 'assess');
    const decide = created.obligations[1]!;
    assert.deepEqual(decide.actorRoles, ['manager', 'dpo']);
    assert.deepEqual(decide.actors, [{ id: dpo.id, name: 'Kari Nordmann' }], 'deciding names the DPO, not the analyst who owns it');
    assert.deepEqual(created.obligations[0]!.actors.map((a) => a.name), ['Ane Analytiker', 'Kari Nordmann']);

    // Nearest due first: the triage limit (24 h) comes before the 72-hour deadline.
    assert.deepEqual((await board()).map((i) => i.title), ['I triage', 'Stjålet PC']);

    const assessment = (await api(svc).post(`/api/incidents/${created.id}/assessments`).set(analyst.auth).expect(201)).body;
    assert.equal(assessment.recommendation.notifySubjects, true, 'national identity numbers with an unknown finder are a high risk');
    assert.deepEqual(kinds(await get(created.id)), ['decide', 'notify-authority']);
    await api(svc).post(`/api/incidents/${created.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: assessment.id, notifySA: true, notifySubjects: true, exemption: null, reason: '' }).expect(201);
    assert.deepEqual(kinds(await get(created.id)), ['notify-authority', 'notify-subjects']);

    const authority = (await api(svc).post(`/api/incidents/${created.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
    await api(svc).post(`/api/notices/${authority.id}/approve`).set(dpo.auth).expect(200);
    const beforeTelling = (await api(svc).get(`/api/notices/${authority.id}/altinn`).set(analyst.auth).expect(200)).body;
    const answer = (section: string, field: string, altinn = beforeTelling) =>
      altinn.sections.find((s: { section: string }) => s.section === section).fields.find((f: { field: string }) => f.field === field).answer as string;
    assert.equal(answer('Informasjon', 'Er de berørte informert, og hvordan'), 'Nei, ikke ennå. Vi har besluttet å varsle dem uten ugrunnet opphold (art. 34).', 'what is decided, not a bare no');
    assert.equal(answer('Kontaktinformasjon', 'Telefon'), 'ikke oppgitt');
    assert.equal(answer('Beskrivelse av avviket', 'Hovedårsak'), 'handling med vilje – tyveri. PC-en lå i en bil som ble brutt opp');
    assert.equal(answer('Beskrivelse av avviket', 'Var opplysningene kryptert'), 'Opplysningene var ikke kryptert.');
    assert.equal(answer('Tiltak', 'Tiltak som reduserer følgene for de berørte'), '- PC-en er fjernslettet');
    assert.match(answer('Beskrivelse av avviket', 'Når ble virksomheten kjent med avviket'), /^2\. mars 2026 kl\. 11:00 \(norsk tid\)$/);
    const approved = await get(created.id);
    assert.deepEqual(approved.obligations[0]!.actorRoles, ['analyst', 'manager', 'dpo'], 'an approved notice may be filed by whoever records submissions');
    await api(svc).post(`/api/incidents/${created.id}/submissions`).set(analyst.auth)
      .send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-1', phase: 'complete', noticeId: authority.id }).expect(201);
    const filed = await get(created.id);
    assert.deepEqual(kinds(filed), ['notify-subjects'], 'filing with Datatilsynet ends one obligation, not the work');
    const notice = (await api(svc).get(`/api/notices/${authority.id}`).set(analyst.auth).expect(200)).body;
    assert.equal(notice.status, 'sent', 'the filing marks the notice it sent');
    assert.ok((await board()).some((i) => i.id === created.id), 'a filed case that owes a subject notice stays on the board');

    const subject = (await api(svc).post(`/api/incidents/${created.id}/notices`).set(analyst.auth)
      .send({ kind: 'subject', lang: 'nb', adviceToSubjects: 'Vær på vakt mot svindelforsøk.' }).expect(201)).body;
    await api(svc).post(`/api/notices/${subject.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${subject.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'email', audience: '4 800 kunder' }).expect(200);
    assert.deepEqual(kinds(await get(created.id)), ['close']);
    const timeline = (await api(svc).get(`/api/incidents/${created.id}/timeline`).set(analyst.auth).expect(200)).body;
    assert.ok(timeline.some((e: { kind: string }) => e.kind === 'people-told'), 'telling the people is on the timeline');
    const altinn = (await api(svc).get(`/api/notices/${authority.id}/altinn`).set(analyst.auth).expect(200)).body;
    const informed = altinn.sections.find((s: { section: string }) => s.section === 'Informasjon').fields[0].answer;
    assert.match(informed, /^Ja, 2\. mars 2026 kl\. 11:00 \(norsk tid\), direkte \(e-post: 4 800 kunder\)\.$/);
    await api(svc).post(`/api/incidents/${created.id}/close`).set(dpo.auth).send({ reason: 'Tiltak dokumentert, berørte varslet.' }).expect(200);
    const closed = await get(created.id);
    assert.deepEqual(closed.obligations, []);
    assert.equal(closed.nextStep, null);
    assert.deepEqual((await board()).map((i) => i.title), ['I triage'], 'it leaves the board when it owes nothing');
  });

  it('keeps a late phased notice on the board with its follow-up date, and reuses the delay reasons in the supplement', async () => {
    const created = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Sent melding', awareAt: svc.clock.now().toISOString(), ...FACTS }).expect(201)).body as View;
    svc.clock.advanceHours(80);
    const refused = await api(svc).post(`/api/incidents/${created.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'initial' }).expect(422);
    assert.deepEqual(refused.body.error.details.map((d: { path: string }) => d.path), ['delayReasons']);
    const initial = (await api(svc).post(`/api/incidents/${created.id}/notices`).set(analyst.auth)
      .send({ kind: 'authority', lang: 'nb', phase: 'initial', delayReasons: 'Innbruddet ble først forstått etter en helg uten bemanning.' }).expect(201)).body;
    assert.match(initial.text, /ÅRSAKER TIL FORSINKELSEN \(ART\. 33 NR\. 1\)/);
    await api(svc).post(`/api/notices/${initial.id}/approve`).set(dpo.auth).expect(200);
    const followUpDueAt = new Date(svc.clock.now().getTime() + 5 * 24 * H).toISOString();
    await api(svc).post(`/api/incidents/${created.id}/submissions`).set(analyst.auth)
      .send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', phase: 'initial', noticeId: initial.id, followUpDueAt }).expect(201);
    const phased = await get(created.id);
    const followUp = phased.obligations.find((o) => o.kind === 'follow-up-phased')!;
    assert.equal(followUp.dueAt, followUpDueAt, 'the follow-up date is owed and shown');
    assert.ok((await board()).some((i) => i.id === created.id));

    svc.clock.advanceHours(24);
    const supplement = (await api(svc).post(`/api/incidents/${created.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'supplementary' }).expect(201)).body;
    assert.match(supplement.text, /helg uten bemanning/, 'the reasons already given are reused, not asked again');
    await api(svc).post(`/api/notices/${supplement.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${supplement.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn' }).expect(200);
    const next = (await get(created.id)).obligations.find((o) => o.kind === 'follow-up-phased')!;
    assert.equal(next.dueAt, new Date(svc.clock.now().getTime() + 7 * 24 * H).toISOString(), 'a supplement that is itself phased owes the next follow-up');
    const final = (await api(svc).post(`/api/incidents/${created.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'final' }).expect(201)).body;
    await api(svc).post(`/api/notices/${final.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${final.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn' }).expect(200);
    assert.ok(!kinds(await get(created.id)).includes('follow-up-phased'), 'the final notice owes no follow-up');
  });

  it('owes the public communication after a disproportionate-effort decision, and nothing more once it is published', async () => {
    const created = (await api(svc).post('/api/incidents').set(analyst.auth).send({
      title: 'Gammel kundeliste', awareAt: svc.clock.now().toISOString(), ...FACTS,
      subjects: { ...FACTS.subjects, canBeReached: false, reachEffort: 'disproportionate', reachNote: 'Vi har ingen kontaktopplysninger for kunder fra før 2015.' },
    }).expect(201)).body as View;
    const assessment = (await api(svc).post(`/api/incidents/${created.id}/assessments`).set(analyst.auth).expect(201)).body;
    assert.equal(assessment.recommendation.exemption, 'disproportionate');
    await api(svc).post(`/api/incidents/${created.id}/decisions`).set(dpo.auth).send({
      assessmentId: assessment.id, notifySA: true, notifySubjects: false, exemption: 'disproportionate', reason: '',
      evidence: { whyDisproportionate: 'Ingen kontaktopplysninger for kunder fra før 2015.' },
    }).expect(201);
    assert.deepEqual(kinds(await get(created.id)), ['notify-authority', 'publish-public']);
    const notice = (await api(svc).post(`/api/incidents/${created.id}/notices`).set(analyst.auth)
      .send({ kind: 'public', lang: 'nb', adviceToSubjects: 'Vær på vakt mot svindelforsøk.' }).expect(201)).body;
    assert.match(notice.text, /art\. 34 nr\. 3 bokstav c/);
    await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${notice.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'web', audience: 'Forsiden av nettstedet' }).expect(200);
    assert.deepEqual(kinds(await get(created.id)), ['notify-authority']);
  });

  it('keeps what the board sorts on in the incident document, updated in the same write', async () => {
    const created = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Lagret', awareAt: svc.clock.now().toISOString() }).expect(201)).body as View;
    const { Incidents } = incidentModels(svc.connection);
    const stored = await Incidents.findById(created.id).lean();
    assert.equal(stored!.owes, true);
    assert.equal(stored!.nextDueAt!.toISOString(), '2026-03-05T09:00:00.000Z');
    await api(svc).post(`/api/incidents/${created.id}/close`).set(dpo.auth).send({ reason: 'Ikke et brudd på personopplysningssikkerheten', notABreach: true }).expect(200);
    const after = await Incidents.findById(created.id).lean();
    assert.equal(after!.owes, false);
    assert.equal(after!.boardOrder, null);
    const indexes = await Incidents.collection.indexes();
    assert.ok(indexes.some((i) => JSON.stringify(i.key) === JSON.stringify({ owes: 1, boardOrder: 1, _id: 1 })), 'the board has its index');
  });

  it('stores the obligations of an incident written before they were kept, at start-up', async () => {
    const created = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Eldre sak', awareAt: svc.clock.now().toISOString() }).expect(201)).body as View;
    const { Incidents } = incidentModels(svc.connection);
    await Incidents.collection.updateOne({ _id: (await Incidents.findById(created.id).lean())!._id }, { $unset: { owes: '', obligations: '', nextDueAt: '', boardOrder: '' } });
    assert.ok(!(await board()).some((i) => i.id === created.id));
    assert.equal(await svc.container.incidents.backfillObligations(), 1);
    const plan = JSON.stringify(await Incidents.find({ owes: null }, { _id: 1 }).explain());
    assert.doesNotMatch(plan, /detail=SCAN "?[\w.]+"?(?! USING)(?:"|,|\]|$)|COLLSCAN/, `start-up finds them through an index: ${plan}`);
    assert.deepEqual(kinds(await get(created.id)), ['assess', 'decide', 'notify-authority']);
    assert.ok((await board()).some((i) => i.id === created.id));
  });

  it('stores the obligations of the latest state when a decision, an assessment and edits arrive at once', async () => {
    const created = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Travelt', awareAt: svc.clock.now().toISOString(), ...FACTS }).expect(201)).body as View;
    const assessment = (await api(svc).post(`/api/incidents/${created.id}/assessments`).set(analyst.auth).expect(201)).body;
    const current = await get(created.id);
    await Promise.all([
      api(svc).post(`/api/incidents/${created.id}/decisions`).set(dpo.auth).send({ assessmentId: assessment.id, notifySA: true, notifySubjects: true, exemption: null, reason: '' }),
      api(svc).post(`/api/incidents/${created.id}/assessments`).set(analyst.auth),
      ...Array.from({ length: 4 }, (_, i) => api(svc).patch(`/api/incidents/${created.id}`).set(analyst.auth).send({ version: current.version, measuresPlanned: `Plan ${i}` })),
    ]);
    const { Incidents } = incidentModels(svc.connection);
    const before = (await Incidents.findById(created.id).lean())!;
    const refreshed = (await svc.container.incidents.refreshObligations(created.id))!;
    assert.equal(refreshed.version, before.version, 'recomputing from the stored state changes nothing: nothing stale was kept');
  });

  it('lets one of several filings sent at once claim the approved notice; the others are refused and record nothing', async () => {
    const created = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Samtidig', awareAt: svc.clock.now().toISOString(), ...FACTS }).expect(201)).body as View;
    const notice = (await api(svc).post(`/api/incidents/${created.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
    await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).expect(200);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => i % 2
      ? api(svc).post(`/api/notices/${notice.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: `AR-${i}` })
      : api(svc).post(`/api/incidents/${created.id}/submissions`).set(analyst.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: `AR-${i}`, phase: 'complete', noticeId: notice.id })));
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200 || s === 201).length, 1, statuses.join(','));
    assert.ok(statuses.every((s) => [200, 201, 409, 422].includes(s)), statuses.join(','));
    const ledger = (await api(svc).get(`/api/incidents/${created.id}/submissions`).set(analyst.auth).expect(200)).body;
    assert.equal(ledger.length, 1);
    assert.equal(ledger[0].noticeId, notice.id);
    assert.deepEqual(kinds(await get(created.id)), ['assess', 'decide']);
  });
});

describe('obligations: processor incidents', () => {
  let svc: TestService;
  let analyst: TestUser;
  let dpo: TestUser;

  beforeEach(async () => {
    svc = await startTestService({ clock: new ManualClock('2026-03-02T09:00:00Z'), env: { ORGANISATION_NAME: 'Klikk Int AS' } });
    analyst = await svc.user(['analyst']);
    dpo = await svc.user(['dpo'], 'Kari Nordmann');
  });
  afterEach(() => svc.close());

  const processorIncident = async (controller: Record<string, unknown> = {}) =>
    (await api(svc).post('/api/incidents').set(analyst.auth).send({
      title: 'Kundens database eksponert', awareAt: svc.clock.now().toISOString(), role: 'processor', ...FACTS,
      controller: { name: 'Kunde AS', contact: 'personvern@kunde.example', noticeHours: 12, ...controller },
    }).expect(201)).body;

  it("runs the processor's clock to the controller by the contract's hours, refuses a Datatilsynet notice in the reader's language, and ends in the controller notice", async () => {
    const incident = await processorIncident();
    assert.equal(incident.deadline, null);
    assert.equal(incident.notifiesAuthority, false);
    assert.deepEqual(incident.obligations.map((o: { kind: string }) => o.kind), ['inform-controller']);
    assert.equal(incident.obligations[0].dueAt, '2026-03-02T21:00:00.000Z', 'twelve hours, as the contract says');
    assert.deepEqual(incident.controller, { ...incident.controller, name: 'Kunde AS', notifyOnBehalf: false, noticeHours: 12 });

    const nb = await api(svc).post(`/api/incidents/${incident.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(422);
    assert.equal(nb.body.error.code, 'processor_notifies_controller');
    assert.match(nb.body.error.message, /databehandler/);
    const en = await api(svc).post(`/api/incidents/${incident.id}/notices`).set(analyst.auth).set('Accept-Language', 'en-GB,en;q=0.9').send({ kind: 'authority', lang: 'nb' }).expect(422);
    assert.match(en.body.error.message, /processor/);
    await api(svc).post(`/api/incidents/${incident.id}/submissions`).set(analyst.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', phase: 'complete' }).expect(422);
    const assessment = (await api(svc).post(`/api/incidents/${incident.id}/assessments`).set(analyst.auth).expect(201)).body;
    const decision = await api(svc).post(`/api/incidents/${incident.id}/decisions`).set(dpo.auth).send({ assessmentId: assessment.id, notifySA: true, notifySubjects: false }).expect(422);
    assert.equal(decision.body.error.code, 'processor_notifies_controller');
    assert.match(decision.body.error.message, /behandlingsansvarlige/);

    const notice = (await api(svc).post(`/api/incidents/${incident.id}/notices`).set(analyst.auth).send({ kind: 'controller', lang: 'nb' }).expect(201)).body;
    assert.match(notice.text, /Klikk Int AS behandler personopplysninger på deres vegne som databehandler/);
    assert.match(notice.text, /Fristen på 72 timer regnes fra dere ble kjent med bruddet/);
    await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${notice.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'email', audience: 'Kunde AS personvernombud' }).expect(200);
    const informed = (await api(svc).get(`/api/incidents/${incident.id}`).set(analyst.auth).expect(200)).body;
    assert.deepEqual(informed.obligations.map((o: { kind: string }) => o.kind), ['close']);
  });

  it('offers the Datatilsynet clock once the controller has told us to notify on its behalf, as a recorded choice with its instruction as evidence', async () => {
    const incident = await processorIncident();
    // The choice alone is refused: who instructed us and when are named as the form names them, in the reader's language.
    const bare = await api(svc).patch(`/api/incidents/${incident.id}`).set(analyst.auth).set('Accept-Language', 'en').send({ version: incident.version, controller: { notifyOnBehalf: true } }).expect(400);
    assert.deepEqual(bare.body.error.details.map((d: { path: string; label: string; message: string }) => [d.path, d.label, d.message]), [
      ['controller.instructedBy', 'Who at the controller gave the instruction', 'required'],
      ['controller.instructedAt', 'When the instruction was given', 'required'],
    ]);
    assert.equal((await api(svc).get(`/api/incidents/${incident.id}`).set(analyst.auth).expect(200)).body.controller.notifyOnBehalf, false, 'nothing half-written');
    const instruction = { notifyOnBehalf: true, instructedBy: 'Eva Berg, personvernombud hos Kunde AS', instructedAt: '2026-03-02T08:30:00.000Z', instructionReference: 'E-post «Melding på våre vegne», 2. mars' };
    const changed = (await api(svc).patch(`/api/incidents/${incident.id}`).set(analyst.auth).send({ version: incident.version, controller: instruction }).expect(200)).body;
    assert.deepEqual(
      [changed.controller.notifyOnBehalf, changed.controller.instructedBy, changed.controller.instructedAt, changed.controller.instructionReference],
      [true, instruction.instructedBy, instruction.instructedAt, instruction.instructionReference],
    );
    // Other facts stay editable without repeating the evidence.
    await api(svc).patch(`/api/incidents/${incident.id}`).set(analyst.auth).send({ version: changed.version, title: 'Renamed' }).expect(200);
    assert.equal(changed.notifiesAuthority, true);
    assert.equal(changed.deadline, '2026-03-05T09:00:00.000Z');
    assert.deepEqual(changed.obligations.map((o: { kind: string }) => o.kind), ['inform-controller', 'assess', 'decide', 'notify-authority']);
    const timeline = (await api(svc).get(`/api/incidents/${incident.id}/timeline`).set(analyst.auth).expect(200)).body;
    assert.ok(timeline.some((e: { changes: { field: string; to: unknown }[] }) => e.changes.some((c) => c.field === 'controller.notifyOnBehalf' && c.to === true)));
    await api(svc).post(`/api/incidents/${incident.id}/notices/preview`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(200);
  });
});
