import { DateTime } from 'luxon';
import type { Catalogue, NoParams } from './catalogue.js';

/** What an alert is about, as the push notification and the reachability screen word it. */
export type PushDue = { kind: string; milestone: string; hoursElapsed: number };

/** Every message of push notifications, test alerts and reachability, with the parameters each needs. */
export interface PushMessageParams {
  'push.title': { ref: string; title: string };
  'push.due': PushDue;
  'push.left': { ms: number };
  'push.deadline': { at: Date };
  'push.action.ack': NoParams;
  'push.action.open': NoParams;
  'push.acked': { ref: string };
  'push.acked-by': { name: string };
  'push.ack-failed': NoParams;
  'push.test.title': NoParams;
  'push.test.ref': NoParams;
  'reach.push': { deviceName: string };
  'push.refused': NoParams;
  'push.refused.https': NoParams;
  'push.refused.devices': { max: number };
  'push.refused.test-too-soon': NoParams;
  'reach.email': { address: string };
  'reach.webhook': { host: string };
  'reach.rota-webhook': { rota: string; host: string };
  'reach.dashboard': NoParams;
}

/** Hours and minutes, rounded down to the minute: "5 t 07 min" / "5 h 07 min". */
function span(ms: number, hourUnit: string): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return `${Math.floor(minutes / 60)} ${hourUnit} ${String(minutes % 60).padStart(2, '0')} min`;
}

const oslo = (at: Date, lang: 'nb' | 'en') =>
  DateTime.fromJSDate(at, { zone: 'Europe/Oslo' }).setLocale(lang === 'nb' ? 'nb' : 'en-GB').toFormat(lang === 'nb' ? "ccc d. LLL 'kl.' HH:mm" : 'ccc d LLL, HH:mm');
const utc = (at: Date) => DateTime.fromJSDate(at, { zone: 'UTC' }).toFormat('HH:mm');

export const PUSH_MESSAGES: Catalogue<PushMessageParams> = {
  'push.title': { nb: (p) => `${p.ref}: ${p.title}`, en: (p) => `${p.ref}: ${p.title}` },
  'push.due': {
    nb: (p) => {
      switch (p.kind) {
        case 'milestone':
          return p.milestone === 'deadline' ? 'Fristen for melding til Datatilsynet er nå' : `Melding til Datatilsynet – ${p.hoursElapsed} timer har gått`;
        case 'overdue':
          return `Melding til Datatilsynet er ${p.hoursElapsed - 72} timer på overtid`;
        case 'triage-overrun':
          return `Triage har pågått i over ${p.hoursElapsed} timer – avklar om dette er et brudd`;
        case 'follow-up-due':
          return 'Oppfølgingen av den trinnvise meldingen til Datatilsynet er forfalt';
        case 'controller-notice-due':
          return 'Behandlingsansvarlig skal varsles';
        case 'test':
          return 'Testvarsel: varslene når fram til denne enheten';
        default:
          return 'Et varsel venter på deg';
      }
    },
    en: (p) => {
      switch (p.kind) {
        case 'milestone':
          return p.milestone === 'deadline' ? 'The deadline to notify Datatilsynet is now' : `Notify Datatilsynet – ${p.hoursElapsed} hours have passed`;
        case 'overdue':
          return `Notifying Datatilsynet is ${p.hoursElapsed - 72} hours overdue`;
        case 'triage-overrun':
          return `Triage has run for over ${p.hoursElapsed} hours – decide whether this is a breach`;
        case 'follow-up-due':
          return 'The follow-up to the phased notification to Datatilsynet is due';
        case 'controller-notice-due':
          return 'The controller must be informed';
        case 'test':
          return 'Test alert: alerts reach this device';
        default:
          return 'An alert is waiting for you';
      }
    },
  },
  'push.left': {
    nb: (p) => (p.ms >= 0 ? `${span(p.ms, 't')} igjen` : `${span(p.ms, 't')} over fristen`),
    en: (p) => (p.ms >= 0 ? `${span(p.ms, 'h')} left` : `${span(p.ms, 'h')} past the deadline`),
  },
  'push.deadline': {
    nb: (p) => `Frist ${oslo(p.at, 'nb')} (${utc(p.at)} UTC)`,
    en: (p) => `Deadline ${oslo(p.at, 'en')} Oslo time (${utc(p.at)} UTC)`,
  },
  'push.action.ack': { nb: () => 'Kvitter', en: () => 'Acknowledge' },
  'push.action.open': { nb: () => 'Åpne saken', en: () => 'Open the incident' },
  'push.acked': { nb: (p) => `${p.ref} er kvittert. Varselet eskaleres ikke videre.`, en: (p) => `${p.ref} is acknowledged. The alert will not escalate further.` },
  'push.acked-by': { nb: (p) => `Kvittert av ${p.name}. Varselet eskaleres ikke videre.`, en: (p) => `Acknowledged by ${p.name}. The alert will not escalate further.` },
  'push.ack-failed': { nb: () => 'Kunne ikke kvittere herfra. Trykk for å åpne saken.', en: () => 'Could not acknowledge from here. Tap to open the incident.' },
  'push.test.title': { nb: () => 'Testvarsel fra Breach Clock', en: () => 'Test alert from Breach Clock' },
  'push.test.ref': { nb: () => 'TEST', en: () => 'TEST' },
  'reach.push': { nb: (p) => `Push-varsel til ${p.deviceName}`, en: (p) => `Push notification to ${p.deviceName}` },
  'push.refused': { nb: () => 'Push kan ikke slås på for denne enheten', en: () => 'Push cannot be turned on for this device' },
  'push.refused.https': { nb: () => 'Må være en https-adresse', en: () => 'Must be an https address' },
  'push.refused.devices': { nb: (p) => `Du kan ha push på høyst ${p.max} enheter; slå det av på én først`, en: (p) => `Push can be on for at most ${p.max} devices; turn it off on one first` },
  'push.refused.test-too-soon': { nb: () => 'Du sendte et testvarsel for under ett minutt siden; prøv igjen straks', en: () => 'You sent a test alert less than a minute ago; try again shortly' },
  'reach.email': { nb: (p) => `E-post til ${p.address}`, en: (p) => `E-mail to ${p.address}` },
  'reach.webhook': { nb: (p) => `Webhook til ${p.host}`, en: (p) => `Webhook to ${p.host}` },
  'reach.rota-webhook': { nb: (p) => `Vaktlagets webhook (${p.rota}) til ${p.host}`, en: (p) => `The rota's webhook (${p.rota}) to ${p.host}` },
  'reach.dashboard': { nb: () => 'Dashbordet, bare mens det er åpent', en: () => 'The dashboard, only while it is open' },
};
