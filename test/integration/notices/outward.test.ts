import assert from 'node:assert/strict';
import { api, startTestService, type TestService, type TestUser } from '../../support/service.js';

const INTERNAL = 'Bærbar PC stjålet fra bil. Eksempelrad: Ola Testesen 150385*****. Saken ble meldt av Per Hansen.';
const FACTS = {
  title: 'Stjålet PC',
  description: INTERNAL,
  breachTypes: ['confidentiality'],
  dataCategories: ['identity', 'national_id_number'],
  subjects: { groups: ['kunder'], count: { kind: 'estimate', value: 4800 } },
  records: { kind: 'estimate', value: 4800 },
  consequences: 'Fare for identitetstyveri.',
  measuresTaken: 'Maskinen er sperret.',
};
const ADVICE = 'Vær på vakt mot svindelforsøk.';

describe('notices: what leaves the house says only what it must', () => {
  let svc: TestService;
  let analyst: TestUser;
  let dpo: TestUser;

  before(async () => {
    svc = await startTestService({ env: { ORGANISATION_NAME: 'Eksempel AS' } });
    analyst = await svc.user(['analyst'], 'Ane Analytiker');
    dpo = await svc.user(['dpo'], 'Kari Nordmann');
  });
  after(() => svc.close());

  const incident = async (body: Record<string, unknown>) =>
    (await api(svc).post('/api/incidents').set(analyst.auth).send({ awareAt: svc.clock.now().toISOString(), ...FACTS, ...body }).expect(201)).body;
  const draft = (id: string, body: Record<string, unknown>, lang = 'nb') =>
    api(svc).post(`/api/incidents/${id}/notices`).set(analyst.auth).set('Accept-Language', lang).send({ lang: 'nb', adviceToSubjects: ADVICE, ...body });

  it('needs an outward description for the people; the internal description is not used in its place', async () => {
    const inc = await incident({});
    const res = await draft(inc.id, { kind: 'subject' }).expect(422);
    assert.equal(res.body.error.code, 'missing_elements');
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['outwardDescription']);
    assert.match(res.body.error.details[0].message, /beskrivelsen til de berørte/);
    const en = await draft(inc.id, { kind: 'subject' }, 'en').expect(422);
    assert.match(en.body.error.message, /^The notice lacks 1 required element$/);
    assert.match(en.body.error.details[0].message, /description for the people affected/);
    const preview = (await api(svc).post(`/api/incidents/${inc.id}/notices/preview`).set(analyst.auth).send({ kind: 'subject', lang: 'nb', adviceToSubjects: ADVICE }).expect(200)).body;
    assert.ok(!preview.text.includes('Ola Testesen'), 'the preview does not fall back to the internal text');
    assert.match(preview.text, /ikke avklart – ettersendes/);
  });

  it('refuses an outward description with a name, a masked or a full national identity number, or the internal text, naming the field', async () => {
    const copied = await incident({ outwardDescription: INTERNAL });
    const res = await draft(copied.id, { kind: 'subject' }).expect(422);
    assert.equal(res.body.error.code, 'outward_personal_data');
    const messages = res.body.error.details.filter((d: { path: string }) => d.path === 'outwardDescription').map((d: { message: string }) => d.message);
    assert.ok(messages.includes('Inneholder et maskert fødselsnummer (fødselsdato og stjerner)'), messages.join(' | '));
    assert.ok(messages.includes('Inneholder navnet «Ola Testesen»'));
    assert.ok(messages.some((m: string) => /interne beskrivelsen ordrett/.test(m)));

    const fnr = await incident({ outwardDescription: 'Opplysninger om deg, blant annet 01010112377, kan ha kommet på avveie.' });
    const byNumber = await draft(fnr.id, { kind: 'public' }, 'en').expect(422);
    assert.deepEqual(byNumber.body.error.details, [{ path: 'outwardDescription', message: 'Contains 1 national identity number', label: 'Description for notices' }]);

    const advice = await incident({ outwardDescription: 'En bærbar PC med opplysninger om deg ble stjålet.' });
    const inAdvice = await draft(advice.id, { kind: 'subject', adviceToSubjects: 'Kontakt Ane Analytiker hvis du lurer på noe.' }).expect(422);
    assert.deepEqual(inAdvice.body.error.details, [{ path: 'adviceToSubjects', message: 'Inneholder navnet «Ane Analytiker»', label: 'Råd til de berørte' }]);
  });

  it('drafts and approves a clean subject notice that says when it happened and how to reach the DPO in one sentence', async () => {
    const inc = await incident({ outwardDescription: 'En bærbar PC med opplysninger om deg ble stjålet fra en bil.', occurred: { from: '2026-03-01T18:00:00Z' } });
    const notice = (await draft(inc.id, { kind: 'subject' }).expect(201)).body;
    assert.ok(!notice.text.includes('Eksempelrad'));
    assert.match(notice.text, /Bruddet skjedde 1\. mars 2026 kl\. 19:00 \(norsk tid\), og vi ble kjent med det /);
    assert.match(notice.text, /Har du spørsmål, kan du kontakte personvernombudet vårt, Kari Nordmann, på e-post \S+@example\.test\./);
    await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).expect(200);
    const altinn = await api(svc).get(`/api/notices/${notice.id}/altinn`).set(analyst.auth).expect(422);
    assert.match(altinn.body.error.message, /Bare en godkjent melding til Datatilsynet/);
    const authorityDraft = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
    await api(svc).get(`/api/notices/${authorityDraft.id}/altinn`).set(analyst.auth).expect(422);
  });

  it('asks whoever approves to confirm what looks like a name the service does not know, and approves once they have; it never blocks a draft', async () => {
    const inc = await incident({ outwardDescription: 'En fil med opplysninger om deg ble ved en feil sendt til Lise Utenforsen, som har slettet den.' });
    const preview = (await api(svc).post(`/api/incidents/${inc.id}/notices/preview`).set(analyst.auth).send({ kind: 'subject', lang: 'nb', adviceToSubjects: ADVICE }).expect(200)).body;
    assert.deepEqual(preview.outward, []);
    assert.deepEqual(preview.names, [
      { path: 'outwardDescription', message: '«Lise Utenforsen» ser ut som navnet på en person: sjekk at det ikke er en av de berørte eller en ansatt' },
    ]);
    const notice = (await draft(inc.id, { kind: 'subject' }).expect(201)).body;
    const unchecked = await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).set('Accept-Language', 'en').expect(422);
    assert.equal(unchecked.body.error.code, 'names_unchecked');
    assert.match(unchecked.body.error.message, /^The notice contains what look like people's names/);
    assert.deepEqual(unchecked.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]), [
      ['outwardDescription', '"Lise Utenforsen" looks like a person\'s name: check that it is not one of the people affected or a member of staff'],
    ]);
    assert.equal((await api(svc).get(`/api/notices/${notice.id}`).set(dpo.auth).expect(200)).body.status, 'draft');
    const approved = await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).send({ namesChecked: true }).expect(200);
    assert.equal(approved.body.status, 'approved');
  });

  it('gives Datatilsynet and the controller the outward description, checked like the notice to the people, before drafting and again before approval', async () => {
    const outward = 'En bærbar PC med kundeopplysninger ble stjålet fra en bil.';
    const inc = await incident({ outwardDescription: outward });
    const authority = (await draft(inc.id, { kind: 'authority' }).expect(201)).body;
    assert.ok(authority.text.includes(outward), authority.text);
    assert.ok(!authority.text.includes('Ola Testesen') && !authority.html.includes('Eksempelrad'), 'the internal description stays in the house');
    const approved = await api(svc).post(`/api/notices/${authority.id}/approve`).set(dpo.auth).expect(200);
    assert.equal(approved.body.status, 'approved');
    const altinn = (await api(svc).get(`/api/notices/${authority.id}/altinn`).set(analyst.auth).expect(200)).body;
    assert.equal(altinn.sections[0].fields[0].answer, outward);

    const missing = await incident({ outwardDescription: '' });
    const lacks = await draft(missing.id, { kind: 'authority' }).expect(422);
    assert.deepEqual(lacks.body.error.details.map((d: { path: string }) => d.path), ['outwardDescription']);

    const fnr = await incident({ outwardDescription: 'Et regneark med blant annet 01010112377 ble stjålet.' });
    const byNumber = await draft(fnr.id, { kind: 'authority' }).expect(422);
    assert.equal(byNumber.body.error.code, 'outward_personal_data');
    assert.deepEqual(byNumber.body.error.details.map((d: { path: string }) => d.path), ['outwardDescription']);
    const inCause = await incident({ outwardDescription: outward, cause: { kind: 'malicious', vector: 'tyveri', description: 'Ola Testesen lot PC-en ligge i bilen.' } });
    const byName = await draft(inCause.id, { kind: 'authority' }).expect(422);
    assert.deepEqual(byName.body.error.details, [{ path: 'cause.description', message: 'Inneholder navnet «Ola Testesen»', label: 'Mer om årsaken' }]);
    const processor = await incident({ outwardDescription: 'Kunden Ola Testesen 150385***** fikk feil faktura.', role: 'processor', controller: { name: 'Kunde AS', contact: 'personvern@kunde.example' } });
    await draft(processor.id, { kind: 'controller' }).expect(422);

    // A draft whose facts were changed under it is checked again when approved.
    const clean = (await draft((await incident({ outwardDescription: outward })).id, { kind: 'authority' }).expect(201)).body;
    const { noticeModels } = await import('../../../server/domains/notices/notice.model.js');
    await noticeModels(svc.connection).Notices.updateOne({ _id: clean.id }, { $set: { 'facts.outwardDescription': 'Gjelder 01010112377.' } });
    const refusedApproval = await api(svc).post(`/api/notices/${clean.id}/approve`).set(dpo.auth).expect(422);
    assert.equal(refusedApproval.body.error.code, 'outward_personal_data');
  });

  it('writes English notices in English only, and says "not yet established" where a fact is missing', async () => {
    const inc = await incident({ outwardDescription: 'A laptop holding data about you was stolen from a car.', subjects: { groups: ['kunder'], count: { kind: 'unknown' } } });
    const subject = (await draft(inc.id, { kind: 'subject', lang: 'en', adviceToSubjects: 'Be wary of fraud attempts.' }).expect(201)).body;
    assert.ok(!/personvernombud|kunder/.test(subject.text), subject.text);
    assert.match(subject.text, /contact our data protection officer, Kari Nordmann/);
    const authority = (await draft(inc.id, { kind: 'authority', lang: 'en' }).expect(201)).body;
    assert.ok(!/personvernombud|kunder/.test(authority.text), authority.text);
    assert.match(authority.text, /People affected: not yet established – to follow\./);
    const bare = await incident({ breachTypes: [], outwardDescription: 'x' });
    const preview = (await api(svc).post(`/api/incidents/${bare.id}/notices/preview`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(200)).body;
    assert.match(preview.text, /Type brudd: ikke avklart – ettersendes\./);
    assert.ok(!/Avviket gjelder \./.test(preview.text));
  });
});

describe('notice templates shipped with a release', () => {
  let svc: TestService;

  before(async () => {
    svc = await startTestService();
  });
  after(() => svc.close());

  it('replaces a default still in force with the shipped text, and leaves a version someone made alone', async () => {
    const { noticeModels } = await import('../../../server/domains/notices/notice.model.js');
    const { Templates } = noticeModels(svc.connection);
    await Templates.updateOne({ kind: 'authority', lang: 'nb', version: 1 }, { $set: { text: 'Avviket gjelder {{incident.breachTypes}}.' } });
    await Templates.updateOne({ kind: 'subject', lang: 'nb', version: 1 }, { $set: { author: { id: 'someone', name: 'A manager' }, text: 'Vår egen tekst' } });
    await svc.container.templates.seed();
    const authority = await Templates.find({ kind: 'authority', lang: 'nb' }).sort({ version: 1 }).lean();
    assert.deepEqual(authority.map((t) => [t.version, t.status]), [[1, 'approved'], [2, 'approved']]);
    assert.match(authority[1]!.text, /Type brudd:/);
    assert.equal((await Templates.countDocuments({ kind: 'subject', lang: 'nb' })), 1, "a manager's version stays in force");
    await svc.container.templates.seed();
    assert.equal(await Templates.countDocuments({ kind: 'authority', lang: 'nb' }), 2, 'seeding again changes nothing');
  });
});
