import type { Incident } from '../incidents/incident.model.js';
import type { Submission } from '../incidents/submission.model.js';
import type { DecisionRecord } from '../assessment/assessment.model.js';
import type { Notice } from './notice.model.js';
import { formatCount, formatZonedMoment } from '../../../notifications/format.js';
import { CATEGORY_LABELS } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import type { AltinnField, AltinnSection, NotToldBecause } from '../../../notifications/messages/altinn.messages.js';
import { FORMAT_MESSAGES } from '../../../notifications/messages/format.messages.js';

/** Datatilsynet's Altinn form is in Norwegian: its answers are too, whatever the screen's language. */
const LANG = 'nb' as const;

export interface AltinnInputs {
  notice: Notice;
  contact: { name: string; email: string; phone: string };
  /** How the people (or the public) were told, if they were. */
  told: { at: Date; channel: string; audience: string; kind: string } | null;
  /** The decision in force, for what is planned about telling the people. */
  decision: Pick<DecisionRecord, 'notifySubjects' | 'exemption'> | null;
  /** The first filing in the case, named by a later phase. */
  first: Pick<Submission, 'sentAt' | 'reference'> | null;
}

/** Why the people were not told (yet), as the decision in force has it. */
function notToldBecause(decision: AltinnInputs['decision']): NotToldBecause {
  if (!decision) return 'undecided';
  if (decision.exemption) return decision.exemption;
  return decision.notifySubjects ? 'will-notify' : 'not-high-risk';
}

/**
 * The authority notice mapped field by field onto Datatilsynet's Altinn form "Meld avvik", in the
 * form's own sections, so a person can copy each answer across.
 */
export function altinnMapping({ notice, contact, told, decision, first }: AltinnInputs) {
  const incident = notice.facts as unknown as Incident;
  const at = (d: unknown) => formatZonedMoment(d ? new Date(d as string) : null, LANG);
  const notYet = say({ code: 'altinn.not-known-yet', params: {} }, LANG);
  const section = (s: AltinnSection, fields: [AltinnField, string][]) => ({
    section: say({ code: 'altinn.section', params: { section: s } }, LANG),
    fields: fields.map(([field, answer]) => ({ field: say({ code: 'altinn.field', params: { field } }, LANG), answer })),
  });
  const cause = FORMAT_MESSAGES['context.cause'][LANG]({
    kind: incident.cause?.kind ?? 'unknown', vector: incident.cause?.vector?.trim() ?? '', description: incident.cause?.description?.trim() ?? '',
  });
  const encryption = incident.encryption ?? { dataEncrypted: null, stateOfTheArt: null, keyCompromised: null };
  const phased = notice.phase === 'initial' || notice.phase === 'supplementary';
  const later = notice.phase === 'supplementary' || notice.phase === 'final';
  return [
    section('description', [
      ['what', incident.outwardDescription ?? ''],
      ['cause', cause || notYet],
      ['period', incident.occurred?.from ? `${at(incident.occurred.from)} – ${at(incident.occurred.to)}` : notYet],
      ['detected', at(incident.detected?.at)],
      ['aware', at(incident.awareness?.at)],
      ['subjects', formatCount(incident.subjects.count, LANG)],
      ['records', formatCount(incident.records, LANG)],
      ['categories', incident.dataCategories.map((c) => CATEGORY_LABELS[c][LANG]).join(', ')],
      ['encryption', FORMAT_MESSAGES['context.encryption'][LANG](encryption)],
      ['relation', incident.subjects.groups.join(', ')],
      ['location', incident.dataLocation || notYet],
    ]),
    section('consequences', [['consequences', incident.consequences]]),
    section('measures', [
      ['taken', incident.measuresTaken],
      ['mitigations', (incident.mitigations ?? []).map((m) => `- ${m.what}`).join('\n')],
      ['planned', incident.measuresPlanned],
    ]),
    section('information', [[
      'informed',
      told
        ? say({ code: 'altinn.told', params: { at: at(told.at), public: told.kind === 'public', channel: told.channel, audience: told.audience } }, LANG)
        : say({ code: 'altinn.not-told', params: { because: notToldBecause(decision) } }, LANG),
    ]]),
    section('contact', [
      ['contact', contact.name],
      ['email', contact.email],
      ['phone', contact.phone || say({ code: 'altinn.phone-missing', params: {} }, LANG)],
    ]),
    ...(notice.delayReasons ? [section('delay', [['delay', notice.delayReasons]])] : []),
    ...(phased || later
      ? [section('phased', [
          ...(phased ? [['phased', say({ code: 'altinn.yes', params: {} }, LANG)] as [AltinnField, string]] : []),
          ...(later && first ? [['previous', say({ code: 'altinn.previous', params: { at: at(first.sentAt), reference: first.reference } }, LANG)] as [AltinnField, string]] : []),
        ])]
      : []),
  ];
}
