import { useEffect, useRef } from 'preact/hooks';
import { countdown, osloTime, sincePassed, utcTime } from '../format.js';
import { onTick } from '../state.js';
import { t } from '../words.js';

/** A moment in Oslo time; for a deadline, UTC stated beside it. */
export function Time({ iso, deadline = false }: { iso: string | null | undefined; deadline?: boolean }) {
  if (!iso) return <span>{t('common.notSet')}</span>;
  return (
    <time dateTime={iso} title={utcTime(iso)}>
      {osloTime(iso)}
      {deadline ? <span class="utc"> ({utcTime(iso)})</span> : null}
    </time>
  );
}

const H = 3_600_000;
/** How close a due time is, for colour: it is never the only sign (the text says it too). */
export function band(msLeft: number): string {
  return msLeft < 0 ? 'overdue' : msLeft < 12 * H ? 'urgent' : msLeft < 24 * H ? 'warn' : 'calm';
}

/**
 * Time left to a due time, ticking each second. The text is written straight into the element from the
 * shared timer, so a board of hundreds of countdowns costs one text write each per second.
 */
export function Countdown({ dueAt, stopped, onChange }: { dueAt: string; stopped?: string | undefined; onChange?: (text: string) => void }) {
  const el = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (stopped) return;
    const due = new Date(dueAt).getTime();
    const write = (now: number) => {
      const left = due - now;
      // Once it has passed there is no time left to count: the text says how long ago it passed.
      const text = left < 0 ? t('clock.passedAgo', sincePassed(left)) : countdown(left);
      const node = el.current;
      if (!node) return;
      if (node.textContent !== text) node.textContent = text;
      const cls = `countdown ${band(left)}`;
      // A class change costs a style recalculation: only when the colour band changes.
      if (node.className !== cls) node.className = cls;
      onChange?.(text);
    };
    write(Date.now());
    return onTick(write);
  }, [dueAt, stopped]);
  if (stopped)
    return (
      <span key="stopped" class="countdown stopped" data-testid="countdown">
        {stopped}
      </span>
    );
  // Keyed apart from the stopped one: its text is written by the timer, outside what Preact renders.
  return <span key="running" ref={el} class="countdown" data-testid="countdown" role="timer" aria-live="off" />;
}

/** Says in words whether time is left or the due time has passed. */
export function TimeLeftWords({ dueAt, now }: { dueAt: string; now: number }) {
  const left = new Date(dueAt).getTime() - now;
  return <span class="muted">{left < 0 ? t('clock.passed') : t('clock.left')}</span>;
}
