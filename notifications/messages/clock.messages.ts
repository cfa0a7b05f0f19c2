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
}

export type ClockMessage = MessageOf<ClockMessageParams>;
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
