import type { ObligationView } from '../../../server/domains/obligations/obligation.view.js';
import { listOf } from '../format.js';
import { hasRole } from '../state.js';
import { t, word } from '../words.js';
import { focusField } from './states.js';
import { Time } from './time.js';

/** Where on the incident page each obligation is met. */
const SECTION: Record<ObligationView['kind'], string> = {
  'declare-awareness': 'awareness',
  assess: 'assessment',
  decide: 'decision',
  'review-decision': 'decision',
  'inform-controller': 'controller',
  'notify-authority': 'notices',
  'notify-subjects': 'notices',
  'record-exemption': 'decision',
  'publish-public': 'notices',
  'follow-up-phased': 'notices',
  close: 'state',
};

/** Who may act, in words: the named people, and the roles that may act besides them. */
export function whoMayAct(o: ObligationView): string {
  const roles = listOf(
    o.actorRoles.map((r) => word('role', r).toLocaleLowerCase()),
    'disjunction',
  );
  const names = listOf(
    o.actors.map((a) => a.name),
    'conjunction',
  );
  return names ? t('obligation.whoNamed', { names, roles }) : t('obligation.whoRoles', { roles });
}

/**
 * Who may act, for a card on the board: the named people, then the roles besides them; on a phone's narrow
 * card the roles give way to "and others" (the incident page says them in full). Roles alone when nobody is named.
 */
export function WhoMayAct({ o }: { o: ObligationView }) {
  const names = listOf(
    o.actors.map((a) => a.name),
    'conjunction',
  );
  if (!names) return <div class="muted">{whoMayAct(o)}</div>;
  const roles = listOf(
    o.actorRoles.map((r) => word('role', r).toLocaleLowerCase()),
    'disjunction',
  );
  return (
    <div class="muted who-may-act" data-testid="who-may-act">
      {t('obligation.whoNamedShort', { names })}
      <span class="who-roles">{` ${t('obligation.whoAlsoRoles', { roles })}`}</span>
      <span class="who-others">{` ${t('obligation.whoOthers')}`}</span>
    </div>
  );
}

export function Due({ o }: { o: ObligationView }) {
  if (!o.dueAt) return <span>{t('obligation.noTime')}</span>;
  return (
    <span class={o.overdue ? 'overdue-text' : ''}>
      {o.overdue ? t('obligation.wasDue') : t('obligation.due')} <Time iso={o.dueAt} deadline />
    </span>
  );
}

export function ActButton({ o }: { o: ObligationView }) {
  if (!hasRole(o.actorRoles)) return null;
  const go = () => {
    const section = document.getElementById(SECTION[o.kind]);
    if (!section) return;
    for (let d = section.closest('details') ?? section.querySelector('details'); d; d = null) d.open = true;
    const target = section.querySelector<HTMLElement>('input, select, textarea, button');
    if (target?.id) focusField(target.id);
    else {
      section.scrollIntoView({ block: 'start' });
      target?.focus();
    }
  };
  return (
    <button type="button" class="secondary small" onClick={go}>
      {word('obligationAction', o.kind)}
    </button>
  );
}

/** The incident's open obligations, most urgent first: what, by when, who may act, and the way to act. */
export function ObligationList({ obligations }: { obligations: ObligationView[] }) {
  if (!obligations.length) return <p class="muted">{t('obligation.none')}</p>;
  return (
    <ol class="obligations" data-testid="obligations">
      {obligations.map((o) => (
        <li key={o.kind} class={o.overdue ? 'overdue' : ''}>
          <div>
            <strong>{word('obligation', o.kind)}</strong>
            <div class="muted">
              <Due o={o} />
            </div>
            <div class="muted">{whoMayAct(o)}</div>
          </div>
          <ActButton o={o} />
        </li>
      ))}
    </ol>
  );
}

/** The most urgent obligation, naming who can act on it. */
export function NextStep({ next }: { next: ObligationView | null }) {
  return (
    <div class="next" role="status" data-testid="next-action">
      <strong>{t('incident.nextStep')}: </strong>
      {next ? (
        <>
          {word('obligation', next.kind)} · <Due o={next} /> · {whoMayAct(next)} <ActButton o={next} />
        </>
      ) : (
        t('obligation.none')
      )}
    </div>
  );
}
