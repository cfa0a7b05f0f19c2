import type { presentTimelineEvent } from '../../../../server/domains/incidents/incident.presenter.js';
import { Time } from '../../components/time.js';
import { t } from '../../words.js';

export type TimelineView = ReturnType<typeof presentTimelineEvent>;

/** The timeline as the server words it in the reader's language: each entry's summary, and a line for each change. */
export function TimelineSection({ events }: { events: TimelineView[] }) {
  return (
    <section class="card" id="timeline">
      <h2>{t('timeline.heading')}</h2>
      <ol class="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id}>
            <Time iso={e.at} /> · {e.actor?.name ?? t('timeline.system')}: {e.summary}
            {e.changes.length ? (
              <ul class="changes">
                {e.changes.map((c, i) => (
                  <li key={i}>{c.text}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
