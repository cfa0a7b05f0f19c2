import type { Catalogue, Lang, NoParams } from './catalogue.js';

type Words = Readonly<Record<Lang, string>>;

/**
 * An error's sentence by its code, for codes whose sentence does not depend on the case. A code whose
 * sentence depends on the case carries a `refused.*` message; each field a refusal names carries a `field.*`
 * message and its label.
 */
export const ERROR_MESSAGES = {
  invalid_input: { nb: 'Forespørselen er ikke gyldig', en: 'The request is not valid' },
  invalid_json: { nb: 'Innholdet er ikke gyldig JSON', en: 'The request body is not valid JSON' },
  too_large: { nb: 'Innholdet er for stort', en: 'The request body is too large' },
  version_conflict: { nb: 'Noen andre endret dette først; last inn på nytt og prøv igjen', en: 'Someone else changed this first; reload and try again' },
  forbidden: { nb: 'Rollene dine gir ikke lov til dette', en: 'You may not do this' },
  not_found: { nb: 'Finnes ikke, eller du har ikke tilgang', en: 'Not found' },
  rate_limited: { nb: 'For mange forsøk; vent litt og prøv igjen', en: 'Too many requests, try again later' },
  unauthorized: { nb: 'Du må logge inn', en: 'Sign in first' },
  unsupported_media_type: { nb: 'Innholdet har feil format', en: 'The body is in the wrong format' },
  bad_request: { nb: 'Forespørselen kan ikke behandles', en: 'The request cannot be handled' },
  unavailable: { nb: 'Tjenesten er midlertidig utilgjengelig; prøv igjen om litt', en: 'Service temporarily unavailable; try again shortly' },
  database_unavailable: { nb: 'Databasen svarer ikke; prøv igjen om litt', en: 'The database is not reachable; try again shortly' },
  conflict: { nb: 'Noen andre kom først, eller det finnes allerede; last inn på nytt og prøv igjen', en: 'Someone else was first, or it already exists; reload and try again' },
  duplicate: { nb: 'Det finnes allerede en post med samme verdi', en: 'A record with the same unique value already exists' },
  self_lockout: { nb: 'Du kan ikke deaktivere eller slette deg selv, eller ta fra deg din egen admin-rolle', en: 'You cannot deactivate or delete yourself, or remove your own admin role' },
  closed: { nb: 'Saken er lukket; gjenåpne den først', en: 'The incident is closed; reopen it first' },
  not_closed: { nb: 'Saken er ikke lukket', en: 'The incident is not closed' },
  clock_not_running: { nb: 'Klokken går ikke', en: 'The clock is not running' },
  clock_running: {
    nb: 'Klokken går: registrer meldingen til Datatilsynet eller en beslutning om at bruddet ikke er meldepliktig først, eller lukk saken som ikke et brudd',
    en: 'The clock is running: record the notification or a "not notifiable" decision first, or close it as not a personal-data breach',
  },
  cannot_resume: { nb: 'Bare en klokke som er stoppet som «ikke meldepliktig», kan gå igjen', en: 'Only a clock stopped as "not notifiable" can resume' },
  not_aware: { nb: 'Erklær kjennskap til bruddet før du registrerer en melding', en: 'Declare awareness before recording a notification' },
  no_initial_submission: { nb: 'En supplerende eller endelig melding kommer etter en foreløpig', en: 'A supplementary or final notification follows an initial one' },
  not_processor: { nb: 'Bare en sak der vi er databehandler, har en behandlingsansvarlig å varsle', en: 'Only an incident where we are the processor has a controller to inform' },
  assessment_superseded: { nb: 'Det finnes en nyere vurdering; beslutt mot den siste', en: 'A newer assessment exists; decide against the latest one' },
  facts_changed: { nb: 'Faktaene er endret etter denne vurderingen; vurder på nytt før du beslutter', en: 'The facts changed after this assessment; run it again before deciding' },
  not_draft: { nb: 'Bare et utkast kan sendes til godkjenning', en: 'Only a draft can be submitted' },
  not_submitted: { nb: 'Bare en versjon som er sendt til godkjenning, kan godkjennes eller avvises', en: 'Only a submitted version can be approved or rejected' },
  own_draft: { nb: 'En malversjon må godkjennes av en annen leder enn forfatteren', en: 'A template version must be approved by a manager other than its author' },
  template_does_not_render: { nb: 'Utkastet kan ikke vises med eksempelsaken', en: 'The draft does not render against the sample incident' },
  content_changed: { nb: 'Innholdet er endret siden det ble laget; lag det på nytt', en: 'The content changed since it was made; make it again' },
  invalid_channel: { nb: 'Datatilsynet varsles via Altinn, e-post, post eller telefon', en: 'Datatilsynet is notified through altinn, email, post or phone' },
  internal: { nb: 'Noe gikk galt hos oss; forespørsels-ID-en hjelper oss å finne det', en: 'Something went wrong on our side; the request id helps us find it' },
} as const satisfies Record<string, Words>;

type Limit = { limit: number };

/** What is wrong with one field (`field.*`), and refusals whose sentence depends on the case (`refused.*`). */
/** What Handlebars found wrong in a template, as data: the kind, the names it concerns and the line. */
export interface TemplateFault {
  kind: 'syntax' | 'mismatch' | 'unknown-name' | 'unknown-partial' | 'other';
  /** The name concerned (the block opened, the unknown name or partial); '' when none. */
  name: string;
  /** The block that closed it, for a mismatch; '' otherwise. */
  other: string;
  line: number | null;
}

export type ProblemMessageParams = {
  'field.required': NoParams;
  'field.missing': NoParams;
  'field.wrong-type': NoParams;
  'field.not-a-choice': NoParams;
  'field.wrong-format': NoParams;
  'field.not-a-time': NoParams;
  'field.too-short-text': Limit;
  'field.too-few': Limit;
  'field.too-small': Limit;
  'field.too-long-text': Limit;
  'field.too-many': Limit;
  'field.too-big': Limit;
  'field.in-future': NoParams;
  'field.aware-before-detected': NoParams;
  'field.detected-after-aware': NoParams;
  'field.national-id-masked': { count: number };
  'field.national-id-kept': { count: number };
  'field.backdated-without-reason': NoParams;
  'field.wrong-password': NoParams;
  'field.not-an-id': NoParams;
  'field.not-an-email': NoParams;
  'field.not-a-phone': NoParams;
  'field.one-line': NoParams;
  'field.repeats': NoParams;
  'field.nothing-to-change': NoParams;
  'field.exemption-means-not-told': NoParams;
  'field.told-means-notified': NoParams;
  'field.required-for-count': NoParams;
  'field.range-needs-both': NoParams;
  'field.below-min': NoParams;
  'field.evidence': NoParams;
  'field.reason': NoParams;
  'field.say-why': NoParams;
  'field.no-active-user': NoParams;
  'field.after-from': NoParams;
  'field.reason-to-correct': NoParams;
  'field.reason-when-past': NoParams;
  'field.version-behind': { version: number };
  'field.widens-restricted': NoParams;
  'field.not-latest-assessment': NoParams;
  'field.older-facts': NoParams;
  'field.initial-first': NoParams;
  'field.follow-up-not-phased': NoParams;
  'field.follow-up-too-early': NoParams;
  'field.not-a-cursor': NoParams;
  'field.already-exists': NoParams;
  'field.address-not-allowed': NoParams;
  'field.channel': NoParams;
  'field.lone-surrogate': NoParams;
  'field.content-type': { type: string };
  'field.malformed-json': NoParams;
  'field.unknown': NoParams;
  'field.template-decorator': NoParams;
  'field.template-helper': { helper: string };
  /** Why a template does not render against the sample incident, with the line where Handlebars found it. */
  'field.template-fault': TemplateFault;
  /** Which part of a template a fault is in. */
  'field.template-in': { part: 'subject' | 'html' | 'text' };
  'refused.sign-in': NoParams;
  'refused.token-invalid': NoParams;
  'refused.wrong-credentials': NoParams;
  'refused.session-ended': NoParams;
  'refused.account-inactive': NoParams;
  'refused.wrong-password': NoParams;
  'refused.too-many-sign-ins': NoParams;
  'refused.too-many-passwords': NoParams;
  'refused.lift-restriction': NoParams;
  'refused.widen-restricted': NoParams;
  'refused.restricted-owner': NoParams;
  'refused.email-taken': NoParams;
  'refused.incident-changed': NoParams;
  'refused.version-number-taken': NoParams;
  'refused.draft-submitted': NoParams;
  'refused.version-reviewed': NoParams;
  'refused.notice-approved': NoParams;
  'refused.notice-recorded-sent': NoParams;
  'refused.deactivate-self': NoParams;
  'refused.delete-self': NoParams;
  'refused.already-closed': NoParams;
  'refused.no-template': NoParams;
  'refused.draft-changed': NoParams;
  'refused.notice-differs': NoParams;
  'refused.decision-stale': NoParams;
  'refused.media-type': { type: string };
};

const characters = (count: number) => `${count} ${count === 1 ? 'character' : 'characters'}`;

export const PROBLEM_MESSAGES: Catalogue<ProblemMessageParams> = {
  'field.required': { nb: () => 'må fylles ut', en: () => 'required' },
  'field.missing': { nb: () => 'mangler', en: () => 'missing' },
  'field.wrong-type': { nb: () => 'har feil type', en: () => 'has the wrong type' },
  'field.not-a-choice': { nb: () => 'er ikke et av valgene', en: () => 'is not one of the choices' },
  'field.wrong-format': { nb: () => 'har feil format', en: () => 'has the wrong format' },
  'field.not-a-time': { nb: () => 'må være et tidspunkt med tidssone, f.eks. 2026-03-02T09:00:00Z', en: () => 'must be a time with a zone, e.g. 2026-03-02T09:00:00Z' },
  'field.too-short-text': { nb: ({ limit }) => `må ha minst ${limit} tegn`, en: ({ limit }) => `must have at least ${characters(limit)}` },
  'field.too-few': { nb: ({ limit }) => `må ha minst ${limit}`, en: ({ limit }) => `must have at least ${limit}` },
  'field.too-small': { nb: ({ limit }) => `må være minst ${limit}`, en: ({ limit }) => `must be at least ${limit}` },
  'field.too-long-text': { nb: ({ limit }) => `kan ha høyst ${limit} tegn`, en: ({ limit }) => `may have at most ${characters(limit)}` },
  'field.too-many': { nb: ({ limit }) => `kan ha høyst ${limit}`, en: ({ limit }) => `may have at most ${limit}` },
  'field.too-big': { nb: ({ limit }) => `kan være høyst ${limit}`, en: ({ limit }) => `may be at most ${limit}` },
  'field.not-an-id': { nb: () => 'er ikke en gyldig ID', en: () => 'not a valid id' },
  'field.not-an-email': { nb: () => 'er ikke en gyldig e-postadresse', en: () => 'not a valid e-mail address' },
  'field.not-a-phone': {
    nb: () => 'er ikke et telefonnummer: bruk 8 til 15 sifre, gjerne med mellomrom og + foran landskoden (for eksempel 912 34 567 eller +47 912 34 567)',
    en: () => 'is not a phone number: use 8 to 15 digits, spaces allowed, with + before the country code (for example 912 34 567 or +47 912 34 567)',
  },
  'field.in-future': { nb: () => 'kan ikke være fram i tid', en: () => 'cannot be in the future' },
  'field.aware-before-detected': {
    nb: () => 'kan ikke være tidligere enn «Oppdaget»: vi kan ikke ha kjent til bruddet før det ble oppdaget',
    en: () => 'cannot be earlier than “Discovered”: we cannot have known of the breach before it was discovered',
  },
  'field.detected-after-aware': {
    nb: () => 'kan ikke være senere enn «Kjent fra»: bruddet må være oppdaget før vi ble kjent med det',
    en: () => 'cannot be later than “Aware from”: the breach must have been discovered before we became aware of it',
  },
  'field.national-id-masked': {
    nb: ({ count }) => `hadde ${count === 1 ? 'et tall som ser ut som et fødselsnummer' : `${count} tall som ser ut som fødselsnumre`}; det er lagret maskert til fødselsdatoen (f.eks. 150385*****)`,
    en: ({ count }) => `held ${count === 1 ? 'a number that looks like a national identity number' : `${count} numbers that look like national identity numbers`}; saved masked to the birth date (e.g. 150385*****)`,
  },
  'field.national-id-kept': {
    nb: ({ count }) => `inneholder ${count === 1 ? 'et tall som ser ut som et fødselsnummer' : `${count} tall som ser ut som fødselsnumre`}; saksteksten bør ikke ha hele nummeret (tidslinjen viser det maskert)`,
    en: ({ count }) => `contains ${count === 1 ? 'a number that looks like a national identity number' : `${count} numbers that look like national identity numbers`}; case text should not carry the whole number (the timeline shows it masked)`,
  },
  'field.wrong-password': { nb: () => 'stemmer ikke med passordet ditt', en: () => 'does not match your password' },
  'field.backdated-without-reason': { nb: () => 'tidspunktet er tilbake i tid; skriv hvorfor', en: () => 'the moment is in the past; record why' },
  'field.one-line': { nb: () => 'må være én linje, uten linjeskift eller kontrolltegn', en: () => 'one line, without line breaks or control characters' },
  'field.repeats': { nb: () => 'har samme verdi to ganger', en: () => 'has the same value twice' },
  'field.nothing-to-change': { nb: () => 'ingenting å endre', en: () => 'nothing to change' },
  'field.exemption-means-not-told': { nb: () => 'et unntak betyr at de berørte ikke varsles hver for seg', en: () => 'an exemption means the people are not told individually' },
  'field.told-means-notified': { nb: () => 'et brudd de berørte må varsles om, meldes også til Datatilsynet', en: () => 'a breach the people must be told of is notified to Datatilsynet too' },
  'field.required-for-count': { nb: () => 'må fylles ut for et eksakt eller anslått tall', en: () => 'required for an exact or estimated number' },
  'field.range-needs-both': { nb: () => 'et intervall trenger både minst og høyst', en: () => 'a range needs both at least and at most' },
  'field.below-min': { nb: () => 'kan ikke være lavere enn minste tall', en: () => 'must not be below the lowest number' },
  'field.evidence': { nb: () => 'skriv hva som gjorde bruddet rimelig sikkert', en: () => 'say what made the breach reasonably certain' },
  'field.reason': { nb: () => 'skriv begrunnelsen (minst 5 tegn)', en: () => 'give the reason (at least 5 characters)' },
  'field.say-why': { nb: () => 'skriv hvorfor', en: () => 'say why' },
  'field.no-active-user': { nb: () => 'ingen aktiv bruker har denne ID-en', en: () => 'no active user with this id' },
  'field.after-from': { nb: () => 'må være etter starttidspunktet', en: () => 'must be after the start' },
  'field.reason-to-correct': { nb: () => 'må fylles ut for å rette tidspunktet for kjennskap', en: () => 'required to correct when the organisation became aware' },
  'field.reason-when-past': { nb: () => 'må fylles ut når tidspunktet for kjennskap ligger bakover i tid', en: () => 'required when awareness is in the past' },
  'field.version-behind': { nb: ({ version }) => `gjeldende versjon er ${version}`, en: ({ version }) => `current version is ${version}` },
  'field.widens-restricted': { nb: () => 'ville gitt flere innsyn i en begrenset sak', en: () => 'would widen who may see a restricted incident' },
  'field.not-latest-assessment': { nb: () => 'er ikke den siste vurderingen', en: () => 'is not the latest assessment' },
  'field.older-facts': { nb: () => 'vurdert på eldre fakta', en: () => 'assessed on older facts' },
  'field.initial-first': { nb: () => 'den første meldingen er fullstendig eller foreløpig', en: () => 'the first notification is complete or initial' },
  'field.follow-up-not-phased': {
    nb: () => 'gjelder bare en foreløpig eller supplerende melding; en fullstendig eller endelig melding avslutter oppfølgingen',
    en: () => 'applies only to an initial or supplementary notice; a complete or final notice ends the follow-up',
  },
  'field.follow-up-too-early': { nb: () => 'må ligge etter at meldingen sendes', en: () => 'must be after the notice is sent' },
  'field.not-a-cursor': { nb: () => 'er ikke en gyldig sideposisjon', en: () => 'not a cursor this service issued' },
  'field.already-exists': { nb: () => 'finnes allerede', en: () => 'already exists' },
  'field.address-not-allowed': { nb: () => 'adressen peker til et internt nettverk og er ikke tillatt', en: () => 'the address points to an internal network and is not allowed' },
  'field.channel': { nb: () => 'en av Altinn, e-post, post, telefon', en: () => 'one of Altinn, e-mail, post, phone' },
  'field.lone-surrogate': { nb: () => 'er ikke gyldig Unicode-tekst', en: () => 'not well-formed Unicode text' },
  'field.content-type': { nb: ({ type }) => `Content-Type må være ${type}`, en: ({ type }) => `Content-Type must be ${type}` },
  'field.malformed-json': { nb: () => 'ugyldig JSON', en: () => 'malformed JSON' },
  'field.unknown': { nb: () => 'ukjent felt', en: () => 'unknown field' },
  'field.template-decorator': { nb: () => 'dekoratører ({{* …}}) er ikke tillatt', en: () => 'decorators ({{* …}}) are not allowed' },
  'field.template-helper': { nb: ({ helper }) => `{{${helper}}} er ikke tillatt i en mal`, en: ({ helper }) => `{{${helper}}} is not allowed in a template` },
  'field.template-fault': {
    nb: (p) => `${p.line ? `linje ${p.line}: ` : ''}${{
      syntax: () => 'en {{ … }} er ikke skrevet riktig (sjekk klammeparentesene, # og / og navnene)',
      mismatch: () => `{{#${p.name}}} lukkes med {{/${p.other}}}`,
      'unknown-name': () => `«${p.name}» finnes ikke i eksempelsaken`,
      'unknown-partial': () => `delmalen «${p.name}» finnes ikke`,
      other: () => 'kan ikke vises med eksempelsaken',
    }[p.kind]()}`,
    en: (p) => `${p.line ? `line ${p.line}: ` : ''}${{
      syntax: () => 'a {{ … }} is not written correctly (check the braces, # and / and the names)',
      mismatch: () => `{{#${p.name}}} is closed by {{/${p.other}}}`,
      'unknown-name': () => `"${p.name}" is not in the sample incident`,
      'unknown-partial': () => `the partial "${p.name}" does not exist`,
      other: () => 'does not render against the sample incident',
    }[p.kind]()}`,
  },
  'field.template-in': {
    nb: (p) => ({ subject: 'I emnet', html: 'I HTML-teksten', text: 'I ren tekst' })[p.part],
    en: (p) => ({ subject: 'In the subject', html: 'In the HTML', text: 'In the plain text' })[p.part],
  },
  'refused.sign-in': { nb: () => 'Du må logge inn', en: () => 'Sign in first' },
  'refused.token-invalid': { nb: () => 'Tilgangsnøkkelen er ugyldig; logg inn på nytt', en: () => 'The access token is not valid; sign in again' },
  'refused.wrong-credentials': { nb: () => 'Feil e-postadresse eller passord', en: () => 'E-mail or password is wrong' },
  'refused.session-ended': { nb: () => 'Økten er avsluttet; logg inn på nytt', en: () => 'The session has ended; sign in again' },
  'refused.account-inactive': { nb: () => 'Kontoen er deaktivert', en: () => 'The account behind this token is not active' },
  'refused.wrong-password': { nb: () => 'Nåværende passord er feil', en: () => 'The current password is wrong' },
  'refused.too-many-sign-ins': { nb: () => 'For mange innloggingsforsøk; vent en stund og prøv igjen', en: () => 'Too many sign-in attempts; wait a while and try again' },
  'refused.too-many-passwords': { nb: () => 'For mange feil passord; vent en stund og prøv igjen', en: () => 'Too many wrong passwords; wait a while and try again' },
  'refused.lift-restriction': { nb: () => 'Bare en leder eller personvernombudet kan oppheve en begrensning', en: () => 'Only a manager or the DPO may lift a restriction' },
  'refused.widen-restricted': { nb: () => 'Bare en leder eller personvernombudet kan gi flere tilgang til en begrenset sak', en: () => 'Only a manager or the DPO may add people to a restricted incident' },
  'refused.restricted-owner': { nb: () => 'Bare en leder eller personvernombudet kan bytte eier av en begrenset sak', en: () => 'Only a manager or the DPO may change the owner of a restricted incident' },
  'refused.email-taken': { nb: () => 'Det finnes allerede en bruker med denne e-postadressen', en: () => 'A user with this e-mail already exists' },
  'refused.incident-changed': { nb: () => 'Noen andre endret saken først; last inn på nytt og prøv igjen', en: () => 'Someone else changed this incident first; reload and try again' },
  'refused.version-number-taken': { nb: () => 'Et annet utkast fikk dette versjonsnummeret; prøv igjen', en: () => 'Another draft took this version number; try again' },
  'refused.draft-submitted': { nb: () => 'Noen andre sendte dette utkastet til godkjenning først', en: () => 'Someone else submitted this draft first' },
  'refused.version-reviewed': { nb: () => 'En annen leder behandlet denne versjonen først', en: () => 'Another manager reviewed this version first' },
  'refused.notice-approved': { nb: () => 'Noen andre godkjente denne meldingen først', en: () => 'Someone else approved this notice first' },
  'refused.notice-recorded-sent': { nb: () => 'Noen andre registrerte denne meldingen som sendt først', en: () => 'Someone else recorded this notice as sent first' },
  'refused.deactivate-self': { nb: () => 'Du kan ikke deaktivere deg selv eller ta fra deg din egen admin-rolle', en: () => 'You cannot deactivate yourself or remove your own admin role' },
  'refused.delete-self': { nb: () => 'Du kan ikke slette deg selv', en: () => 'You cannot delete yourself' },
  'refused.already-closed': { nb: () => 'Saken er allerede lukket', en: () => 'The incident is already closed' },
  'refused.no-template': { nb: () => 'Det finnes ingen godkjent mal for denne meldingen på dette språket', en: () => 'There is no approved template for this notice in this language' },
  'refused.decision-stale': {
    nb: () => 'Fakta er endret siden beslutningen om å melde og varsle. Vurder beslutningen på nytt og registrer den før meldingen godkjennes; lag et nytt utkast hvis meldingen må si noe annet.',
    en: () => 'The facts have changed since the decision on notifying. Review the decision and record it before the notice is approved; draft the notice again if it must say something else.',
  },
  'refused.draft-changed': { nb: () => 'Utkastet er endret etter at det ble laget; lag det på nytt', en: () => 'The draft changed after it was rendered; render it again' },
  'refused.notice-differs': { nb: () => 'Meldingen er ikke lik den som ble godkjent', en: () => 'The notice differs from what was approved' },
  'refused.media-type': { nb: ({ type }) => `Send innholdet som ${type}`, en: ({ type }) => `Send the body as ${type}` },
};
