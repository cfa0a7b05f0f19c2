import type { Catalogue, MessageOf, NoParams } from './catalogue.js';

/** Milestones, what each kind of alert says, the acknowledgement page and the public holidays. */
export interface ClockMessageParams {
  'milestone.hours': { hours: number };
  'milestone.deadline': NoParams;
  'milestone.overdue': { hours: number };
  'milestone.triage': NoParams;
  'milestone.controller': NoParams;
  'milestone.follow-up': NoParams;

  'alert.milestone': { hours: number; left: number };
  'alert.deadline': NoParams;
  'alert.overdue': { hours: number };
  'alert.triage-overrun': { hours: number };
  'alert.follow-up-due': NoParams;
  'alert.controller-notice-due': NoParams;
  'alert.other': NoParams;
  'alert.deadline-label': NoParams;

  'ack.title': NoParams;
  'ack.button': NoParams;
  'ack.already': { title: string; ref: string; at: string };
  'ack.ask': { title: string; ref: string };
  'ack.done-title': NoParams;
  'ack.done': { title: string; ref: string; by: string };

  'holiday.new-year': NoParams;
  'holiday.labour-day': NoParams;
  'holiday.constitution-day': NoParams;
  'holiday.christmas-day': NoParams;
  'holiday.boxing-day': NoParams;
  'holiday.maundy-thursday': NoParams;
  'holiday.good-friday': NoParams;
  'holiday.easter-sunday': NoParams;
  'holiday.easter-monday': NoParams;
  'holiday.ascension-day': NoParams;
  'holiday.whit-sunday': NoParams;
  'holiday.whit-monday': NoParams;

  /** Why an alert's delivery failed, as the on-call view shows it: never the raw network error. */
  'delivery.address-refused': { why: AddressRefusal };
  'delivery.timeout': NoParams;
  'delivery.unreachable': NoParams;
  'delivery.answered': { status: number };
  'delivery.mail-refused': NoParams;
  'delivery.failed': NoParams;
  'delivery.no-channel': NoParams;
  'delivery.withheld': NoParams;
  'delivery.push-off': NoParams;
  'delivery.push-gone': NoParams;
  'delivery.push-encryption': NoParams;
  'delivery.push-refused': { status: number };
}

/** Why an address may not be sent to (the egress guard's finding). */
export type AddressRefusal = 'not-a-url' | 'scheme' | 'credentials' | 'unresolved' | 'internal' | 'unchecked';
const ADDRESS_REFUSALS: Record<AddressRefusal, { nb: string; en: string }> = {
  'not-a-url': { nb: 'adressen er ikke en nettadresse', en: 'the address is not a web address' },
  scheme: { nb: 'bare http- og https-adresser er tillatt', en: 'only http and https addresses are allowed' },
  credentials: { nb: 'en adresse med brukernavn eller passord er ikke tillatt', en: 'an address with a user name or password is not allowed' },
  unresolved: { nb: 'vertsnavnet finnes ikke', en: 'the host name does not resolve' },
  internal: { nb: 'adressen er på et privat, lokalt eller reservert nett', en: 'the address is on a private, local or reserved network' },
  unchecked: { nb: 'adressen kunne ikke sjekkes', en: 'the address could not be checked' },
};

export type ClockMessage = MessageOf<ClockMessageParams>;
export type DeliveryMessage = Extract<ClockMessage, { code: `delivery.${string}` }>;
export type HolidayCode = Extract<keyof ClockMessageParams, `holiday.${string}`>;

const fixed = (nb: string, en: string) => ({ nb: () => nb, en: () => en });

export const CLOCK_MESSAGES: Catalogue<ClockMessageParams> = {
  'milestone.hours': { nb: (p) => `${p.hours} timer`, en: (p) => `${p.hours} hours` },
  'milestone.deadline': fixed('Fristen (72 timer)', 'The deadline (72 hours)'),
  'milestone.overdue': { nb: (p) => `${p.hours} timer over fristen`, en: (p) => `${p.hours} hours past the deadline` },
  'milestone.triage': fixed('Triage over tiden', 'Triage over time'),
  'milestone.controller': fixed('Varsel til behandlingsansvarlig', 'Notice to the controller'),
  'milestone.follow-up': fixed('Oppfølging av trinnvis melding', 'Follow-up to a phased notification'),

  'alert.milestone': {
    nb: (p) => `${p.hours} timer siden virksomheten ble kjent med bruddet – ${p.left} timer igjen`,
    en: (p) => `${p.hours} hours since awareness – ${p.left} hours left`,
  },
  'alert.deadline': fixed('72-timersfristen er nådd', 'The 72-hour deadline has been reached'),
  'alert.overdue': { nb: (p) => `Fristen er overskredet med ${p.hours} timer`, en: (p) => `The deadline was missed by ${p.hours} hours` },
  'alert.triage-overrun': { nb: (p) => `Triage har pågått i over ${p.hours} timer uten avklaring`, en: (p) => `Triage has run for over ${p.hours} hours without a decision` },
  'alert.follow-up-due': fixed('Oppfølging av trinnvis melding til Datatilsynet er forfalt', 'The follow-up to a phased notification is due'),
  'alert.controller-notice-due': fixed('Behandlingsansvarlig er ennå ikke varslet', 'The controller has not been informed yet'),
  'alert.other': fixed('Varsel fra Breach Clock', 'An alert from Breach Clock'),
  'alert.deadline-label': fixed('Frist', 'Deadline'),

  'ack.title': fixed('Kvitter for varsel', 'Acknowledge the alert'),
  'ack.button': fixed('Kvitter', 'Acknowledge'),
  'ack.already': { nb: (p) => `${p.title} (${p.ref}) ble kvittert ${p.at}.`, en: (p) => `${p.title} (${p.ref}) was acknowledged ${p.at}.` },
  'ack.ask': { nb: (p) => `${p.title} (${p.ref})`, en: (p) => `${p.title} (${p.ref})` },
  'ack.done-title': fixed('Kvittert', 'Acknowledged'),
  'ack.done': {
    nb: (p) => `${p.title} (${p.ref}) er kvittert av ${p.by}. Varselet eskaleres ikke videre.`,
    en: (p) => `${p.title} (${p.ref}) was acknowledged by ${p.by}. The alert escalates no further.`,
  },

  'holiday.new-year': fixed('Første nyttårsdag', "New Year's Day"),
  'holiday.labour-day': fixed('Arbeidernes dag', 'Labour Day'),
  'holiday.constitution-day': fixed('Grunnlovsdag', 'Constitution Day'),
  'holiday.christmas-day': fixed('Første juledag', 'Christmas Day'),
  'holiday.boxing-day': fixed('Andre juledag', "St Stephen's Day"),
  'holiday.maundy-thursday': fixed('Skjærtorsdag', 'Maundy Thursday'),
  'holiday.good-friday': fixed('Langfredag', 'Good Friday'),
  'holiday.easter-sunday': fixed('Første påskedag', 'Easter Sunday'),
  'holiday.easter-monday': fixed('Andre påskedag', 'Easter Monday'),
  'holiday.ascension-day': fixed('Kristi himmelfartsdag', 'Ascension Day'),
  'holiday.whit-sunday': fixed('Første pinsedag', 'Whit Sunday'),
  'holiday.whit-monday': fixed('Andre pinsedag', 'Whit Monday'),
  'delivery.address-refused': { nb: (p) => `Avvist: ${ADDRESS_REFUSALS[p.why].nb}`, en: (p) => `Refused: ${ADDRESS_REFUSALS[p.why].en}` },
  'delivery.timeout': fixed('Mottakeren svarte ikke i tide', 'The receiver did not answer in time'),
  'delivery.unreachable': fixed('Fikk ikke kontakt med mottakeren', 'The receiver could not be reached'),
  'delivery.answered': { nb: (p) => `Mottakeren svarte med feilkode ${p.status}`, en: (p) => `The receiver answered with error code ${p.status}` },
  'delivery.mail-refused': fixed('E-posttjeneren tok ikke imot meldingen', 'The mail server did not accept the message'),
  'delivery.failed': fixed('Sendingen mislyktes', 'The delivery failed'),
  'delivery.no-channel': fixed('Denne kanalen er ikke satt opp', 'This channel is not set up'),
  'delivery.withheld': fixed('Holdt tilbake: saken har begrenset tilgang', 'Withheld: the incident is restricted'),
  'delivery.push-off': fixed('Enheten har ikke lenger varsler slått på', 'The device no longer has notifications turned on'),
  'delivery.push-gone': fixed(
    'Push på denne enheten er ikke lenger gyldig (varslingstjenesten kjenner den ikke). Slå varsling på igjen på enheten.',
    "This device's push is no longer valid (the push service no longer knows it). Turn notifications on again on the device.",
  ),
  'delivery.push-encryption': fixed('Meldingen kunne ikke krypteres for denne enheten', 'The message could not be encrypted for this device'),
  'delivery.push-refused': { nb: (p) => `Varslingstjenesten avviste meldingen (feilkode ${p.status})`, en: (p) => `The push service refused the message (error code ${p.status})` },
};

/** A milestone key as people read it: `h24` is "24 hours", `overdue-2` "12 hours past the deadline". */
export function milestoneMessage(key: string, hoursElapsed: number): ClockMessage {
  if (key === 'deadline') return { code: 'milestone.deadline', params: {} };
  if (key === 'triage') return { code: 'milestone.triage', params: {} };
  if (key === 'controller') return { code: 'milestone.controller', params: {} };
  if (key.startsWith('follow-up')) return { code: 'milestone.follow-up', params: {} };
  if (key.startsWith('overdue-')) return { code: 'milestone.overdue', params: { hours: hoursElapsed - 72 } };
  return { code: 'milestone.hours', params: { hours: hoursElapsed } };
}

/** What an alert of this kind says. */
export function alertMessage(kind: string, milestone: string, hoursElapsed: number): ClockMessage {
  switch (kind) {
    case 'milestone':
      return milestone === 'deadline' ? { code: 'alert.deadline', params: {} } : { code: 'alert.milestone', params: { hours: hoursElapsed, left: 72 - hoursElapsed } };
    case 'overdue':
      return { code: 'alert.overdue', params: { hours: hoursElapsed - 72 } };
    case 'triage-overrun':
      return { code: 'alert.triage-overrun', params: { hours: hoursElapsed } };
    case 'follow-up-due':
      return { code: 'alert.follow-up-due', params: {} };
    case 'controller-notice-due':
      return { code: 'alert.controller-notice-due', params: {} };
    default:
      return { code: 'alert.other', params: {} };
  }
}
