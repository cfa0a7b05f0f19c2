import { useEffect, useState } from 'preact/hooks';
import type { ListItemView } from '../../../server/domains/incidents/incident.presenter.js';
import { api } from '../api.js';
import { onLiveChange } from '../alerts.js';
import { WhoMayAct } from '../components/obligations.js';
import { Empty, ErrorBox, Loading, useLoad } from '../components/states.js';
import { Countdown, Time } from '../components/time.js';
import { session } from '../state.js';
import { number } from '../format.js';
import { t, word } from '../words.js';

/** A board item: what a card shows of an incident, with what it owes. */
export type BoardItem = ListItemView;

const dueOf = (i: BoardItem): string | null => i.nextStep?.dueAt ?? null;

type View = 'all' | 'overdue' | 'due24' | 'triage' | 'mine';

function matches(i: BoardItem, q: string, view: View, now: number): boolean {
  if (q && !`${i.ref} ${i.title} ${i.owner?.name ?? ''}`.toLowerCase().includes(q.toLowerCase())) return false;
  const due = dueOf(i);
  const left = due ? new Date(due).getTime() - now : null;
  if (view === 'overdue') return left !== null && left < 0;
  if (view === 'due24') return left !== null && left < 24 * 3_600_000;
  if (view === 'triage') return i.status === 'triage';
  if (view === 'mine') return i.owner?.id === session.me?.id;
  return true;
}

function Card({ i }: { i: BoardItem }) {
  const stopped = i.clock.state === 'stopped';
  const due = dueOf(i);
  return (
    <a class="card incident" href={`#/incidents/${i.id}`} data-testid="board-item">
      <div class="muted">
        {i.ref} · {word('status', i.status)}
        {i.role === 'processor' ? ` · ${t('role.processorIncident')}` : ''}
        {i.restricted ? ` · ${t('incident.restricted')}` : ''}
      </div>
      <div>
        <strong>{i.title}</strong>
      </div>
      {i.nextStep ? (
        <div class="owed">
          {t('board.owes')}: {word('obligation', i.nextStep.kind)}
          <WhoMayAct o={i.nextStep} />
          {i.nextStep.dueAt ? null : <div class="muted">{t('obligation.noTime')}</div>}
        </div>
      ) : null}
      {due ? (
        <Countdown dueAt={due} />
      ) : stopped ? null : (
        <span class="countdown" data-testid="countdown">
          {t('board.noDeadline')}
        </span>
      )}
      {stopped ? (
        <div class="muted">
          {t('clock.title')}: {t('clock.stoppedBecause', { reason: word('stopReason', i.clock.stopReason) })}
        </div>
      ) : null}
      {due ? (
        <div class="muted">
          {t('board.due')}: <Time iso={due} deadline />
        </div>
      ) : null}
      {i.clock.state === 'running' && i.deadline && i.deadline !== due ? (
        <div class="muted">
          {t('board.deadline72')}: <Time iso={i.deadline} deadline />
        </div>
      ) : null}
      {i.obligations && i.obligations.length > 1 ? <div class="muted">{t('board.moreOwed', { n: i.obligations.length - 1 })}</div> : null}
      <div class="muted">
        {t('incident.owner')}: {i.owner?.name ?? t('common.nobody')}
      </div>
    </a>
  );
}

export function BoardScreen() {
  const [q, setQ] = useState('');
  const [view, setView] = useState<View>('all');
  // The server's board: incidents that owe anything, the nearest due time first (none last).
  const { data, error, reload } = useLoad(async () => (await api<{ items: BoardItem[] }>('GET', '/incidents?view=board&limit=500')).items, []);
  useEffect(() => {
    let timer: number | undefined;
    const off = onLiveChange((e) => {
      if (e.kind !== 'incident') return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void reload(), 400);
    });
    return () => {
      off();
      window.clearTimeout(timer);
    };
  }, [reload]);
  const now = Date.now();
  const shown = data?.filter((i) => matches(i, q, view, now)) ?? [];
  return (
    <>
      <h1>{t('board.title')}</h1>
      <div class="row filters" role="search">
        <div class="field">
          <label for="board-q">{t('board.search')}</label>
          <input id="board-q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="board-view">{t('board.filter')}</label>
          <select id="board-view" value={view} onChange={(e) => setView((e.target as HTMLSelectElement).value as View)}>
            {(['all', 'overdue', 'due24', 'triage', 'mine'] as const).map((v) => (
              <option key={v} value={v}>
                {word('boardView', v)}
              </option>
            ))}
          </select>
        </div>
        {data ? (
          <p class="muted" role="status">
            {t('board.showing', { shown: number(shown.length), total: number(data.length) })}
          </p>
        ) : null}
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <div class="board" data-testid="board">
          {shown.map((i) => (
            <Card key={i.id} i={i} />
          ))}
        </div>
      ) : null}
      {data && !shown.length ? <Empty testid="board-empty">{data.length ? t('board.noneMatch') : t('board.nothingOwed')}</Empty> : null}
    </>
  );
}
