import assert from 'node:assert/strict';
import { ManualClock } from '../../support/clock.js';
import { binary, readPdf } from '../../support/records.js';
import { api, startTestService, type TestService, type TestUser } from '../../support/service.js';

const FACTS = {
  title: 'Stjålet PC',
  description: 'En ulåst bærbar PC med kundeliste ble stjålet fra en bil på Økern.',
  outwardDescription: 'En bærbar PC med opplysninger om deg ble stjålet.',
  breachTypes: ['confidentiality'],
  dataCategories: ['identity', 'national_id_number'],
  subjects: { groups: ['kunder'], count: { kind: 'estimate', value: 4800 } },
  records: { kind: 'estimate', value: 4800 },
  consequences: 'Fare for identitetstyveri.',
  measuresTaken: 'Maskinen er sperret.\n\nPolitiet er varslet.',
  measuresPlanned: 'Vi krypterer alle bærbare maskiner.',
};

describe('records: the notice PDF as a DPO files it', () => {
  let svc: TestService;
  let analyst: TestUser;
  let dpo: TestUser;

  before(async () => {
    svc = await startTestService({ clock: new ManualClock('2026-03-02T09:00:00Z'), env: { ORGANISATION_NAME: 'Klikk Int AS', ORGANISATION_NUMBER: '922 078 734' } });
    analyst = await svc.user(['analyst']);
    dpo = await svc.user(['dpo'], 'Kari Nordmann');
  });
  after(() => svc.close());

  const approvedNotice = async (body: Record<string, unknown>) => {
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ awareAt: svc.clock.now().toISOString(), ...FACTS }).expect(201)).body;
    const notice = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send(body).expect(201)).body;
    return (await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).expect(200)).body;
  };
  const pdfOf = async (id: string) => readPdf((await api(svc).get(`/api/notices/${id}/pdf`).set(analyst.auth).buffer(true).parse(binary).expect(200)).body as Buffer);

  it('carries the organisation and its number, the addressee, the notice as laid out, embedded fonts, and a Norwegian footer on every page', async () => {
    const notice = await approvedNotice({ kind: 'authority', lang: 'nb' });
    const pdf = await pdfOf(notice.id);
    const text = pdf.pages.join('\n');
    assert.match(text, /Klikk Int AS/);
    assert.match(text, /Org\.nr\. 922 078 734/);
    assert.match(text, /Til: Datatilsynet/);
    assert.match(text, /Melding om brudd på personopplysningssikkerheten\s+\(GDPR art\. 33\)/);
    assert.match(text, /Sannsynlige konsekvenser/);
    assert.match(text, /Iverksatt:/);
    assert.match(text, /Politiet er varslet\./, 'each paragraph of the notice is there');
    assert.match(text, /stjålet fra en bil på Økern/, 'Norwegian letters survive');
    assert.match(text, new RegExp(`Godkjent av Kari Nordmann 2\\. mars 2026 kl\\. 10:00`), 'the approver and the time in Oslo');
    assert.match(text, new RegExp(`SHA-256: ${notice.contentHash}`));
    pdf.pages.forEach((page, i) => assert.match(page, new RegExp(`Side ${i + 1} av ${pdf.pages.length}`)));
    assert.deepEqual(pdf.fonts.map((f) => f.name).sort(), ['DejaVuSans', 'DejaVuSans-Bold']);
    assert.ok(pdf.fonts.every((f) => f.embedded), 'the fonts are embedded, not referenced');
    assert.equal(pdf.title, notice.subject);
  });

  it('numbers every page of a long notice and adds no empty page', async () => {
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ awareAt: svc.clock.now().toISOString(), ...FACTS, description: Array.from({ length: 60 }, (_, i) => `Avsnitt ${i + 1}: hva vi vet så langt om hendelsen.`).join('\n\n') }).expect(201)).body;
    const notice = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
    const pdf = await pdfOf(notice.id);
    assert.ok(pdf.pages.length >= 2, `pages: ${pdf.pages.length}`);
    pdf.pages.forEach((page, i) => {
      assert.match(page, new RegExp(`Side ${i + 1} av ${pdf.pages.length}`));
      assert.match(page, /Utkast – ikke godkjent/);
    });
    assert.match(pdf.pages.at(-1)!, /Kontaktpunkt/);
    assert.match(pdf.pages.join('\n'), /Avsnitt 60:/);
  });

  it('writes the footer of an English notice in English, and addresses a subject notice to the people', async () => {
    const notice = await approvedNotice({ kind: 'subject', lang: 'en', adviceToSubjects: 'Be wary of calls that mention your customer account.' });
    const text = (await pdfOf(notice.id)).pages.join('\n');
    assert.match(text, /To: The people affected/);
    assert.match(text, /Organisation number 922 078 734/);
    assert.match(text, /Approved by Kari Nordmann on 2 March 2026, 10:00 \(Oslo time\)/);
    assert.match(text, /Page 1 of \d/);
    assert.ok(!/Side \d|Godkjent av/.test(text));
  });
});
