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

/** The next rotation change after a moment, in UTC (overrides aside). */
function nextRotation(rota: Pick<Rota, 'startsAt'>, at: Date): Date {
  const start = DateTime.fromJSDate(rota.startsAt, { zone: ZONE });
  let n = Math.max(0, Math.floor(DateTime.fromJSDate(at, { zone: ZONE }).diff(start, 'weeks').weeks) - 1);
  while (start.plus({ weeks: n }).toJSDate() <= at) n++;
  return start.plus({ weeks: n }).toJSDate();
}

/**
 * The next handover after a moment, in UTC: the first rotation change, override start or override end
 * at which someone else is on call. A rotation change inside an override hands nothing over.
 */
export function nextHandover(rota: Pick<Rota, 'members' | 'startsAt' | 'overrides'>, at: Date): Date {
  const current = onCallAt(rota, at);
  const edges = rota.overrides.flatMap((o) => [o.from.getTime(), o.to.getTime()]);
  let t = at;
  // Each step reaches an override edge or a rotation change; a rota has a few overrides, so this ends soon.
  for (let step = 0; step < 100; step++) {
    const nextEdge = Math.min(...edges.filter((e) => e > t.getTime()));
    const covered = rota.overrides.some((o) => o.from <= t && t < o.to);
    const next = new Date(covered ? nextEdge : Math.min(nextRotation(rota, t).getTime(), nextEdge));
    if (onCallAt(rota, next) !== current) return next;
    t = next;
  }
  return nextRotation(rota, at);
}
