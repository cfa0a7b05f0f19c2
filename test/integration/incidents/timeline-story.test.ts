import assert from 'node:assert/strict';
import { COMPLETE, testService } from '../../support/factories.js';
import { api } from '../../support/service.js';

type Entry = { kind: string; at: string; actor: { name: string } | null; summary: string; changes: { field: string; text: string }[] };
const H = 3_600_000;

describe('the timeline tells the whole story: each step worded with who and when', () => {
  const { svc, signedInAs } = testService({ env: { ORGANISATION_NAME: 'Eksempel AS' } });
  const analyst = signedInAs('analyst', 'Ane Analytiker');
  const dpo = signedInAs('dpo', 'Kari Nordmann');

  const timeline = async (id: string, lang = 'nb'): Promise<Entry[]> =>
    (await api(svc).get(`/api/incidents/${id}/timeline`).set(analyst.auth).set('Accept-Language', lang).expect(200)).body;
  const ago = (hours: number) => new Date(svc.clock.now().getTime() - hours * H).toISOString();

  it('asks the reason for a backdated awareness by one rule, at intake as in the awareness panel, and writes nothing without it', async () => {
    const before = (await api(svc).get('/api/incidents?view=all').set(analyst.auth).expect(200)).body.items.length;
    const intake = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Funnet sent', description: '', awareAt: ago(2) }).expect(400);
    assert.deepEqual(intake.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]), [
      ['awarenessReason', 'må fylles ut når tidspunktet for kjennskap ligger bakover i tid'],
    ]);
    assert.equal((await api(svc).get('/api/incidents?view=all').set(analyst.auth).expect(200)).body.items.length, before);

    const triage = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Under avklaring', description: '' }).expect(201)).body;
    const panel = await api(svc).put(`/api/incidents/${triage.id}/awareness`).set(analyst.auth).set('Accept-Language', 'en').send({ at: ago(2), evidence: 'IT bekreftet' }).expect(400);
    assert.deepEqual(panel.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]), [['reason', 'required when awareness is in the past']]);

    // Ten minutes back is "now" for both.
    await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Nettopp', description: '', awareAt: ago(1 / 6) }).expect(201);
    await api(svc).put(`/api/incidents/${triage.id}/awareness`).set(analyst.auth).send({ at: ago(1 / 6), evidence: 'IT bekreftet' }).expect(200);
  });

  it('has an entry for awareness backdated with its reason, the assessment, the decision and its evidence, each notice drafted, approved, filed and the people told', async () => {
    const inc = (
      await api(svc).post('/api/incidents').set(analyst.auth)
        .send({ ...COMPLETE, awareAt: ago(3), awarenessReason: 'Varselet kom først i dag', awarenessEvidence: 'Mottakeren ringte' }).expect(201)
    ).body;
    const assessment = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth).send({
      assessmentId: assessment.id, notifySA: true, notifySubjects: false, exemption: 'encrypted',
      evidence: { keyCustody: 'Nøkkelen ligger i nøkkelhvelvet' }, reason: 'Disken var kryptert, men vi melder likevel',
    }).expect(201);
    const authority = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'complete' }).expect(201)).body;
    await api(svc).post(`/api/notices/${authority.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${authority.id}/sent`).set(analyst.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-123' }).expect(200);
    const subject = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'subject', lang: 'en', adviceToSubjects: 'Vær på vakt.' }).expect(201)).body;
    await api(svc).post(`/api/notices/${subject.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${subject.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'email', audience: 'alle kunder' }).expect(200);

    const nb = await timeline(inc.id);
    const said = (kind: string) => nb.filter((e) => e.kind === kind).map((e) => `${e.actor?.name} · ${e.summary}`);
    const all = nb.map((e) => `${e.kind}: ${e.actor?.name} · ${e.summary}`).join('\n');
    assert.deepEqual(said('created'), ['Ane Analytiker · Saken registrert; kjennskap erklært, klokken startet. Tidspunktet ligger tilbake i tid: Varselet kom først i dag'], all);
    assert.match(nb[0]!.changes.map((c) => c.text).join('\n'), /^Kjent fra: ikke oppgitt → \d+\. \p{L}+ \d{4} kl\. \d\d:\d\d$/u);
    assert.deepEqual(said('assessed'), [`Ane Analytiker · Risikovurdering kjørt: ${assessment.risk === 'high' ? 'høy risiko for de berørte' : assessment.risk === 'risk' ? 'risiko for de berørte' : 'lite sannsynlig at det medfører risiko'}. Anbefaling: ${assessment.recommendation.notifySA ? 'meld til Datatilsynet' : 'ikke meld til Datatilsynet'}, ${assessment.recommendation.notifySubjects ? 'varsle de berørte' : 'ikke varsle de berørte'}`], all);
    assert.deepEqual(said('decided'), [
      'Kari Nordmann · Beslutning registrert: meldes til Datatilsynet; de berørte varsles ikke. Unntak etter art. 34 nr. 3: opplysningene er uleselige for uvedkommende (kryptert). ' +
        'Dokumentasjon: Nøkkelen ligger i nøkkelhvelvet. Begrunnelse: Disken var kryptert, men vi melder likevel',
    ], all);
    assert.deepEqual(said('notice-drafted'), ['Ane Analytiker · Utkast laget: melding til Datatilsynet (fullstendig, bokmål)', 'Ane Analytiker · Utkast laget: varsel til de berørte (fullstendig, engelsk)'], all);
    assert.deepEqual(said('notice-approved'), [
      'Kari Nordmann · Godkjent: melding til Datatilsynet (fullstendig); teksten er nå låst', 'Kari Nordmann · Godkjent: varsel til de berørte (fullstendig); teksten er nå låst',
    ], all);
    assert.deepEqual(said('clock-stopped'), ['Ane Analytiker · Meldt til Datatilsynet (fullstendig, Altinn, referanse AR-123); klokken stoppet'], all);
    assert.deepEqual(said('people-told'), ['Kari Nordmann · De berørte ble varslet (e-post: alle kunder)'], all);
    // In the order it happened, each at the moment it was recorded.
    assert.deepEqual(nb.map((e) => e.kind), ['created', 'assessed', 'decided', 'notice-drafted', 'notice-approved', 'clock-stopped', 'notice-drafted', 'notice-approved', 'people-told']);
    for (const e of nb) assert.equal(e.at, svc.clock.now().toISOString());

    const en = await timeline(inc.id, 'en');
    assert.equal(en.find((e) => e.kind === 'decided')!.summary,
      'Decision recorded: notify Datatilsynet; do not tell the people affected. Exemption under Art. 34(3): the data is unintelligible to anyone unauthorised (encrypted). ' +
        'Evidence: Nøkkelen ligger i nøkkelhvelvet. Reasoning: Disken var kryptert, men vi melder likevel');
    assert.equal(en.find((e) => e.kind === 'notice-approved')!.summary, 'Approved: notice to Datatilsynet (complete); the text is now frozen');
    assert.equal(en[0]!.summary, 'Incident logged; awareness declared, clock started. The time lies in the past: Varselet kom først i dag');
  });

  it('says the reason when awareness declared later lies in the past, and a filing recorded after the clock stopped gives its reference', async () => {
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ ...COMPLETE }).expect(201)).body;
    await api(svc).put(`/api/incidents/${inc.id}/awareness`).set(analyst.auth).send({ at: ago(5), evidence: 'IT bekreftet', reason: 'Helgen: ingen så varselet' }).expect(200);
    await api(svc).post(`/api/incidents/${inc.id}/submissions`).set(analyst.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-1', phase: 'initial' }).expect(201);
    await api(svc).post(`/api/incidents/${inc.id}/submissions`).set(analyst.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'email', reference: 'SAK-9', phase: 'final' }).expect(201);
    const nb = await timeline(inc.id);
    assert.equal(nb.find((e) => e.kind === 'awareness-declared')!.summary, 'Kjennskap erklært; 72-timersklokken startet. Tidspunktet ligger tilbake i tid: Helgen: ingen så varselet');
    assert.equal(nb.find((e) => e.kind === 'submission')!.summary, 'Melding til Datatilsynet registrert (endelig, e-post, referanse SAK-9)');
  });
});
