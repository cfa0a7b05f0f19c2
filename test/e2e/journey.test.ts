import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildClient } from '../../scripts/build-client.js';
import { LiveClock } from '../support/clock.js';
import { ARTIFACTS, DESKTOP, launchBrowser, osloInput, PHONE, signIn } from '../support/browser.js';
import { startTestService, type TestService, type TestUser } from '../support/service.js';
import { catalogueWords, rawCodes, strangeWords, visibleText, wordsOf } from './screen-words.js';

/** What the people in this story type: the only words on screen that may come from outside the catalogue. */
const TYPED = {
  title: 'Stjålet bærbar PC med kundeliste',
  description: 'PC-en til en rådgiver ble stjålet fra bilen natt til tirsdag. Kundelisten lå lokalt og ukryptert.',
  outward: 'En bærbar PC med kundeopplysninger ble stjålet fra en bil natt til 1. desember. PC-en var ikke kryptert.',
  evidence: 'Rådgiveren bekreftet tyveriet og IT bekreftet at disken ikke var kryptert.',
  vector: 'tyveri fra bil',
  causeDescription: 'Innbrudd i parkert bil; PC-en lå i baksetet.',
  systems: 'Bærbar PC\nCRM-eksport',
  dataLocation: 'Ukjent – PC-en er ikke funnet',
  detectedBy: 'Rådgiveren selv',
  groups: 'kunder',
  recipientsNote: 'Politiet er varslet; ingen har meldt funn.',
  consequences: 'Kundene kan bli utsatt for identitetstyveri og svindelforsøk med fødselsnummer og kontonummer.',
  measuresTaken: 'PC-en er sperret og fjernslettet, politiet er varslet, CRM-passord er byttet.',
  measuresPlanned: 'Kryptering av alle bærbare PC-er innen en måned.',
  mitigation: 'Passordene til CRM er tilbakestilt',
  reachNote: 'Vi har e-post til alle kundene.',
  decisionReason: 'Høy risiko: fødselsnummer og økonomi på avveie hos en tyv. Vi melder og varsler.',
  altinnRef: 'AR-2026-4800',
  advice: 'Vær på vakt mot telefoner og e-post som ber om BankID eller passord. Vurder å sperre kredittopplysninger.',
  audience: '4 800 kunder på e-post',
  closeReason: 'Meldt, de berørte er varslet og tiltakene er gjennomført.',
};

/** A processor's incident: a customer's data, in our systems. */
const PROCESSOR = {
  title: 'Feilkonfigurert eksport hos kunde',
  description: 'En nattlig eksport la kundens adresseliste på en åpen lagringsplass i fire timer.',
  evidence: 'Driftsloggen viser at lagringsplassen var åpen fra 01 til 05.',
  controller: 'Klikk AS',
  contact: 'personvern@klikk.example, 22 00 00 00',
  outward: 'En adresseliste var tilgjengelig på en åpen lagringsplass i fire timer natt til 1. desember.',
  consequences: 'Adressene kan brukes til uønsket markedsføring.',
  measures: 'Lagringsplassen er stengt og eksporten rettet.',
  reference: 'Sak 2026-17 hos Klikk',
};

/** A breach whose people cannot be reached one by one. */
const PUBLIC = {
  title: 'Gammel pasientliste på avveie',
  description: 'En papirliste over deltakere i et kurs i 2009 ble funnet i en container.',
  evidence: 'Listen ble levert til oss av den som fant den.',
  outward: 'En papirliste over deltakere på et kurs i 2009 er funnet i en container.',
  consequences: 'Deltakelse på kurset kan avsløre en helsetilstand.',
  measures: 'Listen er makulert; rutinene for kassering er skjerpet.',
  why: 'Vi har ingen kontaktopplysninger for deltakerne fra 2009.',
  reason: 'Høy risiko, men deltakerne kan ikke nås enkeltvis: vi går ut offentlig.',
  advice: 'Deltok du på kurset i 2009 og har spørsmål, kontakt personvernombudet vårt.',
  audience: 'Kunngjort på forsiden av nettsiden og i lokalavisen',
};

/** A lost laptop whose disk was encrypted, the key kept apart: the people need not be told (Art. 34(3)(a)). */
const ENCRYPTED = {
  title: 'Mistet kryptert PC med pasientjournaler',
  description: 'En lege mistet PC-en sin på toget. Disken er kryptert med BitLocker og gjenopprettingsnøkkelen ligger i nøkkelhvelvet vårt.',
  evidence: 'Legen meldte tapet samme kveld; IT bekreftet krypteringen i administrasjonsverktøyet.',
  outward: 'En bærbar PC med helseopplysninger om pasienter ble mistet på et tog. Disken var kryptert.',
  custody: 'Gjenopprettingsnøkkelen ligger i nøkkelhvelvet vårt; PIN-koden var ikke med PC-en.',
  consequences: 'Ingen så lenge krypteringen holder.',
  measures: 'PC-en er sperret og fjernslettes når den kobler seg til nettet.',
  reason: 'Risiko for de berørte er lav fordi opplysningene er uleselige uten nøkkelen; vi melder likevel til Datatilsynet.',
};

/** A breach found out days late, notified in phases. */
const LATE = {
  title: 'Endrede kontonummer i lønnssystemet',
  description: 'Noen endret kontonummeret for tre ansatte i lønnssystemet før forrige lønnskjøring.',
  evidence: 'Lønnsavdelingen fant endringene i revisjonsloggen.',
  backdated: 'Endringene ble gjort fire dager før vi så revisjonsloggen; vi var kjent med dem fra da varselet kom.',
  outward: 'Kontonummeret for noen ansatte ble endret uten lov i lønnssystemet.',
  consequences: 'Lønn kan ha gått til feil konto.',
  measures: 'Gjennomgang av alle endringer siste måned.',
  reason: 'Risiko for økonomisk tap: vi melder, og varsler de tre direkte utenom denne saken.',
  delay: 'Endringene ble først oppdaget ved avstemming fire dager senere.',
};

describe('the whole journey in the dashboard, from intake to the last notice', function () {
  this.timeout(240_000);
  let svc: TestService;
  let browser: Browser;
  let analyst: TestUser;
  let dpo: TestUser;
  let users: TestUser[];
  const NAMES = ['Anna Analytiker', 'Dina Personvernombud', 'Ola Vakt', 'Ada Admin', 'Mona Leder'];
  let incidentUrl = '';

  before(async () => {
    await buildClient();
    svc = await startTestService({ clock: new LiveClock(), env: { PROCESS_ROLES: 'web,worker', AGENDA_PROCESS_EVERY_MS: '300' } });
    analyst = await svc.user(['analyst'], NAMES[0]);
    dpo = await svc.user(['dpo'], NAMES[1]);
    users = [analyst, dpo, await svc.user(['oncall'], NAMES[2]), await svc.user(['admin'], NAMES[3]), await svc.user(['manager'], NAMES[4])];
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
  });

  const group = (scope: Page | Locator, name: RegExp) => scope.getByRole('group', { name });
  const pick = async (scope: Page | Locator, question: RegExp, answer: string | RegExp) => group(scope, question).getByLabel(answer, { exact: typeof answer === 'string' }).check();

  it('lets an analyst log a stolen laptop, declare awareness and answer every question of the facts form', async () => {
    const page = await signIn(browser, svc, analyst);
    await page.getByRole('link', { name: 'Ny sak' }).click();
    await page.getByLabel('Hva har skjedd?').fill(TYPED.title);
    await page.getByLabel('Beskrivelse (intern)').fill(TYPED.description);
    await pick(page, /^Klokken/, /^Under avklaring/);
    await page.getByRole('button', { name: 'Opprett sak' }).click();

    // In triage: no clock until someone declares awareness, which is the next step.
    await page.getByTestId('clock-bar').getByText('Ingen frist ennå').waitFor();
    await page.getByTestId('next-action').getByText('Avklar om det er et brudd, og erklær kjennskap').waitFor();
    incidentUrl = page.url();
    const awareness = page.getByTestId('awareness-form');
    await awareness.getByLabel('Hva gjorde bruddet rimelig sikkert?').fill(TYPED.evidence);
    await awareness.getByRole('button', { name: 'Erklær kjennskap (start klokken)' }).click();
    await page.getByTestId('countdown').filter({ hasText: /^7[01]:\d\d:\d\d$/ }).waitFor();
    assert.match(await page.title(), /^7[01]:\d\d:\d\d · BC-\d{4}-\d{4}$/);

    const facts = page.getByTestId('facts');
    if (!(await facts.isVisible())) await page.getByRole('heading', { name: 'Fakta om bruddet' }).click();
    await facts.getByLabel('Beskrivelse for meldinger og varsler').fill(TYPED.outward);
    await facts.getByLabel(/^Konfidensialitet/).check();
    await pick(facts, /^Hovedårsak/, /^Med vilje/);
    await facts.getByLabel('Hvordan skjedde det?').fill(TYPED.vector);
    await facts.getByLabel('Mer om årsaken').fill(TYPED.causeDescription);
    await facts.getByLabel('Berørte systemer').fill(TYPED.systems);
    await facts.getByLabel('Hvor er opplysningene nå?').fill(TYPED.dataLocation);
    await facts.getByLabel('Bruddet startet').fill('2026-11-30T22:00');
    await facts.getByLabel('Bruddet sluttet').fill('2026-12-01T07:00');
    await facts.getByLabel('Tidspunktene er omtrentlige').check();
    await facts.getByLabel('Oppdaget', { exact: true }).fill('2026-12-01T07:30');
    await facts.getByLabel('Oppdaget av').fill(TYPED.detectedBy);
    await facts.getByLabel('Hvilke grupper av personer?').fill(TYPED.groups);
    await pick(facts, /^Hvor mange personer er berørt/, 'Anslag');
    await facts.getByLabel('Omtrent', { exact: true }).fill('4800');
    await pick(facts, /^Er barn, pasienter/, 'Nei');
    for (const category of ['navn og andre identitetsopplysninger', 'kontaktopplysninger', 'fødselsnummer', 'økonomiske opplysninger']) {
      await group(facts, /^Hvilke typer personopplysninger/).getByLabel(category, { exact: true }).check();
    }
    await pick(facts, /^Hvor mye sier opplysningene/, /^Mye/);
    await pick(facts, /^Avslører det noe/, 'Nei');
    await pick(facts, /^Hvor mange registreringer/, 'Mellom to tall');
    await facts.getByLabel('Minst', { exact: true }).fill('4800');
    await facts.getByLabel('Høyst', { exact: true }).fill('5200');
    await pick(facts, /^Var opplysningene kryptert/, 'Nei');
    await pick(facts, /^Har uvedkommende sett/, 'Kanskje');
    await pick(facts, /^Ble opplysninger kopiert ut/, /^Ikke aktuelt/);
    await facts.getByLabel('Hvem kan ha fått opplysningene?').selectOption({ label: 'Ukjent person med ond hensikt (tyv, angriper)' });
    await pick(facts, /^Har mottakeren bekreftet/, 'Nei');
    await facts.getByLabel('Mer om mottakerne').fill(TYPED.recipientsNote);
    await pick(facts, /^Er det sett misbruk/, 'Nei, ikke sett');
    await pick(facts, /^Er opplysningene gjort ubrukelige/, 'Nei');
    await pick(facts, /^Var opplysningene utilgjengelige/, /^Ingen/);
    await pick(facts, /^Fantes det sikkerhetskopi/, 'Ja');
    await pick(facts, /^Er opplysningene gjenopprettet/, 'Ja');
    await pick(facts, /^Kan utilgjengeligheten/, 'Nei');
    await group(facts, /^Hva kan skje med de berørte/).getByLabel('identitetstyveri eller svindel').check();
    await group(facts, /^Hva kan skje med de berørte/).getByLabel('økonomisk tap').check();
    await facts.getByLabel('Sannsynlige konsekvenser, med egne ord').fill(TYPED.consequences);
    await facts.getByLabel('Tiltak som er gjennomført').fill(TYPED.measuresTaken);
    await facts.getByLabel('Tiltak som er planlagt').fill(TYPED.measuresPlanned);
    await facts.getByLabel('Tiltak som reduserer følgene for de berørte').fill(TYPED.mitigation);
    await pick(facts, /^Kan de berørte nås enkeltvis/, 'Ja');
    await pick(facts, /^Hvor stor innsats/, 'Hver enkelt kan nås direkte');
    await facts.getByLabel('Mer om hvordan de kan nås').fill(TYPED.reachNote);
    await facts.getByRole('button', { name: 'Lagre fakta' }).click();
    // Saved: the timeline names each changed fact in words, with the new value.
    await page.getByTestId('timeline').getByText(/Sannsynlige konsekvenser, med egne ord: ikke oppgitt → Kundene kan bli utsatt/).waitFor();
    await page.getByTestId('timeline').getByText(/^Hvor mange personer er berørt\? .*→ .*4\s800/).waitFor();
    await page.getByTestId('timeline').getByText(new RegExp(TYPED.mitigation)).waitFor();
  });

  it('lets the DPO assess, decide, and draft, approve and file the notice to Datatilsynet in bokmål', async () => {
    const page = await signIn(browser, svc, dpo);
    await page.getByTestId('board').getByRole('link', { name: new RegExp(TYPED.title) }).click();
    await page.getByRole('button', { name: 'Vurder risiko' }).click();
    const assessment = page.getByTestId('assessment');
    await assessment.getByText('Risiko: Høy risiko for de berørte').waitFor();
    // Every question the assessment needs was answered in the form.
    assert.equal(await page.getByTestId('missing-facts').count(), 0);

    const decision = page.getByTestId('decision-form');
    assert.equal(await decision.getByLabel('Meld til Datatilsynet').isChecked(), true);
    assert.equal(await decision.getByLabel('Varsle de berørte').isChecked(), true);
    await decision.getByLabel('Begrunnelse').fill(TYPED.decisionReason);
    await decision.getByRole('button', { name: 'Registrer beslutning' }).click();
    await page.getByTestId('decision').getByText(TYPED.decisionReason).waitFor();

    const form = page.getByTestId('notice-form');
    await form.getByLabel('Hvilken melding').selectOption({ label: 'Melding til Datatilsynet' });
    await form.getByLabel('Språk i meldingen').selectOption({ label: 'bokmål' });
    await form.getByRole('button', { name: 'Lag utkast' }).click();
    const authority = page.getByTestId('notice-authority');
    // The approver reads the draft as it will be sent (the outward description, never the internal one) before approving it.
    await authority.getByText('Utkastet er uendret siden det ble laget (SHA-256 stemmer). Det låses når det godkjennes.').waitFor();
    await authority.frameLocator('iframe.preview').getByText(TYPED.outward).waitFor();
    await authority.getByRole('button', { name: 'Godkjenn melding' }).click();
    await authority.getByText('godkjent', { exact: true }).waitFor();
    await authority.locator('summary', { hasText: 'Registrer innsending til Datatilsynet' }).click();
    const filing = page.getByTestId('sent-form-authority');
    await filing.getByLabel('Referanse (Altinn)').fill(TYPED.altinnRef);
    await filing.getByRole('button', { name: 'Registrer innsending til Datatilsynet' }).click();
    // Filing stops the legal clock, so the dashboard asks first; cancelling records nothing.
    const confirmFiling = page.getByRole('dialog', { name: 'Er meldingen sendt til Datatilsynet?' });
    await confirmFiling.getByText(/Den første innsendingen stopper klokken mot Datatilsynet/).waitFor();
    await confirmFiling.getByRole('button', { name: 'Avbryt' }).click();
    await confirmFiling.waitFor({ state: 'hidden' });
    await page.getByText('Ingenting innsendt ennå.').waitFor();
    await filing.getByRole('button', { name: 'Registrer innsending til Datatilsynet' }).click();
    await confirmFiling.getByRole('button', { name: 'Ja, den er sendt: registrer' }).click();
    await authority.getByText('sendt', { exact: true }).waitFor();
    // The filing is in the ledger, linked to the notice it sent, and the legal clock has stopped.
    await page.getByTestId('ledger').getByText(new RegExp(`${TYPED.altinnRef} · gjelder: Melding til Datatilsynet`)).waitFor();
    // The countdown gives way to the stopped clock, with nothing of the countdown left in it.
    await page.getByTestId('clock-bar').getByTestId('countdown').filter({ hasText: /^stoppet \(meldt\)$/ }).waitFor();
    // Filed with Datatilsynet, the people are still owed their notice: it is the next step, and the board says so.
    await page.getByTestId('next-action').getByText('Varsle de berørte (art. 34)').waitFor();
    // The timeline tells each step in words, with who took it.
    const timeline = page.getByTestId('timeline');
    const dpoName = NAMES[1]!;
    await timeline.getByText(`${dpoName}: Risikovurdering kjørt: høy risiko for de berørte. Anbefaling: meld til Datatilsynet, varsle de berørte`).waitFor();
    await timeline.getByText(`${dpoName}: Beslutning registrert: meldes til Datatilsynet; de berørte varsles. Begrunnelse: ${TYPED.decisionReason}`).waitFor();
    await timeline.getByText(new RegExp(`${dpoName}: Utkast laget: melding til Datatilsynet \\(\\p{L}+, bokmål\\)`, 'u')).waitFor();
    await timeline.getByText(new RegExp(`${dpoName}: Godkjent: melding til Datatilsynet \\(\\p{L}+\\); teksten er nå låst`, 'u')).waitFor();
    await timeline.getByText(new RegExp(`${dpoName}: Meldt til Datatilsynet \\(\\p{L}+, Altinn, referanse ${TYPED.altinnRef}\\); klokken stoppet`, 'u')).waitFor();
    await timeline.screenshot({ path: join(ARTIFACTS, 'journey-timeline-desktop.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'journey-filed-desktop.png'), fullPage: true });
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page.getByTestId('board').getByRole('link', { name: new RegExp(TYPED.title) }).getByText('Skylder: Varsle de berørte (art. 34)').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'journey-board-owes-desktop.png'), fullPage: true });
  });

  it('then lets the DPO tell the 4,800 people, and record that they were told', async () => {
    const page = await signIn(browser, svc, dpo);
    await page.goto(incidentUrl);
    await page.getByText('Ny melding').click();
    const form = page.getByTestId('notice-form');
    await form.getByLabel('Hvilken melding').selectOption({ label: 'Varsel til de berørte' });
    await form.getByLabel('Språk i meldingen').selectOption({ label: 'bokmål' });
    await form.getByLabel('Råd til de berørte').fill(TYPED.advice);
    await form.getByRole('button', { name: 'Lag utkast' }).click();
    const subject = page.getByTestId('notice-subject');
    await subject.getByRole('button', { name: 'Godkjenn melding' }).click();
    await subject.locator('summary', { hasText: 'Registrer at den er sendt' }).click();
    const sent = page.getByTestId('sent-form-subject');
    await sent.getByLabel('Kanal').selectOption({ label: 'e-post' });
    await sent.getByLabel('Hvem fikk den, og hvordan?').fill(TYPED.audience);
    await sent.getByRole('button', { name: 'Registrer at den er sendt' }).click();
    await subject.getByText('sendt', { exact: true }).waitFor();
    await page.getByTestId('timeline').getByText(/Anna|Dina/).filter({ hasText: 'De berørte ble varslet' }).first().waitFor();
    // Nothing is waiting to be approved or sent; what is left is to close the case.
    assert.equal(await page.getByTestId('notices').getByRole('button', { name: 'Godkjenn melding' }).count(), 0);
    assert.equal(await page.getByTestId('notices').getByText(/^utkast$|^godkjent$/).count(), 0);
    await page.getByTestId('next-action').getByText('Dokumenter tiltakene og lukk saken').waitFor();
    assert.deepEqual(await page.getByTestId('obligations').locator('li strong').allTextContents(), ['Dokumenter tiltakene og lukk saken']);
  });

  it('takes the incident off the board once it owes nothing', async () => {
    const page = await signIn(browser, svc, dpo);
    await page.getByTestId('board').getByRole('link', { name: new RegExp(TYPED.title) }).waitFor();
    await page.goto(incidentUrl);
    await page.getByRole('button', { name: 'Lukk saken …' }).click();
    const dialog = page.getByTestId('confirm-close');
    await dialog.getByLabel('Begrunnelse').fill(TYPED.closeReason);
    await dialog.getByRole('button', { name: 'Lukk saken' }).click();
    await page.getByTestId('next-action').getByText('Saken skylder ingenting nå.').waitFor();
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page.getByTestId('board').waitFor({ state: 'attached' });
    assert.equal(await page.getByTestId('board').getByRole('link', { name: new RegExp(TYPED.title) }).count(), 0);
  });

  it('carries a processor incident to the notice that informs the controller, with no Datatilsynet clock offered', async () => {
    const page = await signIn(browser, svc, analyst);
    await page.getByRole('link', { name: 'Ny sak' }).click();
    await page.getByLabel('Hva har skjedd?').fill(PROCESSOR.title);
    await page.getByLabel('Beskrivelse (intern)').fill(PROCESSOR.description);
    await pick(page, /^Vår rolle/, 'Vi er databehandler for en kunde');
    await page.getByLabel('Hva gjorde bruddet rimelig sikkert?').fill(PROCESSOR.evidence);
    await page.getByRole('button', { name: 'Opprett sak' }).click();
    // We owe the controller a notice (Art. 33(2)), not Datatilsynet.
    await page.getByTestId('next-action').getByText('Varsle behandlingsansvarlig (art. 33 nr. 2)').waitFor();
    await page.getByTestId('clock-bar').getByText('Tid igjen til å varsle behandlingsansvarlig').waitFor();
    await page.getByTestId('clock-bar').getByTestId('countdown').filter({ hasText: /^\d+:\d\d:\d\d$/ }).waitFor();
    const facts = page.getByTestId('facts');
    if (!(await facts.isVisible())) await page.getByRole('heading', { name: 'Fakta om bruddet' }).click();
    await facts.getByLabel('Den behandlingsansvarlige (kunden)').fill(PROCESSOR.controller);
    await facts.getByLabel('Kontakt hos den behandlingsansvarlige').fill(PROCESSOR.contact);
    await facts.getByLabel('Beskrivelse for meldinger og varsler').fill(PROCESSOR.outward);
    await facts.getByLabel(/^Konfidensialitet/).check();
    await group(facts, /^Hvilke typer personopplysninger/).getByLabel('kontaktopplysninger', { exact: true }).check();
    await facts.getByLabel('Sannsynlige konsekvenser, med egne ord').fill(PROCESSOR.consequences);
    await facts.getByLabel('Tiltak som er gjennomført').fill(PROCESSOR.measures);
    await facts.getByRole('button', { name: 'Lagre fakta' }).click();
    await page.getByTestId('timeline').getByText(/Den behandlingsansvarlige \(kunden\): ikke oppgitt → /).waitFor();

    const asDpo = await signIn(browser, svc, dpo);
    await asDpo.getByTestId('board').getByRole('link', { name: new RegExp(PROCESSOR.title) }).getByText('Skylder: Varsle behandlingsansvarlig (art. 33 nr. 2)').waitFor();
    await asDpo.getByTestId('board').getByRole('link', { name: new RegExp(PROCESSOR.title) }).click();
    const form = asDpo.getByTestId('notice-form');
    await form.getByLabel('Hvilken melding').waitFor();
    const kinds = await form.getByLabel('Hvilken melding').locator('option').allTextContents();
    assert.deepEqual(kinds, ['Varsel til behandlingsansvarlig', 'Varsel til de berørte', 'Offentlig kunngjøring']);
    await form.getByRole('button', { name: 'Lag utkast' }).click();
    const notice = asDpo.getByTestId('notice-controller');
    await notice.getByRole('button', { name: 'Godkjenn melding' }).click();
    await notice.locator('summary', { hasText: 'Registrer at den er sendt' }).click();
    const sent = asDpo.getByTestId('sent-form-controller');
    await sent.getByLabel('Referanse').fill(PROCESSOR.reference);
    await sent.getByRole('button', { name: 'Registrer at den er sendt' }).click();
    await notice.getByText('sendt', { exact: true }).waitFor();
    await asDpo.getByTestId('controller-informed').waitFor();
    await asDpo.getByTestId('clock-bar').getByTestId('countdown').filter({ hasText: /^stoppet \(behandlingsansvarlig varslet\)$/ }).waitFor();
    assert.equal(await asDpo.getByTestId('obligations').getByText('Varsle behandlingsansvarlig (art. 33 nr. 2)').count(), 0);
  });

  it('lets the DPO decide on disproportionate effort, with its evidence, and then owes the public communication until it is published', async () => {
    const page = await signIn(browser, svc, analyst);
    await page.getByRole('link', { name: 'Ny sak' }).click();
    await page.getByLabel('Hva har skjedd?').fill(PUBLIC.title);
    await page.getByLabel('Beskrivelse (intern)').fill(PUBLIC.description);
    await page.getByLabel('Hva gjorde bruddet rimelig sikkert?').fill(PUBLIC.evidence);
    await page.getByRole('button', { name: 'Opprett sak' }).click();
    const facts = page.getByTestId('facts');
    if (!(await facts.isVisible())) await page.getByRole('heading', { name: 'Fakta om bruddet' }).click();
    await facts.getByLabel('Beskrivelse for meldinger og varsler').fill(PUBLIC.outward);
    await facts.getByLabel(/^Konfidensialitet/).check();
    await group(facts, /^Hvilke typer personopplysninger/).getByLabel('helseopplysninger', { exact: true }).check();
    await facts.getByLabel('Sannsynlige konsekvenser, med egne ord').fill(PUBLIC.consequences);
    await facts.getByLabel('Tiltak som er gjennomført').fill(PUBLIC.measures);
    await pick(facts, /^Kan de berørte nås enkeltvis/, 'Nei');
    await pick(facts, /^Hvor stor innsats/, 'Bare med uforholdsmessig stor innsats');
    await facts.getByRole('button', { name: 'Lagre fakta' }).click();
    await page.getByTestId('timeline').getByText(/Hvor stor innsats krever det\? .*→ Bare med uforholdsmessig stor innsats/).waitFor();

    const asDpo = await signIn(browser, svc, dpo);
    await asDpo.getByTestId('board').getByRole('link', { name: new RegExp(PUBLIC.title) }).click();
    await asDpo.getByRole('button', { name: 'Vurder risiko' }).click();
    await asDpo.getByTestId('assessment').waitFor();
    const decision = asDpo.getByTestId('decision-form');
    await decision.getByLabel('Meld til Datatilsynet').check();
    await decision.getByLabel('Varsle de berørte').uncheck();
    await group(decision, /^Grunnlag for ikke å varsle/).getByLabel(/^Uforholdsmessig stor innsats/).check();
    await decision.getByLabel(/^Hvorfor er det uforholdsmessig/).fill(PUBLIC.why);
    await decision.getByText(/gå ut offentlig/).waitFor();
    await decision.getByLabel('Begrunnelse').fill(PUBLIC.reason);
    await decision.getByRole('button', { name: 'Registrer beslutning' }).click();
    await asDpo.getByTestId('decision').getByText(/Uforholdsmessig stor innsats/).waitFor();
    // The decision shows its ground and the evidence for it, read-only.
    assert.equal(await asDpo.getByTestId('decision-evidence').textContent(), PUBLIC.why);
    assert.equal(await asDpo.getByTestId('decision-reason').textContent(), PUBLIC.reason);
    await asDpo.getByTestId('obligations').getByText('Publiser den offentlige kunngjøringen').waitFor();

    await asDpo.getByTestId('notices').locator('summary', { hasText: 'Ny melding' }).waitFor();
    const form = asDpo.getByTestId('notice-form');
    if (!(await form.isVisible())) await asDpo.getByTestId('notices').locator('summary', { hasText: 'Ny melding' }).click();
    await form.getByLabel('Hvilken melding').selectOption({ label: 'Offentlig kunngjøring' });
    await form.getByLabel('Råd til de berørte').fill(PUBLIC.advice);
    await form.getByRole('button', { name: 'Lag utkast' }).click();
    const notice = asDpo.getByTestId('notice-public');
    await notice.getByRole('button', { name: 'Godkjenn melding' }).click();
    await notice.locator('summary', { hasText: 'Registrer at den er sendt' }).click();
    const sent = asDpo.getByTestId('sent-form-public');
    await sent.getByLabel('Kanal').selectOption({ label: 'nettside' });
    await sent.getByLabel('Hvem fikk den, og hvordan?').fill(PUBLIC.audience);
    await sent.getByRole('button', { name: 'Registrer at den er sendt' }).click();
    await notice.getByText('sendt', { exact: true }).waitFor();
    assert.equal(await asDpo.getByTestId('obligations').getByText('Publiser den offentlige kunngjøringen').count(), 0);
  });

  it('lets the DPO decide that an encrypted loss need not be told to the people, with the key custody as evidence', async () => {
    const page = await signIn(browser, svc, analyst);
    await page.getByRole('link', { name: 'Ny sak' }).click();
    await page.getByLabel('Hva har skjedd?').fill(ENCRYPTED.title);
    await page.getByLabel('Beskrivelse (intern)').fill(ENCRYPTED.description);
    await page.getByLabel('Hva gjorde bruddet rimelig sikkert?').fill(ENCRYPTED.evidence);
    await page.getByRole('button', { name: 'Opprett sak' }).click();
    const facts = page.getByTestId('facts');
    if (!(await facts.isVisible())) await page.getByRole('heading', { name: 'Fakta om bruddet' }).click();
    await facts.getByLabel('Beskrivelse for meldinger og varsler').fill(ENCRYPTED.outward);
    await facts.getByLabel(/^Konfidensialitet/).check();
    await group(facts, /^Hvilke typer personopplysninger/).getByLabel('helseopplysninger', { exact: true }).check();
    await pick(facts, /^Var opplysningene kryptert/, 'Ja');
    await pick(facts, /^Var krypteringen i tråd med beste praksis/, 'Ja');
    await pick(facts, /^Kan nøkkelen eller passordet være kommet på avveie/, 'Nei');
    await facts.getByLabel('Hvor var nøkkelen, og hvem har den?').fill(ENCRYPTED.custody);
    await facts.getByLabel('Sannsynlige konsekvenser, med egne ord').fill(ENCRYPTED.consequences);
    await facts.getByLabel('Tiltak som er gjennomført').fill(ENCRYPTED.measures);
    await facts.getByRole('button', { name: 'Lagre fakta' }).click();
    await page.getByTestId('timeline').getByText(/Sannsynlige konsekvenser, med egne ord: ikke oppgitt → Ingen så lenge/).waitFor();

    const asDpo = await signIn(browser, svc, dpo);
    await asDpo.getByTestId('board').getByRole('link', { name: new RegExp(ENCRYPTED.title) }).click();
    await asDpo.getByRole('button', { name: 'Vurder risiko' }).click();
    await asDpo.getByTestId('assessment').waitFor();
    const decision = asDpo.getByTestId('decision-form');
    await decision.getByLabel('Meld til Datatilsynet').check();
    await decision.getByLabel('Varsle de berørte').uncheck();
    await group(decision, /^Grunnlag for ikke å varsle/).getByLabel(/^Opplysningene er uleselige/).check();
    const custody = decision.getByLabel(/^Hvor var nøkkelen, og hvorfor/);
    // The key custody the analyst wrote is the evidence offered; without it the form does not send the exemption.
    assert.equal(await custody.inputValue(), ENCRYPTED.custody);
    await custody.fill('');
    await decision.getByLabel('Begrunnelse').fill(ENCRYPTED.reason);
    await decision.getByRole('button', { name: 'Registrer beslutning' }).click();
    assert.equal(await custody.evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing), true);
    assert.equal(await asDpo.getByTestId('decision').count(), 0);
    await custody.fill(ENCRYPTED.custody);
    await decision.getByRole('button', { name: 'Registrer beslutning' }).click();
    await asDpo.getByTestId('decision').getByText(/Opplysningene er uleselige/).waitFor();
    // Read-only once recorded: the choice, the ground, the key custody as its evidence, the reasoning, who and when.
    const record = asDpo.getByTestId('decision');
    assert.match((await record.getByTestId('decision-ground').textContent()) ?? '', /^Opplysningene er uleselige for uvedkommende/);
    assert.equal(await record.getByTestId('decision-evidence').textContent(), ENCRYPTED.custody);
    assert.equal(await record.getByTestId('decision-reason').textContent(), ENCRYPTED.reason);
    await record.getByText(`Besluttet av ${NAMES[1]}`).waitFor();
    await asDpo.getByTestId('timeline').getByText(`Dokumentasjon: ${ENCRYPTED.custody}`).waitFor();
    await record.screenshot({ path: join(ARTIFACTS, 'journey-decision-encrypted-desktop.png') });
    // Datatilsynet is still owed its notice; the people are not owed one.
    await asDpo.getByTestId('obligations').getByText('Meld til Datatilsynet').first().waitFor();
    assert.equal(await asDpo.getByTestId('obligations').getByText('Varsle de berørte (art. 34)').count(), 0);
  });

  it('files a late notice in phases: the delay reasons once, the follow-up owed until the final notice is filed', async () => {
    const page = await signIn(browser, svc, analyst);
    await page.getByRole('link', { name: 'Ny sak' }).click();
    await page.getByLabel('Hva har skjedd?').fill(LATE.title);
    await page.getByLabel('Beskrivelse (intern)').fill(LATE.description);
    await pick(page, /^Klokken/, /^Under avklaring/);
    // Found four days ago and left unlogged: awareness cannot come before the discovery.
    await page.getByLabel('Oppdaget', { exact: true }).fill(osloInput(new Date(Date.now() - 97 * 3_600_000)));
    await page.getByRole('button', { name: 'Opprett sak' }).click();
    // Awareness four days ago, logged now: the deadline has passed.
    const awareness = page.getByTestId('awareness-form');
    await awareness.getByLabel('Kjent fra').fill(osloInput(new Date(Date.now() - 96 * 3_600_000)));
    await awareness.getByLabel('Hva gjorde bruddet rimelig sikkert?').fill(LATE.evidence);
    await awareness.getByLabel(/^Hvorfor tidspunktet ligger tilbake/).fill(LATE.backdated);
    await awareness.getByRole('button', { name: 'Erklær kjennskap (start klokken)' }).click();
    // Past the deadline the clock bar counts nothing down: it says when the deadline passed, and so does the tab.
    await page.getByTestId('clock-bar').getByTestId('countdown').filter({ hasText: /^Fristen gikk ut for 2[34] t \d{1,2} min siden$/ }).waitFor();
    await page.getByTestId('clock-bar').getByText('Fristen til Datatilsynet (72 timer)').waitFor();
    assert.match(await page.title(), /^Fristen gikk ut for 2[34] t \d{1,2} min siden · BC-\d{4}-\d{4}$/);
    assert.doesNotMatch(await page.getByTestId('clock-bar').innerText(), /−|Tid igjen/);
    await page.getByTestId('timeline').getByText(`Kjennskap erklært; 72-timersklokken startet. Tidspunktet ligger tilbake i tid: ${LATE.backdated}`).waitFor();
    const facts = page.getByTestId('facts');
    if (!(await facts.isVisible())) await page.getByRole('heading', { name: 'Fakta om bruddet' }).click();
    await facts.getByLabel('Beskrivelse for meldinger og varsler').fill(LATE.outward);
    await facts.getByLabel(/^Integritet/).check();
    await group(facts, /^Hvilke typer personopplysninger/).getByLabel('økonomiske opplysninger', { exact: true }).check();
    await facts.getByLabel('Sannsynlige konsekvenser, med egne ord').fill(LATE.consequences);
    await facts.getByLabel('Tiltak som er planlagt').fill(LATE.measures);
    await facts.getByRole('button', { name: 'Lagre fakta' }).click();
    await page.getByTestId('timeline').getByText(/Tiltak som er planlagt: ikke oppgitt →/).waitFor();

    const asDpo = await signIn(browser, svc, dpo);
    await asDpo.getByTestId('board').getByRole('link', { name: new RegExp(LATE.title) }).click();
    await asDpo.getByRole('button', { name: 'Vurder risiko' }).click();
    // The 72 hours are gone: the advice is to notify now and say why it is late.
    await asDpo.getByTestId('assessment').getByTestId('outcome').getByText(/meld det til Datatilsynet nå, (og )?oppgi årsakene til forsinkelsen/).waitFor();
    assert.doesNotMatch(await asDpo.getByTestId('assessment').innerText(), /innen 72 timer/);
    const decision = asDpo.getByTestId('decision-form');
    await decision.getByLabel('Meld til Datatilsynet').check();
    await decision.getByLabel('Varsle de berørte').uncheck();
    await decision.getByLabel('Begrunnelse').fill(LATE.reason);
    await decision.getByRole('button', { name: 'Registrer beslutning' }).click();
    await asDpo.getByTestId('decision').waitFor();

    // Three days on, to the minute: the follow-up the DPO promises in the first notice.
    const followUpAt = new Date(Math.floor((Date.now() + 3 * 24 * 3_600_000) / 60_000) * 60_000);
    const file = async (phase: string, reasons: 'fill' | 'reused', reference: string) => {
      const notices = asDpo.getByTestId('notices');
      const form = asDpo.getByTestId('notice-form');
      if (!(await form.isVisible())) await notices.locator('summary', { hasText: 'Ny melding' }).click();
      await form.getByLabel('Hvilken melding').selectOption({ label: 'Melding til Datatilsynet' });
      await form.getByLabel('Fase').selectOption({ label: phase });
      const followUp = form.getByLabel('Oppfølgende melding sendes senest');
      if (phase === 'endelig') {
        // The final notice promises nothing more: it ends the follow-up, and the form says so.
        assert.equal(await followUp.count(), 0);
        await form.getByTestId('phase-closes').getByText('Når denne meldingen er registrert som sendt, er oppfølgingen overfor Datatilsynet avsluttet.').waitFor();
      } else {
        await form.getByTestId('phase-closes').getByText(/En endelig melding avslutter oppfølgingen; en ny supplerende melding setter en ny dato\./).waitFor();
        // A week from now is offered; the DPO chooses what they can promise.
        assert.equal((await followUp.inputValue()).slice(0, 10), osloInput(new Date(Date.now() + 7 * 24 * 3_600_000)).slice(0, 10));
        await followUp.fill(osloInput(followUpAt));
      }
      const delay = form.getByLabel('Årsaker til forsinkelsen (art. 33 nr. 1)');
      if (reasons === 'fill') await delay.fill(LATE.delay);
      else assert.equal(await delay.inputValue(), LATE.delay);
      await form.getByRole('button', { name: 'Lag utkast' }).click();
      const drafted = notices.getByTestId('notice-authority').filter({ has: asDpo.getByRole('button', { name: 'Godkjenn melding' }) });
      const text = drafted.frameLocator('iframe');
      if (phase === 'endelig') await text.getByText(/Denne meldingen følger opp meldingen vi sendte .* \(norsk tid\), Altinn-referanse AR-2026-LATE-1\./).waitFor();
      else await text.getByText(/Vi sender en oppfølgende melding senest .* \(norsk tid\)\./).waitFor();
      await drafted.getByRole('button', { name: 'Godkjenn melding' }).click();
      const approved = notices.getByTestId('notice-authority').filter({ has: asDpo.locator('summary', { hasText: 'Registrer innsending til Datatilsynet' }) });
      await approved.locator('summary', { hasText: 'Registrer innsending til Datatilsynet' }).click();
      const sent = approved.getByTestId('sent-form-authority');
      await sent.getByLabel('Referanse (Altinn)').fill(reference);
      await sent.getByRole('button', { name: 'Registrer innsending til Datatilsynet' }).click();
      await asDpo.getByRole('dialog', { name: 'Er meldingen sendt til Datatilsynet?' }).getByRole('button', { name: 'Ja, den er sendt: registrer' }).click();
      await approved.waitFor({ state: 'detached' });
    };
    await file('foreløpig (mer kommer)', 'fill', 'AR-2026-LATE-1');
    await asDpo.getByTestId('ledger').getByText(/foreløpig \(mer kommer\) · Altinn · AR-2026-LATE-1 · sendt etter fristen/).waitFor();
    // The date chosen in the form is what the follow-up is due at: Oslo time, UTC beside it, said once on the page.
    const owed = asDpo.getByTestId('obligations').locator('li', { hasText: 'Send den oppfølgende meldingen til Datatilsynet' });
    const due = owed.locator(`time[datetime="${followUpAt.toISOString()}"]`);
    await due.waitFor();
    assert.match(await due.innerText(), /\d{2}:\d{2}.*\(.*\d{2}:\d{2} UTC\)/);
    assert.equal(await asDpo.getByText(/Oppfølgende melding skal sendes innen/).count(), 0, 'the due time is not repeated outside the obligations');
    await asDpo.screenshot({ path: join(ARTIFACTS, 'journey-late-phased-desktop.png'), fullPage: true });
    const onBoard = await signIn(browser, svc, dpo);
    await onBoard.getByTestId('board').getByRole('link', { name: new RegExp(LATE.title) }).locator(`time[datetime="${followUpAt.toISOString()}"]`).waitFor();
    await onBoard.close();
    // The final notice reuses the reasons given once for the incident, names the first filing, and ends what is owed to Datatilsynet.
    await file('endelig', 'reused', 'AR-2026-LATE-2');
    await asDpo.getByTestId('ledger').getByText(/endelig · Altinn/).waitFor();
    assert.equal(await asDpo.getByTestId('obligations').getByText('Send den oppfølgende meldingen til Datatilsynet').count(), 0);
    await asDpo.screenshot({ path: join(ARTIFACTS, 'journey-late-final-desktop.png'), fullPage: true });
  });

  it('walks every screen in both languages with only catalogue words and no raw codes, on desktop and phone', async () => {
    const [, , oncall, admin] = users;
    // People's names and what they typed, and the note the shipped templates carry.
    const userData = wordsOf(...Object.values(TYPED), ...Object.values(PROCESSOR), ...Object.values(PUBLIC), ...Object.values(ENCRYPTED), ...Object.values(LATE), ...NAMES, ...users.map((u) => u.email), 'BC', 'Default template shipped');
    const screens: { name: string; hash: string; ready: string; as: TestUser }[] = [
      { name: 'board', hash: '#/', ready: '[data-testid="board"]', as: dpo },
      { name: 'new-incident', hash: '#/new', ready: 'form', as: analyst },
      { name: 'incident', hash: incidentUrl.slice(incidentUrl.indexOf('#')), ready: '[data-testid="timeline"]', as: dpo },
      { name: 'oncall', hash: '#/oncall', ready: '[data-testid="on-call-now"]', as: oncall! },
      { name: 'templates', hash: '#/templates', ready: 'table', as: dpo },
      { name: 'register', hash: '#/register', ready: '[data-testid="register"]', as: dpo },
      { name: 'admin', hash: '#/admin', ready: '[data-testid="audit-status"]', as: admin! },
    ];
    const pages = new Map<TestUser, Page>();
    const found: string[] = [];
    for (const lang of ['nb', 'en'] as const) {
      const allowed = catalogueWords(lang);
      const check = async (page: Page, name: string) => {
        const text = await visibleText(page);
        const strange = strangeWords(text, allowed, userData);
        const codes = rawCodes(text, lang);
        if (strange.length) found.push(`${name} (${lang}): words not from the catalogue: ${strange.join(', ')}`);
        if (codes.length) found.push(`${name} (${lang}): raw codes: ${codes.join(', ')}`);
      };
      const signedOut = await browser.newPage({ viewport: DESKTOP });
      await signedOut.goto(svc.url);
      await signedOut.evaluate(`localStorage.setItem('lang', '${lang}')`);
      await signedOut.reload();
      await signedOut.locator('form').waitFor();
      await check(signedOut, 'sign-in');
      await signedOut.screenshot({ path: join(ARTIFACTS, `walk-sign-in-${lang}-desktop.png`) });
      await signedOut.setViewportSize(PHONE);
      await signedOut.screenshot({ path: join(ARTIFACTS, `walk-sign-in-${lang}-phone.png`) });
      await signedOut.close();
      for (const screen of screens) {
        let page = pages.get(screen.as);
        if (!page) pages.set(screen.as, (page = await signIn(browser, svc, screen.as)));
        await page.evaluate(`localStorage.setItem('lang', '${lang}')`);
        for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
          await page.setViewportSize(viewport);
          await page.goto('about:blank');
          await page.goto(`${svc.url}/${screen.hash}`);
          await page.locator(screen.ready).first().waitFor({ state: 'attached' });
          assert.equal(await page.evaluate('document.documentElement.lang'), lang);
          await page.screenshot({ path: join(ARTIFACTS, `walk-${screen.name}-${lang}-${size}.png`), fullPage: true });
          if (size === 'desktop') await check(page, screen.name);
        }
        // The same screen with every folded section open (the check above opened them), as a phone shows it.
        await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
        await page.screenshot({ path: join(ARTIFACTS, `walk-${screen.name}-${lang}-phone-open.png`), fullPage: true });
      }
    }
    assert.equal(found.join('\n'), '');
  });
});
