import type { presentTimelineEvent } from '../../../../server/domains/incidents/incident.presenter.js';
import { Time } from '../../components/time.js';
import { fieldLabelCode } from './field-labels.js';
import { number, osloTime } from '../../format.js';
import type { LikelyConsequence } from '../../../../server/domains/incidents/incident.vocabulary.js';
import { categoryLabel, consequenceLabel, known, say, t, word, type Code } from '../../words.js';

export type TimelineView = ReturnType<typeof presentTimelineEvent>;

/** The closed list each stored field's values come from, by the field's path. */
const VOCABULARY: Record<string, string> = {
  breachTypes: 'breachType',
  'cause.kind': 'cause',
  unauthorisedAccess: 'access',
  exfiltration: 'exfiltration',
  'recipients.type': 'recipient',
  misuseObserved: 'misuse',
  availabilityImpact: 'availability',
  dataDetail: 'dataDetail',
  'subjects.reachEffort': 'reachEffort',
  'subjects.count.kind': 'countKind',
  'records.kind': 'countKind',
  role: 'roleOfIncident',
  status: 'status',
  'clock.state': 'clockState',
  'clock.stopReason': 'stopReason',
};
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** A changed value as people read it: times in Oslo time, lists joined, nothing as raw data. */
function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('common.notSet');
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number') return number(v);
  if (typeof v === 'string') {
    if (ISO.test(v)) return osloTime(v);
    if (field === 'dataCategories') return categoryLabel(v);
    if (field === 'likelyConsequences') return consequenceLabel(v as LikelyConsequence);
    const prefix = VOCABULARY[field];
    const text = prefix && known(`${prefix}.${v}`) ? say(`${prefix}.${v}` as Code) : v;
    // Long texts are cut at a word, never inside one.
    return text.length > 120 ? `${text.slice(0, text.lastIndexOf(' ', 117))} …` : text;
  }
  // People are kept by id; the timeline says how many, and the facts form names them.
  if (field === 'assignees' && Array.isArray(v)) return t('timeline.people', { n: v.length });
  if (field === 'ownerId') return t('timeline.someone');
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(field, x)).join(', ') : t('common.notSet');
  if (typeof v === 'object') {
    // Ids are for machines: a person is named, never numbered.
    const parts = Object.entries(v as Record<string, unknown>).filter(
      ([k, x]) => k !== 'id' && k !== '_id' && !k.endsWith('Id') && x !== null && x !== '' && !(Array.isArray(x) && !x.length),
    );
    return parts.length ? parts.map(([k, x]) => valueText(`${field}.${k}`, x)).join(', ') : t('common.notSet');
  }
  return t('common.unknownValue');
}

/** The field as the form asks it; a question needs no colon after its question mark. */
const fieldWords = (field: string) => {
  const code = fieldLabelCode(field);
  const label = code ? say(code) : t('field.other');
  return label.endsWith('?') ? `${label} ` : `${label}: `;
};

export function TimelineSection({ events }: { events: TimelineView[] }) {
  return (
    <section class="card" id="timeline">
      <h2>{t('timeline.heading')}</h2>
      <ol class="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id}>
            <Time iso={e.at} /> · {e.actor?.name ?? t('timeline.system')}: {known(`timeline.${e.kind}`) ? word('timeline', e.kind) : e.summary}
            {e.changes.length ? (
              <ul class="changes">
                {e.changes.map((c, i) => (
                  <li key={i}>
                    {fieldWords(c.field)}
                    {valueText(c.field, c.from)} → {valueText(c.field, c.to)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
