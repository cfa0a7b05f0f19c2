import { render, type Lang, type MessageOf } from './messages/catalogue.js';
import { FORMAT_MESSAGES, type FormatMessageParams } from './messages/format.messages.js';
import { BREACH_TYPE_LABELS, CATEGORY_LABELS, type BreachType, type DataCategory } from './messages/vocabulary.messages.js';
import { formatCount, formatZonedMoment, joinList, PENDING, type Count } from './format.js';
import type { MissingPath } from './messages/notices.messages.js';

export const NOTICE_KINDS = ['authority', 'subject', 'public', 'controller'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const LANGS = ['nb', 'en'] as const;
export const PHASES = ['complete', 'initial', 'supplementary', 'final'] as const;
export type Phase = (typeof PHASES)[number];

/** What a notice says about the incident, named as the incident names it; the notices domain maps an incident onto it. */
export interface NoticeIncident {
  ref: string;
  title: string;
  description: string;
  /** What every notice says happened (Datatilsynet, the people, the public, the controller); no notice carries `description`. */
  outwardDescription?: string | undefined;
  /** The same in English: what an English notice says happened. */
  outwardDescriptionEn?: string | undefined;
  breachTypes: readonly BreachType[];
  cause: { kind: 'malicious' | 'accidental' | 'unknown'; vector: string; description: string };
  occurred: { from: Date | null; to: Date | null; approximate: boolean };
  detected: { at: Date | null };
  awareness: { at: Date } | null;
  clock: { deadline: Date | null };
  dataCategories: readonly DataCategory[];
  dataLocation: string;
  systems: readonly string[];
  subjects: { groups: readonly string[]; count: Count };
  records: Count;
  consequences: string;
  measuresTaken: string;
  measuresPlanned: string;
  /** Measures that lessen the consequences for the people (Art. 33(3)(d)), one each. */
  mitigations: readonly { what: string }[];
  encryption: { dataEncrypted: boolean | null; stateOfTheArt: boolean | null; keyCompromised: boolean | null };
  controller: {
    name: string;
    contact: string;
    /** We are the processor and notify Datatilsynet on the controller's written instruction (Art. 28(3)(f)); otherwise null. */
    onBehalf?: { instructedBy: string; instructedAt: Date | null; reference: string } | null | undefined;
  };
}

/** The DPO or other contact point named in every notice (Art. 33(3)(b), 34(2)). */
export interface ContactPoint {
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface NoticeOptions {
  phase: Phase;
  /** Art. 33(1): required when the authority notice goes out after the 72 hours. */
  delayReasons?: string | undefined;
  late: boolean;
  organisation: string;
  contact: ContactPoint | null;
  /** Subject and public notices: what people can do to protect themselves. */
  adviceToSubjects?: string | undefined;
  /** A later phase: the first filing with Datatilsynet it follows up. */
  firstFiling?: { sentAt: Date; reference: string } | null | undefined;
  /** A first or partial notice: when the follow-up will be sent. */
  followUpDueAt?: Date | null | undefined;
}

/** The four required elements (Art. 33(3)) plus what a kind needs besides; each is worded in the message catalogue. */
export const ELEMENTS = ['nature', 'contact', 'consequences', 'measures', 'delayReasons', 'advice', 'controller'] as const;
export type Element = (typeof ELEMENTS)[number];

export interface MissingElement {
  element: Element;
  /** The field that would supply it, as the facts form names it. */
  path: MissingPath;
}

/** Which elements a notice of this kind lacks, each with the incident field that would supply it. */
export function missingElements(kind: NoticeKind, incident: NoticeIncident, options: NoticeOptions, lang: Lang = 'nb'): MissingElement[] {
  const missing: MissingElement[] = [];
  const lack = (element: Element, path: MissingPath) => missing.push({ element, path });
  const outward = outwardField(lang);
  if (!incident[outward]?.trim()) lack('nature', outward);
  if (!incident.breachTypes.length) lack('nature', 'breachTypes');
  if (!incident.dataCategories.length) lack('nature', 'dataCategories');
  if (!options.contact || !options.contact.name || !(options.contact.email || options.contact.phone)) lack('contact', 'contactPoint');
  if (!incident.consequences.trim()) lack('consequences', 'consequences');
  if (!hasMeasures(incident)) lack('measures', 'measuresTaken');
  if (kind === 'authority' && options.late && !options.delayReasons?.trim()) lack('delayReasons', 'delayReasons');
  if ((kind === 'subject' || kind === 'public') && !options.adviceToSubjects?.trim()) lack('advice', 'adviceToSubjects');
  if (kind === 'controller' && !incident.controller.name.trim()) lack('controller', 'controller.name');
  return missing;
}

const word = (message: MessageOf<FormatMessageParams>, lang: Lang) => render(FORMAT_MESSAGES, message, lang);

const mitigationsOf = (incident: NoticeIncident) => incident.mitigations.map((m) => m.what.trim()).filter(Boolean);
const hasMeasures = (incident: NoticeIncident) => !!(incident.measuresTaken.trim() || incident.measuresPlanned.trim() || mitigationsOf(incident).length);

/** How to reach the contact point, as the end of a sentence. */
function reach(contact: ContactPoint | null, lang: Lang): string {
  if (!contact) return PENDING[lang];
  return word({ code: 'context.reach', params: { email: contact.email ?? '', phone: contact.phone ?? '' } }, lang);
}

/** The outward description a notice in this language carries: each is written in one language. */
export const outwardField = (lang: Lang): 'outwardDescription' | 'outwardDescriptionEn' => (lang === 'en' ? 'outwardDescriptionEn' : 'outwardDescription');

/** Everything a template may use. Templates see only this, never the stored document. */
export function noticeContext(kind: NoticeKind, lang: Lang, incident: NoticeIncident, options: NoticeOptions, now: Date) {
  const pending = PENDING[lang];
  const known = (text: string | undefined | null) => (text?.trim() ? text : pending);
  const categories = incident.dataCategories.map((c) => CATEGORY_LABELS[c][lang]);
  const occurredKnown = !!incident.occurred.from;
  const { from, to, approximate } = incident.occurred;
  const occurred = from
    ? word({ code: 'context.occurred', params: { from: formatZonedMoment(from, lang), to: to && to.getTime() !== from.getTime() ? formatZonedMoment(to, lang) : '', approximate } }, lang)
    : pending;
  const awareAt = incident.awareness ? formatZonedMoment(incident.awareness.at, lang) : pending;
  const when = word({ code: 'context.when', params: { occurred: occurredKnown ? occurred : '', awareAt } }, lang);
  // Every notice leaves the house: it carries the outward description only, whatever the template asks for.
  const description = incident[outwardField(lang)] ?? '';
  const contact = options.contact ? { ...options.contact, role: word({ code: 'context.contact-role', params: {} }, lang) } : { name: '', role: '', email: '', phone: '' };
  const contactSentence = options.contact ? word({ code: 'context.contact-sentence', params: { name: options.contact.name, reach: reach(options.contact, lang) } }, lang) : '';
  return {
    kind,
    lang,
    phase: options.phase,
    phased: options.phase === 'initial' || options.phase === 'supplementary',
    supplementary: options.phase === 'supplementary' || options.phase === 'final',
    final: options.phase === 'final',
    organisation: options.organisation,
    date: formatZonedMoment(now, lang),
    incident: {
      ref: incident.ref,
      title: incident.title,
      description: known(description),
      outwardDescription: known(description),
      breachTypes: incident.breachTypes.length ? joinList(incident.breachTypes.map((t) => BREACH_TYPE_LABELS[t][lang]), lang) : pending,
      cause: word({ code: 'context.cause', params: { kind: incident.cause.kind, vector: incident.cause.vector.trim(), description: incident.cause.description.trim() } }, lang),
      encryption: word({ code: 'context.encryption', params: incident.encryption }, lang),
      occurred,
      when,
      detectedAt: incident.detected.at ? formatZonedMoment(incident.detected.at, lang) : pending,
      awareAt,
      deadline: formatZonedMoment(incident.clock.deadline, lang),
      dataLocation: incident.dataLocation,
      systems: incident.systems.join(', '),
    },
    nature: {
      categories: categories.length ? joinList(categories, lang) : pending,
      // Groups are written in the case's language; an English notice does not quote them.
      subjectGroups: lang === 'nb' ? joinList(incident.subjects.groups, lang) : '',
      subjects: formatCount(incident.subjects.count, lang),
      records: formatCount(incident.records, lang),
      countsPending: incident.subjects.count.kind === 'unknown' || incident.records.kind === 'unknown',
    },
    contact: { ...contact, reach: reach(options.contact, lang), sentence: contactSentence },
    consequences: known(incident.consequences),
    measuresTaken: incident.measuresTaken,
    measuresPlanned: incident.measuresPlanned,
    mitigations: mitigationsOf(incident),
    /** Whether any measure is written; where none is, a notice says it will follow. */
    measuresKnown: hasMeasures(incident),
    advice: options.adviceToSubjects ?? '',
    late: options.late,
    lateSentence:
      options.late && incident.clock.deadline
        ? word({ code: 'context.late', params: { deadline: incident.clock.deadline, first: !!options.firstFiling && options.phase !== 'complete' && options.phase !== 'initial' } }, lang)
        : '',
    delayReasons: options.delayReasons ?? '',
    followsUp:
      options.firstFiling && (options.phase === 'supplementary' || options.phase === 'final')
        ? word({ code: 'context.follows-up', params: { sentAt: options.firstFiling.sentAt, reference: options.firstFiling.reference } }, lang)
        : '',
    followUpBy: options.followUpDueAt && (options.phase === 'initial' || options.phase === 'supplementary') ? word({ code: 'context.follow-up-by', params: { at: options.followUpDueAt } }, lang) : '',
    pending,
    controller: { name: incident.controller.name, contact: incident.controller.contact },
    /** A notice filed on the controller's behalf: who is responsible for the data, and on whose instruction we notify. Empty otherwise. */
    onBehalf: incident.controller.onBehalf
      ? word({ code: 'context.on-behalf', params: { controller: incident.controller.name, processor: options.organisation, ...incident.controller.onBehalf } }, lang)
      : '',
  };
}

export type NoticeContext = ReturnType<typeof noticeContext>;
