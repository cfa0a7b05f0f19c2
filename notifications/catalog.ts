import { BREACH_TYPE_LABELS, CATEGORY_LABELS, type BreachType, type DataCategory, type Lang } from './labels.js';
import { formatCount, formatMoment, joinList, type Count } from './format.js';

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
  breachTypes: readonly BreachType[];
  cause: { vector: string; description: string };
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
  controller: { name: string; contact: string };
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
}

/** The four required elements (Art. 33(3)) plus what a kind needs besides. */
export const ELEMENTS = {
  nature: 'the nature of the breach, with categories and approximate numbers of people and records',
  contact: 'the name and contact details of the DPO or other contact point',
  consequences: 'the likely consequences',
  measures: 'the measures taken or proposed, including to mitigate the effects',
  delayReasons: 'the reasons for the delay (the notice is later than 72 hours after awareness)',
  advice: 'what people can do to protect themselves',
  controller: 'the controller to inform',
} as const;
export type Element = keyof typeof ELEMENTS;

export interface MissingElement {
  element: Element;
  path: string;
  message: string;
}

/** Which elements a notice of this kind lacks, each with the incident field that would supply it. */
export function missingElements(kind: NoticeKind, incident: NoticeIncident, options: NoticeOptions): MissingElement[] {
  const missing: MissingElement[] = [];
  const lack = (element: Element, path: string) => missing.push({ element, path, message: `missing ${ELEMENTS[element]}` });
  if (!incident.description.trim()) lack('nature', 'description');
  if (!incident.breachTypes.length) lack('nature', 'breachTypes');
  if (!incident.dataCategories.length) lack('nature', 'dataCategories');
  if (!options.contact || !options.contact.name || !(options.contact.email || options.contact.phone)) lack('contact', 'contactPoint');
  if (!incident.consequences.trim()) lack('consequences', 'consequences');
  if (!incident.measuresTaken.trim() && !incident.measuresPlanned.trim()) lack('measures', 'measuresTaken');
  if (kind === 'authority' && options.late && !options.delayReasons?.trim()) lack('delayReasons', 'delayReasons');
  if ((kind === 'subject' || kind === 'public') && !options.adviceToSubjects?.trim()) lack('advice', 'adviceToSubjects');
  if (kind === 'controller' && !incident.controller.name.trim()) lack('controller', 'controller.name');
  return missing;
}

/** Everything a template may use. Templates see only this, never the stored document. */
export function noticeContext(kind: NoticeKind, lang: Lang, incident: NoticeIncident, options: NoticeOptions, now: Date) {
  const categories = incident.dataCategories.map((c) => CATEGORY_LABELS[c][lang]);
  const occurred = incident.occurred.from
    ? `${formatMoment(incident.occurred.from, lang)}${incident.occurred.to ? ` – ${formatMoment(incident.occurred.to, lang)}` : ''}${incident.occurred.approximate ? (lang === 'nb' ? ' (omtrentlig)' : ' (approximate)') : ''}`
    : lang === 'nb' ? 'ikke kjent ennå' : 'not yet known';
  return {
    kind,
    lang,
    phase: options.phase,
    phased: options.phase === 'initial' || options.phase === 'supplementary',
    supplementary: options.phase === 'supplementary' || options.phase === 'final',
    final: options.phase === 'final',
    organisation: options.organisation,
    date: formatMoment(now, lang),
    incident: {
      ref: incident.ref,
      title: incident.title,
      description: incident.description,
      breachTypes: joinList(incident.breachTypes.map((t) => BREACH_TYPE_LABELS[t][lang]), lang),
      cause: incident.cause.description || incident.cause.vector,
      occurred,
      detectedAt: formatMoment(incident.detected.at, lang),
      awareAt: formatMoment(incident.awareness?.at, lang),
      deadline: formatMoment(incident.clock.deadline, lang),
      dataLocation: incident.dataLocation,
      systems: incident.systems.join(', '),
    },
    nature: {
      categories: joinList(categories, lang),
      subjectGroups: joinList(incident.subjects.groups, lang),
      subjects: formatCount(incident.subjects.count, lang),
      records: formatCount(incident.records, lang),
      countsPending: incident.subjects.count.kind === 'unknown' || incident.records.kind === 'unknown',
    },
    contact: options.contact ?? { name: '', role: '', email: '', phone: '' },
    consequences: incident.consequences,
    measuresTaken: incident.measuresTaken,
    measuresPlanned: incident.measuresPlanned,
    advice: options.adviceToSubjects ?? '',
    late: options.late,
    delayReasons: options.delayReasons ?? '',
    controller: { name: incident.controller.name, contact: incident.controller.contact },
  };
}

export type NoticeContext = ReturnType<typeof noticeContext>;
