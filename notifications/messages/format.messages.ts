import { DateTime } from 'luxon';
import type { Catalogue, NoParams } from './catalogue.js';

/** The small words that format facts for a reader, and the sentences a notice's context builds from the facts. */
export type FormatMessageParams = {
  'format.pending': NoParams;
  'format.about': { n: string };
  'format.between': { min: string; max: string };
  'format.not-known': NoParams;
  'format.moment': { at: Date };
  /** A moment that names its zone in either language: what a notice or a form filed elsewhere says. */
  'format.moment-zoned': { at: Date };
  'format.list': { items: readonly string[] };
  'format.decimal': { n: number };
  /** The language tag a document declares (the PDF's). */
  'format.language-tag': NoParams;
  'context.contact-role': NoParams;
  'context.reach': { email: string; phone: string };
  'context.occurred': { from: string; to: string; approximate: boolean };
  'context.when': { occurred: string; awareAt: string };
  'context.contact-sentence': { name: string; reach: string };
  'context.cause': { kind: 'malicious' | 'accidental' | 'unknown'; vector: string; description: string };
  'context.encryption': { dataEncrypted: boolean | null; stateOfTheArt: boolean | null; keyCompromised: boolean | null };
  /** A later phase names the first filing it follows up (Art. 33(4)). */
  'context.follows-up': { sentAt: Date; reference: string };
  /** A processor's notice filed on the controller's written instruction names the controller and the instruction. */
  'context.on-behalf': { controller: string; processor: string; instructedBy: string; instructedAt: Date | null; reference: string };
  /** A first or partial notice says when the follow-up will be sent. */
  'context.follow-up-by': { at: Date };
  /** A notice that comes after the 72 hours says so, before its reasons. */
  'context.late': { deadline: Date; first: boolean };
  'register.file-name': NoParams;
};

const oslo = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Oslo' });
const list = (items: readonly string[], and: string) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
const either = (parts: string[], or: string) => parts.filter(Boolean).join(or);
/** The kind of cause, how it happened and the cause in words, as far as each is known: "deliberate act – theft. The car was broken into". */
const cause = (p: { kind: 'malicious' | 'accidental' | 'unknown'; vector: string; description: string }, kinds: Record<'malicious' | 'accidental' | 'unknown', string>) => {
  const head = [kinds[p.kind], p.vector].filter(Boolean).join(' – ');
  return [head, p.description].filter(Boolean).join(/[.!?]$/.test(head) ? ' ' : '. ');
};
const span = (p: { from: string; to: string }) => (p.to ? `${p.from} – ${p.to}` : p.from);

export const FORMAT_MESSAGES: Catalogue<FormatMessageParams> = {
  'format.pending': { nb: () => 'ikke avklart – ettersendes', en: () => 'not yet established – to follow' },
  'format.about': { nb: ({ n }) => `om lag ${n}`, en: ({ n }) => `about ${n}` },
  'format.between': { nb: ({ min, max }) => `mellom ${min} og ${max}`, en: ({ min, max }) => `between ${min} and ${max}` },
  'format.not-known': { nb: () => 'ikke kjent', en: () => 'not known' },
  'format.moment': {
    nb: ({ at }) => oslo(at).setLocale('nb').toFormat("d. LLLL yyyy 'kl.' HH:mm"),
    en: ({ at }) => `${oslo(at).setLocale('en-GB').toFormat('d LLLL yyyy, HH:mm')} (Oslo time)`,
  },
  'format.moment-zoned': {
    nb: ({ at }) => `${oslo(at).setLocale('nb').toFormat("d. LLLL yyyy 'kl.' HH:mm")} (norsk tid)`,
    en: ({ at }) => `${oslo(at).setLocale('en-GB').toFormat('d LLLL yyyy, HH:mm')} (Oslo time)`,
  },
  'format.list': { nb: ({ items }) => list(items, 'og'), en: ({ items }) => list(items, 'and') },
  'format.decimal': { nb: ({ n }) => String(n).replace('.', ','), en: ({ n }) => String(n) },
  'format.language-tag': { nb: () => 'nb-NO', en: () => 'en-GB' },
  'context.contact-role': { nb: () => 'personvernombud', en: () => 'data protection officer' },
  'context.reach': {
    nb: ({ email, phone }) => either([email && `e-post ${email}`, phone && `telefon ${phone}`], ' eller '),
    en: ({ email, phone }) => either([email && `e-mail at ${email}`, phone && `phone on ${phone}`], ' or '),
  },
  'context.occurred': {
    nb: (p) => `${span(p)}${p.approximate ? ' (omtrentlig)' : ''}`,
    en: (p) => `${span(p)}${p.approximate ? ' (approximate)' : ''}`,
  },
  'context.when': {
    nb: ({ occurred, awareAt }) => (occurred ? `Bruddet skjedde ${occurred}, og vi ble kjent med det ${awareAt}.` : `Vi ble kjent med bruddet ${awareAt}; når det skjedde, er ennå ikke avklart.`),
    en: ({ occurred, awareAt }) => (occurred ? `The breach happened ${occurred}, and we became aware of it ${awareAt}.` : `We became aware of the breach ${awareAt}; when it happened is not yet established.`),
  },
  'context.contact-sentence': {
    nb: ({ name, reach }) => `Har du spørsmål, kan du kontakte personvernombudet vårt, ${name}, på ${reach}.`,
    en: ({ name, reach }) => `If you have questions, contact our data protection officer, ${name}, by ${reach}.`,
  },
  'context.cause': {
    nb: (p) => cause(p, { malicious: 'handling med vilje', accidental: 'uhell eller feil', unknown: '' }),
    en: (p) => cause(p, { malicious: 'deliberate act', accidental: 'accident or mistake', unknown: '' }),
  },
  'context.encryption': {
    nb: (p) =>
      p.dataEncrypted === null
        ? 'Om opplysningene var kryptert, er ikke avklart – ettersendes.'
        : !p.dataEncrypted
          ? 'Opplysningene var ikke kryptert.'
          : `Opplysningene var kryptert${p.stateOfTheArt === true ? ' etter god praksis' : p.stateOfTheArt === false ? ', men ikke etter god praksis' : ''}; ${
              p.keyCompromised === false ? 'nøkkelen er ikke kompromittert' : p.keyCompromised ? 'nøkkelen kan være kompromittert' : 'om nøkkelen er kompromittert, er ikke avklart'
            }.`,
    en: (p) =>
      p.dataEncrypted === null
        ? 'Whether the data was encrypted is not yet established – to follow.'
        : !p.dataEncrypted
          ? 'The data was not encrypted.'
          : `The data was encrypted${p.stateOfTheArt === true ? ' to the state of the art' : p.stateOfTheArt === false ? ', but not to the state of the art' : ''}; ${
              p.keyCompromised === false ? 'the key is not compromised' : p.keyCompromised ? 'the key may be compromised' : 'whether the key is compromised is not yet established'
            }.`,
  },
  'context.follows-up': {
    nb: ({ sentAt, reference }) =>
      `Denne meldingen følger opp meldingen vi sendte ${oslo(sentAt).setLocale('nb').toFormat("d. LLLL yyyy 'kl.' HH:mm")} (norsk tid)${reference ? `, Altinn-referanse ${reference}` : ''}.`,
    en: ({ sentAt, reference }) =>
      `This notification follows up the notification we sent on ${oslo(sentAt).setLocale('en-GB').toFormat('d LLLL yyyy, HH:mm')} (Oslo time)${reference ? `, Altinn reference ${reference}` : ''}.`,
  },
  'context.on-behalf': {
    nb: (p) =>
      `Behandlingsansvarlig for opplysningene er ${p.controller}. ${p.processor} er databehandler for ${p.controller} og melder bruddet på vegne av den behandlingsansvarlige etter skriftlig instruks fra ${p.instructedBy}${
        p.instructedAt ? ` ${oslo(p.instructedAt).setLocale('nb').toFormat("d. LLLL yyyy 'kl.' HH:mm")} (norsk tid)` : ''
      }${p.reference ? `, referanse ${p.reference}` : ''}. Kontaktpunktet for denne meldingen er vårt personvernombud, oppgitt nedenfor.`,
    en: (p) =>
      `The controller responsible for the data is ${p.controller}. ${p.processor} is the processor for ${p.controller} and notifies the breach on the controller's behalf, on the written instruction of ${p.instructedBy}${
        p.instructedAt ? ` given on ${oslo(p.instructedAt).setLocale('en-GB').toFormat('d LLLL yyyy, HH:mm')} (Oslo time)` : ''
      }${p.reference ? `, reference ${p.reference}` : ''}. The contact point for this notification is our data protection officer, named below.`,
  },
  'context.follow-up-by': {
    nb: ({ at }) => `Vi sender en oppfølgende melding senest ${oslo(at).setLocale('nb').toFormat("d. LLLL yyyy 'kl.' HH:mm")} (norsk tid).`,
    en: ({ at }) => `We will send a follow-up notification by ${oslo(at).setLocale('en-GB').toFormat('d LLLL yyyy, HH:mm')} (Oslo time) at the latest.`,
  },
  'context.late': {
    nb: ({ deadline, first }) =>
      `${first ? 'Den første meldingen ble sendt' : 'Meldingen sendes'} etter fristen på 72 timer, som gikk ut ${oslo(deadline).setLocale('nb').toFormat("d. LLLL yyyy 'kl.' HH:mm")} (norsk tid).`,
    en: ({ deadline, first }) =>
      `${first ? 'The first notification was sent' : 'This notification is sent'} after the 72-hour deadline, which passed on ${oslo(deadline).setLocale('en-GB').toFormat('d LLLL yyyy, HH:mm')} (Oslo time).`,
  },
  'register.file-name': { nb: () => 'avviksprotokoll', en: () => 'breach-register' },
};
