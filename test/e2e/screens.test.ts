import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildClient } from '../../scripts/build-client.js';
import { LiveClock } from '../support/clock.js';
import { ARTIFACTS, describeViolations, DESKTOP, launchBrowser, osloInput, PHONE, sidewaysOverflow, signIn, wcagViolations } from '../support/browser.js';
import { api, PASSWORD, startTestService, type TestService, type TestUser } from '../support/service.js';

describe('the dashboard screens: working an incident, admin, accessibility and phone layout', function () {
  this.timeout(120_000);
  let svc: TestService;
  let browser: Browser;
  let analyst: TestUser;
  let dpo: TestUser;
  let admin: TestUser;
  let oncall: TestUser;
  let incidentId: string;

  before(async () => {
    await buildClient();
    svc = await startTestService({ clock: new LiveClock(), env: { PROCESS_ROLES: 'web,worker', AGENDA_PROCESS_EVERY_MS: '300' } });
    analyst = await svc.user(['analyst'], 'Anna');
    dpo = await svc.user(['dpo'], 'Dina');
    admin = await svc.user(['admin'], 'Ada');
    oncall = await svc.user(['oncall'], 'Ola');
    browser = await launchBrowser();
    incidentId = (await api(svc).post('/api/incidents').set(analyst.auth).send({
      title: 'Payroll file on a shared drive', description: 'Visible to all staff for two days.', awareAt: new Date().toISOString(),
      breachTypes: ['confidentiality'], dataCategories: ['identity', 'financial'],
    }).expect(201)).body.id;
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
  });

  const open = async (page: Page, hash: string, ready: string) => {
    await page.goto(`${svc.url}/${hash}`);
    await page.locator(ready).first().waitFor({ state: 'attached' });
  };

  it('warns inline about a national identity number while the incident is typed, and masks it on request', async () => {
    const page = await signIn(browser, svc, analyst);
    await page.getByRole('link', { name: /Ny sak|New incident/ }).click();
    await page.getByLabel(/Hva har skjedd|What happened/).fill('Customer list sent to the wrong address');
    assert.equal(await page.getByTestId('fnr-warning').isVisible(), false);
    await page.getByLabel(/Beskrivelse|Description/).fill('Row 3 holds 01010012356 among others');
    await page.getByTestId('fnr-warning').waitFor();
    // In the reader's language, the mask choice included.
    assert.match((await page.getByTestId('fnr-warning').textContent()) ?? '', /^Teksten inneholder noe som ser ut som et fødselsnummer\. .*Masker dem før lagring$/);
    await page.getByRole('button', { name: /Opprett sak|Create incident/ }).click();
    await page.getByTestId('countdown').waitFor();
    const id = page.url().split('/').at(-1)!;
    const stored = (await api(svc).get(`/api/incidents/${id}`).set(analyst.auth).expect(200)).body;
    assert.equal(stored.description, 'Row 3 holds 010100***** among others');
  });

  it('asks at intake why awareness lies in the past, by the awareness panel\'s rule, and the timeline says it', async () => {
    const page = await signIn(browser, svc, analyst);
    await page.getByRole('link', { name: /Ny sak|New incident/ }).click();
    await page.getByLabel(/Hva har skjedd|What happened/).fill('Alert read after the weekend');
    const reason = page.getByLabel('Hvorfor tidspunktet ligger tilbake i tid');
    // Ten minutes back is "now": no reason asked.
    await page.getByLabel('Kjent fra').fill(osloInput(new Date(Date.now() - 10 * 60_000)));
    assert.equal(await reason.count(), 0);
    await page.getByLabel('Kjent fra').fill(osloInput(new Date(Date.now() - 50 * 3_600_000)));
    await reason.waitFor();
    // "Discovered", left alone, follows the backdated awareness: we cannot have known before we found it.
    assert.equal(await page.getByLabel('Oppdaget', { exact: true }).inputValue(), await page.getByLabel('Kjent fra').inputValue());
    await page.getByRole('button', { name: 'Opprett sak' }).click();
    assert.equal(await reason.evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing), true);
    await reason.fill('The alert sat unread over the weekend.');
    await page.getByRole('button', { name: 'Opprett sak' }).click();
    await page.getByTestId('timeline').getByText('Saken registrert; kjennskap erklært, klokken startet. Tidspunktet ligger tilbake i tid: The alert sat unread over the weekend.').waitFor();
    await page.getByTestId('clock-bar').getByTestId('countdown').filter({ hasText: /^2[12]:\d\d:\d\d$/ }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'screen-intake-backdated-desktop.png'), fullPage: true });
  });

  it('keeps the most urgent legal clock in view for a processor notifying on its controller\'s behalf, and names discovery as the lower bound of awareness', async () => {
    const processor = (await api(svc).post('/api/incidents').set(analyst.auth).send({
      title: 'Backup exposed for a customer', description: 'A backup bucket was public.', awareAt: new Date().toISOString(), role: 'processor',
      detected: { at: new Date(Date.now() - 60 * 60_000).toISOString() }, awarenessReason: 'Found in the morning review',
      controller: { name: 'Kunde AS', contact: 'personvern@kunde.example', noticeHours: 24, notifyOnBehalf: true, instructedBy: 'Eva Berg', instructedAt: new Date(Date.now() - 30 * 60_000).toISOString() },
    }).expect(201)).body;
    const page = await signIn(browser, svc, analyst);
    await open(page, `#/incidents/${processor.id}`, '[data-testid="clock-bar"]');
    const bar = page.getByTestId('clock-bar');
    // Until the controller is told, its 24 hours come first, not the 72 to Datatilsynet.
    await bar.getByText('Tid igjen til å varsle behandlingsansvarlig').waitFor();
    await bar.getByTestId('countdown').filter({ hasText: /^2[34]:\d\d:\d\d$/ }).waitFor();
    await bar.screenshot({ path: join(ARTIFACTS, 'clock-bar-processor-on-behalf-desktop.png') });
    assert.match((await page.locator('#awareness').textContent()) ?? '', /Ikke tidligere enn da bruddet ble oppdaget: /);
    await api(svc).post(`/api/incidents/${processor.id}/controller-informed`).set(analyst.auth).send({ at: new Date().toISOString(), channel: 'email', note: '' }).expect(200);
    await page.reload();
    await bar.getByText('Tid igjen til fristen mot Datatilsynet (72 timer)').waitFor();
    await bar.getByTestId('countdown').filter({ hasText: /^7[12]:\d\d:\d\d$/ }).waitFor();
  });

  it('edits the facts, and tells the user instead of overwriting when someone else saved first', async () => {
    const page = await signIn(browser, svc, analyst);
    await open(page, `#/incidents/${incidentId}`, '[data-testid="facts"]');
    await page.getByText(/^Fakta om bruddet$|^Facts of the breach$/).click();
    const facts = page.getByTestId('facts');
    await facts.getByLabel(/Sannsynlige konsekvenser|Likely consequences/).fill('Colleagues could read salaries; no misuse seen.');
    await facts.getByLabel(/Tiltak som er gjennomført|Measures taken/).fill('Access removed at 10:00; access log reviewed.');
    // The nature of the breach, which every notice to Datatilsynet needs.
    await facts.getByLabel(/^(Konfidensialitet|Confidentiality)/).check();
    // What could happen to the people, which the assessment weighs.
    await facts.getByLabel(/^ ?(økonomisk tap|financial loss)$/).check();
    await facts.getByRole('button', { name: /Lagre|Save/ }).click();
    await page.getByText('Colleagues could read salaries; no misuse seen.').first().waitFor();
    const saved = (await api(svc).get(`/api/incidents/${incidentId}`).set(analyst.auth).expect(200)).body;
    assert.equal(saved.measuresTaken, 'Access removed at 10:00; access log reviewed.');
    assert.deepEqual(saved.breachTypes, ['confidentiality']);
    assert.deepEqual(saved.likelyConsequences, ['financial_loss']);

    // Someone else saves while this page is open: the stale save is refused and nothing is lost.
    await api(svc).patch(`/api/incidents/${incidentId}`).set(dpo.auth).send({ version: saved.version, measuresPlanned: 'Train staff on shared drives' }).expect(200);
    await page.getByTestId('stale').waitFor();
    await facts.getByLabel(/Sannsynlige konsekvenser|Likely consequences/).fill('Overwritten?');
    await facts.getByRole('button', { name: /Lagre|Save/ }).click();
    await page.getByRole('alert').getByText(/endret saken i mellomtiden|changed this incident meanwhile/).waitFor();
    const after = (await api(svc).get(`/api/incidents/${incidentId}`).set(analyst.auth).expect(200)).body;
    assert.equal(after.consequences, 'Colleagues could read salaries; no misuse seen.');
    assert.equal(after.measuresPlanned, 'Train staff on shared drives');
  });

  it('lets the DPO assess, record the decision and the filing, which stops the clock', async () => {
    const page = await signIn(browser, svc, dpo);
    await open(page, `#/incidents/${incidentId}`, '[data-testid="clock-bar"]');
    await page.getByRole('button', { name: /^Vurder risiko$|^Assess risk$/ }).click();
    await page.getByTestId('assessment').waitFor();
    // What the engine could not judge is asked as questions, not left as blank names.
    const missing = page.getByTestId('missing-facts').locator('li');
    await page.getByTestId('missing-facts').getByText(/Omtrent hvor mange personer er berørt\?|About how many people are affected\?/).waitFor();
    assert.ok((await missing.count()) >= 1);
    // A question links to the field that answers it: the form opens there, with the cursor in it.
    await page.getByTestId('missing-facts').getByRole('link', { name: /Omtrent hvor mange personer er berørt\?|About how many people are affected\?/ }).click();
    assert.equal(await page.evaluate('document.activeElement?.name'), 'f-subjects-count');
    const decision = page.getByTestId('decision-form');
    await decision.getByLabel(/Meld til Datatilsynet|Notify Datatilsynet/).check();
    await decision.getByLabel(/Begrunnelse|Reason/).fill('Salary data seen by colleagues: we notify.');
    await decision.getByRole('button', { name: /Registrer beslutning|Record decision/ }).click();
    await page.getByTestId('decision').waitFor();
    const decisions = (await api(svc).get(`/api/incidents/${incidentId}/decisions`).set(dpo.auth).expect(200)).body;
    assert.equal(decisions.length, 1);
    assert.equal(decisions[0].notifySA, true);

    await page.getByText(/Registrer en innsending uten utkast|Record a filing without a draft/).click();
    const filing = page.getByTestId('submission-form');
    await filing.getByLabel(/Referanse|Reference/).fill('AR-2026-0042');
    await filing.getByRole('button', { name: /Registrer innsending|Record a filing/ }).click();
    await page.getByTestId('confirm-filing').getByRole('button', { name: /Ja, den er sendt: registrer|Yes, it was sent: record it/ }).click();
    await page.getByTestId('ledger').getByText(/AR-2026-0042/).waitFor();
    const incident = (await api(svc).get(`/api/incidents/${incidentId}`).set(dpo.auth).expect(200)).body;
    assert.equal(incident.clock.state, 'stopped');
    assert.equal(incident.clock.stopReason, 'notified');
    // Filed but not closed: the incident stays on the board, its clock shown as stopped.
    await open(page, '#/', '[data-testid="board"]');
    await page.getByTestId('board').getByRole('link', { name: new RegExp(incident.ref) }).getByText(/stoppet \(meldt\)|stopped \(notified\)/).waitFor();
  });

  it('names a refused field as the form names it, in the reader\'s language, and puts the cursor in it', async () => {
    const page = await signIn(browser, svc, analyst);
    await open(page, `#/incidents/${incidentId}`, '[data-testid="facts"]');
    const facts = page.getByTestId('facts');
    // Folded unless the assessment has open questions.
    if (!(await facts.isVisible())) await page.getByRole('heading', { name: 'Fakta om bruddet' }).click();
    await facts.getByRole('group', { name: /^Hvor mange registreringer/ }).getByLabel('Mellom to tall').check();
    await facts.getByLabel('Minst', { exact: true }).fill('100');
    await facts.getByRole('button', { name: 'Lagre fakta' }).click();
    const error = page.getByTestId('error');
    await error.getByRole('link', { name: 'Minst' }).waitFor();
    // The server words the refusal in the reader's language.
    await error.getByText(/et intervall trenger både minst og høyst/).waitFor();
    assert.equal(await page.evaluate('document.activeElement?.id'), 'f-records-min');
    // Nothing was written for the refused request.
    const stored = (await api(svc).get(`/api/incidents/${incidentId}`).set(analyst.auth).expect(200)).body;
    assert.equal(stored.records.kind, 'unknown');
  });

  it('drops the awareness panel\'s refusal once the refused time is corrected, and marks what must be filled in', async () => {
    const page = await signIn(browser, svc, analyst);
    await open(page, `#/incidents/${incidentId}`, '#awareness');
    await page.locator('#awareness summary').click();
    const form = page.getByTestId('awareness-form');
    await form.getByLabel('Kjent fra').fill(osloInput(new Date(Date.now() + 2 * 86_400_000)));
    await form.getByLabel(/^Hvorfor tidspunktet korrigeres/).fill('Feil dag ble skrevet inn');
    await form.getByLabel(/^Hva gjorde bruddet rimelig sikkert/).fill('Melding fra IT');
    assert.equal(await form.locator('.required-mark').count(), 3, 'the time, the reason and the evidence');
    await form.getByRole('button', { name: 'Korriger tidspunktet' }).click();
    await form.getByTestId('error').getByText('Kjent fra: kan ikke være fram i tid').waitFor();
    await form.getByLabel('Kjent fra').fill(osloInput(new Date(Date.now() - 3_600_000)));
    await form.getByTestId('error').waitFor({ state: 'detached' });
  });

  it('asks before "not notifiable" stops the legal clock, with a reason box of its own, apart from closing', async () => {
    const running = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Wrong address on one letter', description: 'One letter', awareAt: new Date().toISOString() }).expect(201)).body;
    const page = await signIn(browser, svc, dpo);
    await open(page, `#/incidents/${running.id}`, '[data-testid="clock-bar"]');
    await page.getByRole('button', { name: 'Ikke meldepliktig …' }).click();
    const dialog = page.getByTestId('confirm-not-notifiable');
    await dialog.getByText(/Klokken mot Datatilsynet stopper/).waitFor();
    // The close dialog's reason box is not this one.
    assert.equal(await page.getByTestId('confirm-close').getByRole('textbox').count(), 0);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    assert.equal((await api(svc).get(`/api/incidents/${running.id}`).set(dpo.auth).expect(200)).body.clock.state, 'running');

    await page.getByRole('button', { name: 'Ikke meldepliktig …' }).click();
    // Without a reason the dialog does not go.
    await dialog.getByRole('button', { name: 'Stopp klokken: ikke meldepliktig' }).click();
    assert.equal(await dialog.isVisible(), true);
    await dialog.getByLabel('Begrunnelse').fill('One letter to a colleague in the same firm, returned unopened.');
    await dialog.getByRole('button', { name: 'Stopp klokken: ikke meldepliktig' }).click();
    await page.getByTestId('clock-bar').getByText('stoppet (ikke meldepliktig)').waitFor();
    const stopped = (await api(svc).get(`/api/incidents/${running.id}`).set(dpo.auth).expect(200)).body;
    assert.equal(stopped.clock.stopReason, 'not-notifiable');
    assert.equal(stopped.status, 'open');
  });

  it('asks for the key custody when the DPO decides on the "encrypted" exemption', async () => {
    const laptop = (await api(svc).post('/api/incidents').set(analyst.auth).send({
      title: 'Encrypted laptop lost', description: 'BitLocker on', awareAt: new Date().toISOString(), breachTypes: ['confidentiality'], dataCategories: ['special_category_health'],
      subjects: { count: { kind: 'exact', value: 300 } }, encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false },
    }).expect(201)).body;
    const page = await signIn(browser, svc, dpo);
    await open(page, `#/incidents/${laptop.id}`, '[data-testid="clock-bar"]');
    await page.getByRole('button', { name: 'Vurder risiko' }).click();
    await page.getByTestId('assessment').waitFor();
    const form = page.getByTestId('decision-form');
    await form.getByLabel('Meld til Datatilsynet').check();
    await form.getByLabel('Varsle de berørte').uncheck();
    await form.getByRole('group', { name: /^Grunnlag for ikke å varsle/ }).getByLabel(/^Opplysningene er uleselige/).check();
    await form.getByLabel(/^Hvor var nøkkelen, og hvorfor/).fill('The recovery key is in our key vault; the PIN was not with the laptop.');
    await form.getByLabel('Begrunnelse').fill('Encrypted to the state of the art; the key stayed with us.');
    // Someone changes a fact meanwhile: the refusal names the field the form does not show by the server's name for it.
    const { version } = (await api(svc).get(`/api/incidents/${laptop.id}`).set(analyst.auth).expect(200)).body;
    await api(svc).patch(`/api/incidents/${laptop.id}`).set(analyst.auth).send({ version, subjects: { count: { kind: 'exact', value: 301 } } }).expect(200);
    await form.getByRole('button', { name: 'Registrer beslutning' }).click();
    await form.getByTestId('error').getByText('Vurderingen: vurdert på eldre fakta').waitFor();
    const reloaded = page.waitForResponse((r) => r.url().endsWith(`/api/incidents/${laptop.id}/casefile`) && r.request().method() === 'GET');
    await page.getByRole('button', { name: 'Vurder på nytt' }).click();
    await reloaded;
    await form.getByLabel('Meld til Datatilsynet').check();
    await form.getByLabel('Varsle de berørte').uncheck();
    await form.getByRole('group', { name: /^Grunnlag for ikke å varsle/ }).getByLabel(/^Opplysningene er uleselige/).check();
    await form.getByLabel(/^Hvor var nøkkelen, og hvorfor/).fill('The recovery key is in our key vault; the PIN was not with the laptop.');
    await form.getByLabel('Begrunnelse').fill('Encrypted to the state of the art; the key stayed with us.');
    await form.getByRole('button', { name: 'Registrer beslutning' }).click();
    await page.getByTestId('decision').waitFor();
    // Recorded, the decision reads back with its ground and evidence, and the timeline tells it with who decided.
    assert.equal(await page.getByTestId('decision-evidence').textContent(), 'The recovery key is in our key vault; the PIN was not with the laptop.');
    await page.getByTestId('timeline').getByText(/Dina: Beslutning registrert: meldes til Datatilsynet; de berørte varsles ikke\. Unntak etter art\. 34 nr\. 3: opplysningene er uleselige/).waitFor();
    const [decision] = (await api(svc).get(`/api/incidents/${laptop.id}/decisions`).set(dpo.auth).expect(200)).body;
    assert.equal(decision.exemption, 'encrypted');
    assert.equal(decision.evidence.keyCustody, 'The recovery key is in our key vault; the PIN was not with the laptop.');
  });

  it('tells a processor to inform its controller: no Datatilsynet decision or filing is offered', async () => {
    const processor = (await api(svc).post('/api/incidents').set(analyst.auth).send({
      title: 'Customer database exposed', description: 'A test copy was left open.', awareAt: new Date().toISOString(), role: 'processor',
      controller: { name: 'Kunde AS', contact: 'personvern@kunde.example' }, breachTypes: ['confidentiality'], dataCategories: ['identity', 'financial'],
      subjects: { count: { kind: 'exact', value: 300 } },
    }).expect(201)).body;
    const page = await signIn(browser, svc, dpo);
    await open(page, `#/incidents/${processor.id}`, '[data-testid="clock-bar"]');
    await page.getByRole('button', { name: 'Vurder risiko' }).click();
    await page.getByTestId('recommendation-processor').getByText(/Informer den behandlingsansvarlige: Ja/).waitFor();
    assert.equal(await page.getByTestId('assessment').getByText(/Meld til Datatilsynet/).count(), 0);
    await page.getByTestId('decision-controller').waitFor();
    assert.equal(await page.getByTestId('decision-form').count(), 0);
    assert.equal(await page.getByTestId('submission-form').count(), 0);
    assert.equal(await page.getByText(/Registrer en innsending uten utkast/).count(), 0);
    // The channel the controller was told by is worded, not its code.
    await api(svc).post(`/api/incidents/${processor.id}/controller-informed`).set(dpo.auth).send({ at: new Date().toISOString(), channel: 'email', note: '' }).expect(200);
    await page.reload();
    await page.getByTestId('controller-informed').getByText(/· e-post$/).waitFor();
    // Without an instruction the controller notifies Datatilsynet itself, and the card says so.
    assert.equal(
      await page.getByTestId('controller-intro').textContent(),
      'Som databehandler varsler vi den behandlingsansvarlige uten ugrunnet opphold (art. 33 nr. 2); den behandlingsansvarlige melder til Datatilsynet.',
    );

    // The controller told us in writing to notify for it: the choice is recorded with who instructed us, when and its reference.
    // Open unless it already is (it opens by itself while questions are open).
    await page.locator('details#facts').evaluate((d) => void ((d as unknown as { open: boolean }).open = true));
    const facts = page.getByTestId('facts');
    await facts.getByLabel(/skriftlig bedt oss melde bruddet til Datatilsynet på sine vegne/).check();
    const instruction = facts.getByTestId('on-behalf-instruction');
    await instruction.getByLabel('Hvem hos den behandlingsansvarlige ga instruksen').fill('Eva Berg, personvernombud');
    await instruction.getByLabel('Referanse til instruksen').fill('E-post «Meld for oss», 2. mars');
    // Who and when are required by the form itself (and by the API, which names them as the form does).
    assert.equal(await instruction.getByLabel('Når instruksen ble gitt').getAttribute('required'), '');
    await instruction.getByLabel('Når instruksen ble gitt').fill('2026-03-02T09:30');
    await facts.getByRole('button', { name: 'Lagre fakta' }).click();
    const onBehalf = page.getByTestId('on-behalf');
    await onBehalf.getByText('Vi melder til Datatilsynet på vegne av den behandlingsansvarlige, etter dens skriftlige instruks.').waitFor();
    await onBehalf.getByText(/Instruks fra Eva Berg, personvernombud,.*referanse: E-post «Meld for oss», 2\. mars/).waitFor();
    // The card's intro follows the recorded choice: we notify, not the controller.
    assert.equal(
      await page.getByTestId('controller-intro').textContent(),
      'Som databehandler varsler vi den behandlingsansvarlige uten ugrunnet opphold (art. 33 nr. 2); etter dens skriftlige instruks melder vi til Datatilsynet på dens vegne.',
    );
    const saved = (await api(svc).get(`/api/incidents/${processor.id}`).set(dpo.auth).expect(200)).body;
    assert.equal(saved.controller.instructedAt, '2026-03-02T08:30:00.000Z', 'entered in Oslo time');
    await page.getByTestId('controller').screenshot({ path: join(ARTIFACTS, 'incident-on-behalf-desktop.png') });
  });

  it('lets an admin set up a rota that the on-call view then names', async () => {
    const page = await signIn(browser, svc, admin);
    await open(page, '#/admin', '[data-testid="audit-status"]');
    await page.getByRole('button', { name: /Ny vaktliste|New rota/ }).click();
    const form = page.getByTestId('rota-form');
    await form.getByLabel(/^Navn|^Name/).fill('Security on call');
    // The order is the one chosen, not the options' own: Anna is added first, then Ola is moved above her.
    const members = form.getByTestId('ordered-rota.members');
    await members.getByLabel(/Velg hvem|Choose whom/).selectOption(analyst.id);
    await members.getByRole('button', { name: /^Legg til$|^Add$/ }).click();
    await members.getByLabel(/Velg hvem|Choose whom/).selectOption(oncall.id);
    await members.getByRole('button', { name: /^Legg til$|^Add$/ }).click();
    await members.getByRole('button', { name: /^Flytt Ola .*opp$|^Move Ola .*up$/ }).click();
    assert.deepEqual((await members.locator('li > span').allTextContents()).map((name) => name.split(' ')[0]), ['Ola', 'Anna']);
    // Ola's week has begun: the first handover was yesterday, Oslo time.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleString('sv-SE', { timeZone: 'Europe/Oslo' }).replace(' ', 'T').slice(0, 16);
    await form.getByLabel(/Første vaktskifte|First handover/).fill(yesterday);
    await form.getByRole('button', { name: /Lagre|Save/ }).click();
    await page.getByTestId('rota-Security on call').getByText('Ola → Anna').waitFor();
    const saved = (await api(svc).get('/api/rotas').set(admin.auth).expect(200)).body.find((r: { name: string }) => r.name === 'Security on call');
    assert.deepEqual(saved.members, [oncall.id, analyst.id]);

    const onCallPage = await signIn(browser, svc, oncall);
    await open(onCallPage, '#/oncall', '[data-testid="on-call-now"]');
    await onCallPage.getByTestId('on-call-now').getByText('Ola').waitFor();
  });

  it('lets an admin change a rota after it is made: second line and an override the on-call view then follows', async () => {
    const page = await signIn(browser, svc, admin);
    await open(page, '#/admin', '[data-testid="audit-status"]');
    const card = page.getByTestId('rota-Security on call');
    await card.getByText(/Endre Security on call|Change Security on call/).click();
    await card.getByLabel(/^Andrelinje$|^Second line$/).selectOption({ label: 'Ada (Administrator)' });
    await card.getByLabel(/Hvem tar vakten|Who takes the watch/).selectOption({ label: 'Ada' });
    // A period that ends before it starts is refused in the form, naming the field as the form does.
    await card.getByLabel(/^Fra$|^From$/).fill('2026-01-02T00:00');
    await card.getByLabel(/^Til$|^To$/).fill('2026-01-01T00:00');
    await card.getByRole('button', { name: /Legg til bytte|Add override/ }).click();
    await card.getByTestId('override-backwards').getByText(/^Til: må være etter Fra$|^To: must be after From$/).waitFor();
    assert.equal(await card.getByText(/Ada har vakten|Ada is on call/).count(), 0);
    await card.getByLabel(/^Fra$|^From$/).fill('2026-01-01T00:00');
    await card.getByLabel(/^Til$|^To$/).fill('2099-01-01T00:00');
    await card.getByLabel(/Hvorfor|Why/).fill('Ola har ferie');
    await card.getByRole('button', { name: /Legg til bytte|Add override/ }).click();
    await card.getByText(/Ada har vakten|Ada is on call/).waitFor();
    await card.getByRole('button', { name: /^Lagre$|^Save$/ }).click();
    await page.getByTestId('rota-Security on call').getByText(/Andrelinje: Ada|Second line: Ada/).waitFor();

    const rotas = (await api(svc).get('/api/rotas').set(admin.auth).expect(200)).body as { name: string; secondLine: string[]; overrides: { userId: string; reason: string }[] }[];
    const rota = rotas.find((r) => r.name === 'Security on call')!;
    assert.deepEqual(rota.secondLine, [admin.id]);
    assert.deepEqual(rota.overrides.map((o) => [o.userId, o.reason]), [[admin.id, 'Ola har ferie']]);
    const onCallPage = await signIn(browser, svc, oncall);
    await open(onCallPage, '#/oncall', '[data-testid="on-call-now"]');
    await onCallPage.getByTestId('on-call-now').getByText('Ada').waitFor();
  });

  it('lets an admin create a user, who can then sign in', async () => {
    const page = await signIn(browser, svc, admin);
    await open(page, '#/admin', '[data-testid="audit-status"]');
    await page.getByRole('button', { name: /Ny bruker|New user/ }).click();
    const form = page.getByTestId('user-form');
    // No check of the browser's own (its messages are not in the reader's language): the server's words, by field.
    assert.equal(await form.evaluate((f) => (f as unknown as { noValidate: boolean }).noValidate), true);
    assert.deepEqual(await form.locator('.required-mark').allTextContents(), [' (må fylles ut)', ' (må fylles ut)', ' (må fylles ut)', ' (må fylles ut)']);
    await form.getByLabel(/^E-post|^E-mail/).fill('kari');
    await form.getByRole('button', { name: /Lagre|Save/ }).click();
    const error = form.getByTestId('error');
    await error.getByText('E-post: er ikke en gyldig e-postadresse').waitFor();
    await error.getByText(/^Navn: /).waitFor();
    // A field's problem goes once the field is changed; the others stay until theirs are.
    await form.getByLabel(/^E-post|^E-mail/).fill('kari@example.test');
    await error.getByText(/^E-post: /).waitFor({ state: 'detached' });
    await error.getByText(/^Navn: /).waitFor();
    await form.getByLabel(/^Navn|^Name/).fill('Kari Nordmann');
    await form.getByLabel(/Første passord|First password/).fill(PASSWORD);
    // The password field asks for the server's minimum length.
    assert.equal(await form.getByLabel(/Første passord|First password/).getAttribute('minlength'), '12');
    await form.getByLabel(/^Analytiker$|^Analyst$/).check();
    await form.getByRole('button', { name: /Lagre|Save/ }).click();
    const row = page.getByTestId('user-kari@example.test');
    await row.waitFor();
    // An admin sets the new user's phone in the row.
    await row.getByLabel(/Telefon|Phone/).fill('+47 912 34 567');
    await row.getByRole('button', { name: /Lagre|Save/ }).click();
    await page.getByText(/Kari Nordmann er lagret|Kari Nordmann was saved/).first().waitFor();
    const [kariUser] = (await api(svc).get('/api/users').set(admin.auth).expect(200)).body.filter((u: { email: string }) => u.email === 'kari@example.test');
    assert.equal(kariUser.phone, '+47 912 34 567');

    const kari = await browser.newPage();
    await kari.goto(svc.url);
    await kari.getByLabel(/E-post|E-mail/).fill('kari@example.test');
    await kari.getByLabel(/Passord|Password/).fill(PASSWORD);
    await kari.getByRole('button', { name: /Logg inn|Sign in/ }).click();
    await kari.getByTestId('board').waitFor({ state: 'attached' });
    await kari.close();
  });

  const screens: { name: string; hash: string; ready: string; as: () => TestUser }[] = [
    { name: 'board', hash: '#/', ready: '[data-testid="board"]', as: () => analyst },
    { name: 'new-incident', hash: '#/new', ready: 'form', as: () => analyst },
    { name: 'incident', hash: '', ready: '[data-testid="clock-bar"]', as: () => dpo },
    { name: 'oncall', hash: '#/oncall', ready: '[data-testid="on-call-now"]', as: () => oncall },
    { name: 'templates', hash: '#/templates', ready: 'table', as: () => dpo },
    { name: 'register', hash: '#/register', ready: '[data-testid="register"]', as: () => dpo },
    { name: 'admin', hash: '#/admin', ready: '[data-testid="audit-status"]', as: () => admin },
    { name: 'account', hash: '#/account', ready: '[data-testid="password-form"]', as: () => analyst },
  ];

  // One signed-in page per user, reused across screens: sign-ins from one address are rate-limited.
  const pages = new Map<TestUser, Page>();
  const pageOf = async (user: TestUser) => {
    const existing = pages.get(user);
    if (existing) return existing;
    const page = await signIn(browser, svc, user, { bypassCSP: true });
    pages.set(user, page);
    return page;
  };

  it('words the shipped templates from the catalogue: no English on the bokmål templates screen', async () => {
    const page = await pageOf(dpo);
    await page.evaluate(`localStorage.setItem('lang', 'nb')`);
    await page.goto('about:blank');
    await open(page, '#/templates', 'table');
    const text = (await page.locator('table').textContent()) ?? '';
    assert.match(text, /Breach Clock \(standardmal\)/);
    assert.match(text, /Følger med Breach Clock/);
    assert.doesNotMatch(text, /default template|Shipped with/);
  });

  for (const lang of ['nb', 'en'] as const) it(`meets WCAG 2.1 A and AA rules (axe-core) on every main screen, in ${lang === 'nb' ? 'bokmål' : 'English'}`, async () => {
    const found: string[] = [];
    for (const screen of screens) {
      const page = await pageOf(screen.as());
      await page.evaluate(`localStorage.setItem('lang', '${lang}')`);
      await page.goto('about:blank');
      await open(page, screen.hash || `#/incidents/${incidentId}`, screen.ready);
      assert.equal(await page.evaluate('document.documentElement.lang'), lang);
      const violations = await wcagViolations(page);
      if (violations.length) found.push(`${screen.name} (${lang}):\n${describeViolations(violations)}`);
    }
    assert.equal(found.join('\n\n'), '');
  });

  it('shows on a phone that the register scrolls sideways, and keeps the board card\'s "who may act" to the people', async () => {
    await api(svc).post('/api/incidents').set(analyst.auth).send({
      title: 'Laptop left on a train', description: 'Unencrypted disk.', awareAt: new Date().toISOString(), ownerId: analyst.id,
    }).expect(201);
    const page = await signIn(browser, svc, dpo, { viewport: PHONE });
    await open(page, '#/', '[data-testid="board"]');
    const card = page.getByTestId('board-item').filter({ hasText: 'Laptop left on a train' });
    const who = card.getByTestId('who-may-act');
    assert.equal(await who.innerText(), 'Kan gjøres av Anna og Dina (og andre)');
    await card.screenshot({ path: join(ARTIFACTS, 'board-card-who-phone.png') });
    await page.setViewportSize(DESKTOP);
    assert.match(await who.innerText(), /^Kan gjøres av Anna og Dina \(eller en med rollen .+\)$/);
    await page.setViewportSize(PHONE);

    await open(page, '#/register', '[data-testid="register"]');
    await page.getByTestId('register-scroll-hint').getByText('Tabellen er bredere enn skjermen: skyv sideveis for flere kolonner.').waitFor();
    const wrap = page.locator('.table-wrap.scrolls');
    assert.ok(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table is wider than the phone');
    assert.match(await wrap.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundImage: string } }).getComputedStyle(el).backgroundImage), /radial-gradient/, 'a shadow at the edge with more');
    await page.screenshot({ path: join(ARTIFACTS, 'register-scroll-phone.png') });
    await page.setViewportSize(DESKTOP);
    assert.equal(await page.getByTestId('register-scroll-hint').isVisible(), false);
  });

  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) it(`lays every main screen out at ${size} width without sideways overflow (screenshots saved)`, async () => {
    for (const screen of screens) {
      const page = await pageOf(screen.as());
      await page.setViewportSize(viewport);
      await page.goto('about:blank');
      await open(page, screen.hash || `#/incidents/${incidentId}`, screen.ready);
      const overflow = await sidewaysOverflow(page);
      await page.screenshot({ path: join(ARTIFACTS, `screen-${screen.name}-${size}.png`), fullPage: true });
      assert.ok(overflow <= 0, `${screen.name} overflows the ${size} width by ${overflow}px`);
    }
  });
});
