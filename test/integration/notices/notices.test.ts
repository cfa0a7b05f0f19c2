import assert from 'node:assert/strict';
import { noticeModels } from '../../../server/domains/notices/notice.model.js';
import { buildIncident, COMPLETE, testService } from '../../support/factories.js';
import { api, startTestService, type TestService, type TestUser } from '../../support/service.js';


describe('notices: drafting, approval, freezing and filing', () => {
  const { svc, signedInAs } = testService();
  const analyst = signedInAs('analyst');
  const dpo = signedInAs('dpo');

  const incident = (body: Record<string, unknown>) => buildIncident(svc, analyst, body);

  it('refuses a notice that lacks required elements with 422 naming each, and the preview lists them', async () => {
    const inc = await incident({ title: 'Bare', description: 'Intern tekst', outwardDescription: '' });
    const res = await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(422);
    assert.equal(res.body.error.code, 'missing_elements');
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['outwardDescription', 'breachTypes', 'dataCategories', 'consequences', 'measuresTaken']);
    const preview = await api(svc).post(`/api/incidents/${inc.id}/notices/preview`).set(analyst.auth).send({ kind: 'subject', lang: 'en' }).expect(200);
    assert.ok(preview.body.missing.some((m: { element: string }) => m.element === 'advice'));
    assert.match(preview.body.html, /^<!doctype html>/);
  });

  it('drafts from the approved template, freezes on approval, verifies the hash, and files it as the submission', async () => {
    const inc = await incident(COMPLETE);
    const draft = await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'complete' }).expect(201);
    assert.equal(draft.body.status, 'draft');
    assert.equal(draft.body.templateVersion, 1);
    assert.match(draft.body.text, /Berørte personer: om lag 1 200/);
    assert.match(draft.body.text, /dpo/i);
    await api(svc).post(`/api/notices/${draft.body.id}/approve`).set(analyst.auth).expect(403);
    const approved = await api(svc).post(`/api/notices/${draft.body.id}/approve`).set(dpo.auth).expect(200);
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.hashVerifies, true);
    await api(svc).post(`/api/notices/${draft.body.id}/approve`).set(dpo.auth).expect(422);

    const altinn = await api(svc).get(`/api/notices/${draft.body.id}/altinn`).set(analyst.auth).expect(200);
    assert.deepEqual(altinn.body.sections.map((s: { section: string }) => s.section), ['Beskrivelse av avviket', 'Konsekvenser', 'Tiltak', 'Informasjon', 'Kontaktinformasjon']);
    const pdf = await api(svc).get(`/api/notices/${draft.body.id}/pdf`).set(analyst.auth).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');
    assert.equal(pdf.headers['content-disposition'], `attachment; filename="${inc.ref}-melding-til-datatilsynet.pdf"; filename*=UTF-8''${inc.ref}-melding-til-datatilsynet.pdf`);
    const english = await api(svc).get(`/api/notices/${draft.body.id}/pdf`).set(analyst.auth).set('Accept-Language', 'en').expect(200);
    assert.match(String(english.headers['content-disposition']), new RegExp(`filename="${inc.ref}-notification-to-datatilsynet\\.pdf"`));

    const sent = await api(svc).post(`/api/notices/${draft.body.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-777' }).expect(200);
    assert.equal(sent.body.status, 'sent');
    const ledger = (await api(svc).get(`/api/incidents/${inc.id}/submissions`).set(analyst.auth).expect(200)).body;
    assert.equal(ledger.length, 1);
    assert.equal(ledger[0].noticeId, draft.body.id);
    assert.equal(ledger[0].noticeText, approved.body.text, 'what was filed is what was approved');
    const after = (await api(svc).get(`/api/incidents/${inc.id}`).set(analyst.auth).expect(200)).body;
    assert.equal(after.clock.stopReason, 'notified');
  });

  it('detects an approved notice changed in the database and refuses to send it', async () => {
    const inc = await incident(COMPLETE);
    const draft = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'en' }).expect(201)).body;
    await api(svc).post(`/api/notices/${draft.id}/approve`).set(dpo.auth).expect(200);
    const { Notices } = noticeModels(svc.connection);
    await Notices.updateOne({ _id: draft.id }, { $set: { text: 'tampered' } });
    const read = await api(svc).get(`/api/notices/${draft.id}`).set(dpo.auth).expect(200);
    assert.equal(read.body.hashVerifies, false);
    await api(svc).post(`/api/notices/${draft.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn' }).expect(409);
  });

  it('refuses to approve a notice while the decision it rests on is stale, saying what to do; the obligation says the same', async () => {
    const inc = await incident(COMPLETE);
    const assessment = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: assessment.id, notifySA: true, notifySubjects: assessment.recommendation.notifySubjects, reason: 'Følger anbefalingen' }).expect(201);
    const draft = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
    const current = (await api(svc).get(`/api/incidents/${inc.id}`).set(analyst.auth).expect(200)).body;
    await api(svc).patch(`/api/incidents/${inc.id}`).set(analyst.auth).send({ version: current.version, encryption: { dataEncrypted: false } }).expect(200);
    const after = (await api(svc).get(`/api/incidents/${inc.id}`).set(analyst.auth).expect(200)).body;
    assert.ok(after.obligations.some((o: { kind: string }) => o.kind === 'review-decision'), after.obligations.map((o: { kind: string }) => o.kind).join());
    assert.ok(!after.obligations.some((o: { kind: string }) => o.kind === 'decide'));
    const refusedApproval = await api(svc).post(`/api/notices/${draft.id}/approve`).set(dpo.auth).expect(409);
    assert.equal(refusedApproval.body.error.code, 'decision_stale');
    assert.match(refusedApproval.body.error.message, /^Fakta er endret siden beslutningen om å melde og varsle\. Vurder beslutningen på nytt/);
    const rerun = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: rerun.id, notifySA: true, notifySubjects: rerun.recommendation.notifySubjects, reason: 'Vurdert på nytt' }).expect(201);
    await api(svc).post(`/api/notices/${draft.id}/approve`).set(dpo.auth).expect(200);
  });

  it('escapes a hostile title and description in the stored notice', async () => {
    const hostile = '{{constructor.constructor "alert(1)"}} <img src=x onerror=alert(1)>';
    const inc = await incident({ ...COMPLETE, title: '<script>alert(1)</script>', outwardDescription: hostile, outwardDescriptionEn: hostile });
    const draft = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'en' }).expect(201)).body;
    assert.ok(!/<img src=x/.test(draft.html));
    assert.match(draft.html, /&lt;img src&#x3D;x onerror&#x3D;alert\(1\)&gt;/);
    assert.match(draft.text, /\{\{constructor\.constructor "alert\(1\)"\}\}/);
  });
});

describe('notice templates: versions and approval', () => {
  const { svc, signedInAs } = testService();
  const analyst = signedInAs('analyst');
  const manager = signedInAs('manager');
  const otherManager = signedInAs('manager');
  const dpo = signedInAs('dpo', 'Kari Nordmann');

  const seeded = async () => (await api(svc).get('/api/templates?kind=subject&lang=nb').set(analyst.auth).expect(200)).body[0];

  it('seeds version 1 of every kind and language, approved', async () => {
    const all = (await api(svc).get('/api/templates').set(analyst.auth).expect(200)).body;
    assert.equal(all.length, 8);
    assert.ok(all.every((t: { version: number; status: string }) => t.version === 1 && t.status === 'approved'));
  });

  it('needs a manager other than the author; an analyst cannot approve; the approved version is then used', async () => {
    const base = await seeded();
    const draft = (await api(svc).post('/api/templates').set(manager.auth)
      .send({ kind: 'subject', lang: 'nb', subject: base.subject, html: base.html.replace('Vi beklager dette.', 'Vi beklager dette sterkt.'), text: base.text, note: 'Tydeligere beklagelse' }).expect(201)).body;
    assert.equal(draft.version, 2);
    await api(svc).post(`/api/templates/${draft.id}/submit`).set(manager.auth).expect(200);
    await api(svc).post(`/api/templates/${draft.id}/approve`).set(analyst.auth).send({ comment: 'ok' }).expect(403);
    const own = await api(svc).post(`/api/templates/${draft.id}/approve`).set(manager.auth).send({ comment: 'ok' }).expect(403);
    assert.equal(own.body.error.code, 'own_draft');
    await api(svc).post(`/api/templates/${draft.id}/approve`).set(otherManager.auth).send({ comment: 'Godkjent' }).expect(200);

    const inc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ ...COMPLETE, awareAt: svc.clock.now().toISOString() }).expect(201)).body;
    const notice = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'subject', lang: 'nb', adviceToSubjects: 'Vær på vakt mot svindelforsøk.' }).expect(201)).body;
    assert.equal(notice.templateVersion, 2);
    assert.match(notice.html, /Vi beklager dette sterkt\./);

    const diff = (await api(svc).get(`/api/templates/diff?from=${base.id}&to=${draft.id}`).set(analyst.auth).expect(200)).body;
    assert.match(diff.html, /-.*Vi beklager dette\./);
    assert.match(diff.html, /\+.*Vi beklager dette sterkt\./);
    const v1 = (await api(svc).get('/api/templates?kind=subject&lang=nb').set(analyst.auth).expect(200)).body.find((t: { version: number }) => t.version === 1);
    assert.equal(v1.status, 'approved', 'earlier versions stay readable');
  });

  it('lets the DPO, who owns the wording, propose a version; a manager approves it, the DPO cannot', async () => {
    const base = (await api(svc).get('/api/templates?kind=controller&lang=en').set(dpo.auth).expect(200)).body[0];
    const draft = (await api(svc).post('/api/templates').set(dpo.auth)
      .send({ kind: 'controller', lang: 'en', subject: base.subject, html: base.html, text: `${base.text}\nPlain words.`, note: 'Plainer close' }).expect(201)).body;
    assert.equal(draft.author.name, 'Kari Nordmann');
    await api(svc).post(`/api/templates/${draft.id}/submit`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/templates/${draft.id}/approve`).set(dpo.auth).send({ comment: 'ok' }).expect(403);
    const approved = (await api(svc).post(`/api/templates/${draft.id}/approve`).set(manager.auth).send({ comment: 'Fine' }).expect(200)).body;
    assert.equal(approved.status, 'approved');
  });

  it('never uses a rejected version', async () => {
    const base = await seeded();
    const draft = (await api(svc).post('/api/templates').set(analyst.auth)
      .send({ kind: 'public', lang: 'en', subject: 'REJECTED {{organisation}}', html: base.html, text: base.text }).expect(201)).body;
    await api(svc).post(`/api/templates/${draft.id}/submit`).set(analyst.auth).expect(200);
    await api(svc).post(`/api/templates/${draft.id}/reject`).set(manager.auth).send({ comment: 'Wrong subject line' }).expect(200);
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ ...COMPLETE, awareAt: svc.clock.now().toISOString() }).expect(201)).body;
    const preview = (await api(svc).post(`/api/incidents/${inc.id}/notices/preview`).set(analyst.auth).send({ kind: 'public', lang: 'en', adviceToSubjects: 'x' }).expect(200)).body;
    assert.ok(!preview.subject.startsWith('REJECTED'));
  });

  it('refuses to submit a draft that breaks strict rendering', async () => {
    const draft = (await api(svc).post('/api/templates').set(analyst.auth)
      .send({ kind: 'authority', lang: 'en', subject: '{{organisation}}', html: '<p>{{incident.noSuchField}}</p>', text: '{{#if}}' }).expect(201)).body;
    const res = await api(svc).post(`/api/templates/${draft.id}/submit`).set(analyst.auth).expect(422);
    assert.equal(res.body.error.code, 'template_does_not_render');
    // Every part that breaks is named, with the line and what Handlebars could not take, in the reader's language.
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['text', 'html']);
    assert.equal(res.body.error.details[1].message, 'linje 1: «noSuchField» finnes ikke i eksempelsaken');
  });
  it('previews a version against the sample incident, and says why a broken draft does not render', async () => {
    const base = await seeded();
    const preview = (await api(svc).get(`/api/templates/${base.id}/preview`).set(analyst.auth).expect(200)).body;
    assert.equal(preview.error, null);
    assert.match(preview.rendered.text, /Eksempel AS/);
    const broken = (await api(svc).post('/api/templates').set(manager.auth)
      .send({ kind: 'subject', lang: 'nb', subject: base.subject, html: base.html, text: '{{noSuchField}}', note: 'broken' }).expect(201)).body;
    const refused = (await api(svc).get(`/api/templates/${broken.id}/preview`).set(analyst.auth).expect(200)).body;
    assert.equal(refused.rendered, null);
    assert.equal(refused.error, 'I ren tekst, linje 1: «noSuchField» finnes ikke i eksempelsaken');
    // A syntax error: where it is, in words, not Handlebars' English parser output.
    const unclosed = (await api(svc).post('/api/templates').set(manager.auth)
      .send({ kind: 'subject', lang: 'nb', subject: base.subject, html: `${base.html}\n<p>{{#if incident.title}}uavsluttet</p>`, text: base.text, note: 'broken' }).expect(201)).body;
    const inEnglish = (await api(svc).get(`/api/templates/${unclosed.id}/preview`).set(analyst.auth).set('Accept-Language', 'en').expect(200)).body;
    const lines = base.html.split('\n').length + 1;
    assert.equal(inEnglish.error, `In the HTML, line ${lines}: a {{ … }} is not written correctly (check the braces, # and / and the names)`);
    await api(svc).get('/api/templates/not-an-id/preview').set(analyst.auth).expect(400);
  });

});

describe('notices: the contact point where the DPO is a user', () => {
  let svc: TestService;
  let dpo: TestUser;

  before(async () => {
    svc = await startTestService({ env: { ORGANISATION_NAME: 'Eksempel AS', DPO_PHONE: '+47 22 00 00 00' } });
    dpo = await svc.user(['dpo'], 'Kari Nordmann');
  });
  after(() => svc.close());

  it("gives DPO_PHONE as the DPO user's phone in the notice and in Altinn's Telefon", async () => {
    const inc = (await api(svc).post('/api/incidents').set(dpo.auth).send({ awareAt: svc.clock.now().toISOString(), ...COMPLETE }).expect(201)).body;
    const notice = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(dpo.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
    assert.match(notice.text, /\+47 22 00 00 00/);
    await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).expect(200);
    const altinn = (await api(svc).get(`/api/notices/${notice.id}/altinn`).set(dpo.auth).expect(200)).body;
    const contact = altinn.sections.find((s: { section: string }) => s.section === 'Kontaktinformasjon');
    assert.deepEqual(contact.fields.map((f: { answer: string }) => f.answer).slice(0, 1).concat(contact.fields[2].answer), ['Kari Nordmann', '+47 22 00 00 00']);
  });
});
