import type { presentAlert } from '../../../../server/domains/alerts/alert.presenter.js';
import { Empty } from '../../components/states.js';
import { Time } from '../../components/time.js';
import { milestoneWords, t, word } from '../../words.js';

export type AlertView = ReturnType<typeof presentAlert>;

/** The alerts this incident has raised: which step of the clock, when, and who acknowledged. */
export function AlertsSection({ alerts }: { alerts: AlertView[] }) {
  return (
    <section class="card" id="alerts">
      <h2>{t('incidentAlerts.heading')}</h2>
      {alerts.length ? (
        <ul>
          {alerts.map((a) => (
            <li key={a.id}>
              {a.kind === 'overdue' ? t('alert.overdue') : milestoneWords(a.milestone)} · <Time iso={a.firedAt} />
              {a.late ? ` · ${t('alert.late')}` : ''}
              {' · '}
              {a.acknowledgedAt ? (
                <>
                  {t('alert.acknowledgedBy', { name: a.acknowledgedBy?.name ?? '' })} <Time iso={a.acknowledgedAt} />
                </>
              ) : a.resolvedAt ? (
                <>
                  {t('alert.resolved', { why: word('alertResolved', a.resolvedReason) })} <Time iso={a.resolvedAt} />
                </>
              ) : (
                t('alert.notAcknowledged')
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t('incidentAlerts.none')}</Empty>
      )}
    </section>
  );
}
