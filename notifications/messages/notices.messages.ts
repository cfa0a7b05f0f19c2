import type { Catalogue, MessageOf, NoParams } from './catalogue.js';

/** A part of a notice that can be missing, named by the field that supplies it. */
export type MissingPath =
  | 'description' | 'outwardDescription' | 'outwardDescriptionEn' | 'breachTypes' | 'dataCategories' | 'contactPoint' | 'consequences' | 'measuresTaken'
  | 'delayReasons' | 'adviceToSubjects' | 'controller.name' | 'ORGANISATION_NAME';

/** Every message of notices and filings: what is missing, what may not leave the house, and refusals. */
export interface NoticeMessageParams {
  'notice.missing': { path: MissingPath };
  'notice.lacks': { count: number };
  'notice.processor-authority': NoParams;
  'notice.outward-refused': NoParams;
  'notice.outward.national-id': { count: number };
  'notice.outward.masked-id': NoParams;
  'notice.outward.name': { name: string };
  /** A guess the DPO confirms before approving: what looks like a person's name the service does not know. */
  'notice.outward.possible-name': { name: string };
  'notice.names-unchecked': NoParams;
  'notice.outward.internal-text': NoParams;
  'notice.not-draft': NoParams;
  'notice.not-approved': NoParams;
  'notice.altinn-approved-only': NoParams;
  'submission.delay-reasons': NoParams;
  'submission.delay-reasons.field': NoParams;
  'submission.processor': NoParams;
  'submission.cites-invalid': NoParams;
  'submission.notice.not-authority': NoParams;
  'submission.notice.not-approved': NoParams;
  'submission.notice.already-sent': NoParams;
  'pdf.org-number': { number: string };
  'pdf.to': { kind: 'authority' | 'subject' | 'public' | 'controller'; controller: string };
  'pdf.approved': { by: string; at: string };
  'pdf.draft': NoParams;
  'pdf.hash': { hash: string };
  'pdf.page': { page: number; pages: number };
  /** The PDF's file name after the incident's ref: which notice it is, as words a file name can carry. */
  'pdf.file-name': { kind: 'authority' | 'subject' | 'public' | 'controller'; ref: string };
}

export type NoticeMessage = MessageOf<NoticeMessageParams>;

const MISSING: Record<MissingPath, { nb: string; en: string }> = {
  description: { nb: 'Mangler beskrivelse av hva som har skjedd (art. 33 nr. 3 bokstav a)', en: 'Missing a description of what happened (Art. 33(3)(a))' },
  outwardDescription: {
    nb: 'Mangler beskrivelsen til de berørte: skriv hva som har skjedd for dem som skal lese det, uten interne detaljer',
    en: 'Missing the description for the people affected: say what happened for those who will read it, without internal details',
  },
  outwardDescriptionEn: {
    nb: 'Mangler beskrivelsen på engelsk: en engelsk melding bruker den, ikke den norske',
    en: 'Missing the description in English: an English notice uses it, not the Norwegian one',
  },
  breachTypes: { nb: 'Mangler hva slags brudd det er (konfidensialitet, integritet, tilgjengelighet)', en: 'Missing the nature of the breach (confidentiality, integrity, availability)' },
  dataCategories: { nb: 'Mangler hvilke typer personopplysninger som er berørt', en: 'Missing the categories of personal data concerned' },
  contactPoint: { nb: 'Mangler navn og kontaktopplysninger til personvernombudet eller et annet kontaktpunkt', en: 'Missing the name and contact details of the data protection officer or another contact point' },
  consequences: { nb: 'Mangler de sannsynlige konsekvensene av bruddet', en: 'Missing the likely consequences of the breach' },
  measuresTaken: { nb: 'Mangler tiltak som er gjennomført eller planlagt', en: 'Missing the measures taken or proposed' },
  delayReasons: { nb: 'Mangler årsakene til forsinkelsen: meldingen kommer mer enn 72 timer etter at vi ble kjent med bruddet (art. 33 nr. 1)', en: 'Missing the reasons for the delay: the notification comes more than 72 hours after we became aware of the breach (Art. 33(1))' },
  adviceToSubjects: { nb: 'Mangler råd til de berørte om hva de selv kan gjøre', en: 'Missing advice to the people on what they can do to protect themselves' },
  'controller.name': { nb: 'Mangler hvem som er behandlingsansvarlig', en: 'Missing who the controller is' },
  ORGANISATION_NAME: { nb: 'Mangler virksomhetens navn (innstillingen ORGANISATION_NAME)', en: "Missing the organisation's name (the ORGANISATION_NAME setting)" },
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const NOTICE_MESSAGES: Catalogue<NoticeMessageParams> = {
  'notice.missing': { nb: (p) => MISSING[p.path].nb, en: (p) => MISSING[p.path].en },
  'notice.lacks': {
    nb: (p) => `Meldingen mangler ${p.count} ${plural(p.count, 'påkrevd opplysning', 'påkrevde opplysninger')}`,
    en: (p) => `The notice lacks ${p.count} required ${plural(p.count, 'element', 'elements')}`,
  },
  'notice.processor-authority': {
    nb: () => 'Vi er databehandler i denne saken: den behandlingsansvarlige melder til Datatilsynet. Varsle den behandlingsansvarlige, eller registrer at den skriftlig har bedt oss melde på dens vegne.',
    en: () => 'We are the processor in this case: the controller notifies Datatilsynet. Inform the controller, or record that it has asked us in writing to notify on its behalf.',
  },
  'notice.outward-refused': {
    nb: () => 'Meldingen ville selv røpe personopplysninger: fjern dem før den godkjennes',
    en: () => 'The notice would itself disclose personal data: remove it before approval',
  },
  'notice.outward.national-id': {
    nb: (p) => `Inneholder ${p.count} ${plural(p.count, 'fødselsnummer', 'fødselsnumre')}`,
    en: (p) => `Contains ${p.count} national identity ${plural(p.count, 'number', 'numbers')}`,
  },
  'notice.outward.masked-id': { nb: () => 'Inneholder et maskert fødselsnummer (fødselsdato og stjerner)', en: () => 'Contains a masked national identity number (date of birth and asterisks)' },
  'notice.outward.name': { nb: (p) => `Inneholder navnet «${p.name}»`, en: (p) => `Contains the name "${p.name}"` },
  'notice.outward.possible-name': {
    nb: (p) => `«${p.name}» ser ut som navnet på en person: sjekk at det ikke er en av de berørte eller en ansatt`,
    en: (p) => `"${p.name}" looks like a person's name: check that it is not one of the people affected or a member of staff`,
  },
  'notice.names-unchecked': {
    nb: () => 'Meldingen inneholder noe som ser ut som navn på personer. Sjekk hvert av dem, og bekreft at de kan stå, før du godkjenner.',
    en: () => "The notice contains what look like people's names. Check each of them, and confirm they may stay, before you approve.",
  },
  'notice.outward.internal-text': {
    nb: () => 'Er den interne beskrivelsen ordrett: skriv en egen beskrivelse for de berørte',
    en: () => 'Is the internal description word for word: write a description of its own for the people affected',
  },
  'notice.not-draft': { nb: () => 'Bare et utkast kan godkjennes; en godkjent melding kan ikke endres', en: () => 'Only a draft can be approved; an approved notice cannot change' },
  'notice.not-approved': { nb: () => 'Bare en godkjent melding kan sendes', en: () => 'Only an approved notice can be sent' },
  'notice.altinn-approved-only': {
    nb: () => 'Bare en godkjent melding til Datatilsynet kan føres inn i Altinn',
    en: () => 'Only an approved notice to Datatilsynet can be entered in Altinn',
  },
  'submission.delay-reasons': {
    nb: () => 'Meldingen kommer etter fristen på 72 timer; art. 33 nr. 1 krever årsakene til forsinkelsen',
    en: () => 'This notification is after the 72-hour deadline; Art. 33(1) requires the reasons for the delay',
  },
  'submission.delay-reasons.field': {
    nb: () => 'Påkrevd når meldingen kommer mer enn 72 timer etter at vi ble kjent med bruddet',
    en: () => 'Required when the notification is later than 72 hours after awareness',
  },
  'submission.processor': {
    nb: () => 'Vi er databehandler i denne saken, så det er den behandlingsansvarlige som melder til Datatilsynet, med mindre den skriftlig har bedt oss gjøre det',
    en: () => 'We are the processor in this case, so the controller notifies Datatilsynet, unless it has asked us in writing to do it',
  },
  'submission.cites-invalid': { nb: () => 'Innsendingen viser til en melding den ikke kan vise til', en: () => 'The submission cites a notice it cannot cite' },
  'submission.notice.not-authority': { nb: () => 'Ikke en melding til Datatilsynet i denne saken', en: () => 'Not a notice to Datatilsynet in this incident' },
  'submission.notice.not-approved': { nb: () => 'Meldingen er ikke godkjent', en: () => 'The notice is not approved' },
  'submission.notice.already-sent': { nb: () => 'Meldingen er allerede registrert som sendt', en: () => 'This notice is already recorded as sent' },
  'pdf.org-number': { nb: (p) => `Org.nr. ${groupOrgNumber(p.number)}`, en: (p) => `Organisation number ${groupOrgNumber(p.number)}` },
  'pdf.to': {
    nb: (p) => `Til: ${{ authority: 'Datatilsynet', subject: 'De berørte', public: 'Offentligheten', controller: p.controller || 'Behandlingsansvarlig' }[p.kind]}`,
    en: (p) => `To: ${{ authority: 'Datatilsynet (the Norwegian Data Protection Authority)', subject: 'The people affected', public: 'The public', controller: p.controller || 'The controller' }[p.kind]}`,
  },
  'pdf.approved': { nb: (p) => `Godkjent av ${p.by} ${p.at}`, en: (p) => `Approved by ${p.by} on ${p.at}` },
  'pdf.draft': { nb: () => 'Utkast – ikke godkjent', en: () => 'Draft – not approved' },
  'pdf.hash': { nb: (p) => `SHA-256: ${p.hash}`, en: (p) => `SHA-256: ${p.hash}` },
  'pdf.page': { nb: (p) => `Side ${p.page} av ${p.pages}`, en: (p) => `Page ${p.page} of ${p.pages}` },
  'pdf.file-name': {
    nb: (p) => `${p.ref}-${{ authority: 'melding-til-datatilsynet', subject: 'varsel-til-de-berørte', public: 'kunngjøring', controller: 'varsel-til-behandlingsansvarlig' }[p.kind]}.pdf`,
    en: (p) => `${p.ref}-${{ authority: 'notification-to-datatilsynet', subject: 'notice-to-the-people-affected', public: 'public-notice', controller: 'notice-to-the-controller' }[p.kind]}.pdf`,
  },
};

/** 922078734 → 922 078 734, as the Brønnøysund registers write it. */
const groupOrgNumber = (n: string) => n.replace(/\D/g, '').replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
