import { DateTime } from 'luxon';
import { addHours, HOUR_MS } from '../../lib/clock.js';
import { norwegianHoliday } from './norwegian-holidays.js';

export const DEADLINE_HOURS = 72;
export const DISPLAY_ZONE = 'Europe/Oslo';
/** A milestone alert delivered more than this after its due time is marked late. */
export const LATE_AFTER_MS = 60_000;

export interface ClockSettings {
  milestoneHours: readonly number[];
  overdueRepeatHours: number;
}

export interface Milestone {
  /** Stable key: "h24", "h48", …, "deadline", "overdue-1", "overdue-2", … */
  key: string;
  hours: number;
  dueAt: Date;
}

/** Art. 33(1): awareness + 72 elapsed hours. No weekend or holiday rule; DST does not change elapsed time. */
export function deadlineOf(awareAt: Date): Date {
  return addHours(awareAt, DEADLINE_HOURS);
}

export function milestoneKey(hours: number, settings: ClockSettings): string {
  if (hours < DEADLINE_HOURS) return `h${hours}`;
  if (hours === DEADLINE_HOURS) return 'deadline';
  return `overdue-${Math.round((hours - DEADLINE_HOURS) / settings.overdueRepeatHours)}`;
}

/** The milestones up to and including the deadline. */
export function milestonesUntilDeadline(awareAt: Date, settings: ClockSettings): Milestone[] {
  return [...settings.milestoneHours, DEADLINE_HOURS].map((hours) => ({
    key: milestoneKey(hours, settings),
    hours,
    dueAt: addHours(awareAt, hours),
  }));
}

/** The nth overdue reminder (n ≥ 1), every overdueRepeatHours after the deadline. */
export function overdueMilestone(awareAt: Date, n: number, settings: ClockSettings): Milestone {
  const hours = DEADLINE_HOURS + n * settings.overdueRepeatHours;
  return { key: `overdue-${n}`, hours, dueAt: addHours(awareAt, hours) };
}

/** Parses a milestone key back to its hours. */
export function hoursOfKey(key: string, settings: ClockSettings): number | undefined {
  if (key === 'deadline') return DEADLINE_HOURS;
  const h = /^h(\d+(?:\.\d+)?)$/.exec(key);
  if (h) return Number(h[1]);
  const o = /^overdue-(\d+)$/.exec(key);
  if (o) return DEADLINE_HOURS + Number(o[1]) * settings.overdueRepeatHours;
  return undefined;
}

/**
 * The latest milestone due at `now` (counting overdue reminders), or undefined before the first.
 * Missed milestones collapse into this one.
 */
export function latestDueMilestone(awareAt: Date, now: Date, settings: ClockSettings): Milestone | undefined {
  const elapsedHours = (now.getTime() - awareAt.getTime()) / HOUR_MS;
  if (elapsedHours >= DEADLINE_HOURS) {
    const n = Math.floor((elapsedHours - DEADLINE_HOURS) / settings.overdueRepeatHours);
    return n === 0 ? milestonesUntilDeadline(awareAt, settings).at(-1) : overdueMilestone(awareAt, n, settings);
  }
  return milestonesUntilDeadline(awareAt, settings).filter((m) => m.dueAt <= now).at(-1);
}

/** The first milestone due after `now`. */
export function nextMilestone(awareAt: Date, now: Date, settings: ClockSettings): Milestone {
  const upcoming = milestonesUntilDeadline(awareAt, settings).find((m) => m.dueAt > now);
  if (upcoming) return upcoming;
  const elapsedHours = (now.getTime() - awareAt.getTime()) / HOUR_MS;
  const n = Math.floor((elapsedHours - DEADLINE_HOURS) / settings.overdueRepeatHours) + 1;
  return overdueMilestone(awareAt, n, settings);
}

export interface MomentView {
  utc: string;
  /** ISO 8601 with the Oslo offset, e.g. 2026-03-30T10:30:00.000+02:00. */
  oslo: string;
  /** e.g. "mandag 30. mars 2026 kl. 10:30 (CEST)". */
  osloText: { nb: string; en: string };
  weekday: { nb: string; en: string };
  atNight: boolean;
  weekend: boolean;
  holiday: { nb: string; en: string } | null;
}

/** How a moment reads in Norway: Oslo time with its offset, and whether it falls at night, on a weekend or a public holiday. */
export function presentMoment(at: Date): MomentView {
  const key = at.getTime();
  const known = presentedMoments.get(key);
  if (known) return known;
  if (presentedMoments.size >= PRESENTED_MOMENTS_KEPT) presentedMoments.clear();
  const view = formatMoment(at);
  presentedMoments.set(key, view);
  return view;
}

/**
 * Formatting a moment in Oslo time in two languages costs about a millisecond (time zone and locale
 * formatting), and a board of 50 incidents formats their deadlines at every request; a deadline is
 * formatted once per process.
 */
const presentedMoments = new Map<number, MomentView>();
const PRESENTED_MOMENTS_KEPT = 20_000;

function formatMoment(at: Date): MomentView {
  const oslo = DateTime.fromJSDate(at, { zone: DISPLAY_ZONE });
  const holiday = norwegianHoliday(oslo.year, oslo.month, oslo.day) ?? null;
  return {
    utc: at.toISOString(),
    oslo: oslo.toISO({ includeOffset: true }) ?? at.toISOString(),
    osloText: {
      nb: `${oslo.setLocale('nb').toFormat("cccc d. LLLL yyyy 'kl.' HH:mm")} (${oslo.offsetNameShort})`,
      en: `${oslo.setLocale('en-GB').toFormat("cccc d LLLL yyyy, HH:mm")} (${oslo.offsetNameShort})`,
    },
    weekday: { nb: oslo.setLocale('nb').toFormat('cccc'), en: oslo.setLocale('en-GB').toFormat('cccc') },
    atNight: oslo.hour >= 22 || oslo.hour < 7,
    weekend: oslo.weekday >= 6,
    holiday,
  };
}
