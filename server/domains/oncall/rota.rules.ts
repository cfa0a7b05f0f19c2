import { DateTime } from 'luxon';
import type { Rota } from './rota.model.js';

const ZONE = 'Europe/Oslo';

/**
 * Who is on call at a moment: an override covering it wins; otherwise the member whose week it is,
 * counting handovers at the same Oslo wall-clock time each week (so a DST change does not shift them).
 */
export function onCallAt(rota: Pick<Rota, 'members' | 'startsAt' | 'overrides'>, at: Date): string | null {
  const override = rota.overrides.find((o) => o.from <= at && at < o.to);
  if (override) return override.userId;
  if (!rota.members.length || at < rota.startsAt) return null;
  const start = DateTime.fromJSDate(rota.startsAt, { zone: ZONE });
  const now = DateTime.fromJSDate(at, { zone: ZONE });
  let weeks = Math.floor(now.diff(start, 'weeks').weeks);
  // Calendar arithmetic in the zone: step back if the wall-clock handover of that week is still ahead.
  while (weeks > 0 && start.plus({ weeks }) > now) weeks--;
  while (start.plus({ weeks: weeks + 1 }) <= now) weeks++;
  return rota.members[weeks % rota.members.length] ?? null;
}

/** The next handover after a moment, in UTC. */
export function nextHandover(rota: Pick<Rota, 'startsAt'>, at: Date): Date {
  const start = DateTime.fromJSDate(rota.startsAt, { zone: ZONE });
  let n = 0;
  while (start.plus({ weeks: n }).toJSDate() <= at) n++;
  return start.plus({ weeks: n }).toJSDate();
}
