/** The source of "now" for every rule that depends on time; injected so tests control it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const HOUR_MS = 3_600_000;

/** Adds elapsed hours (not calendar hours): the result is the same instant in every time zone, DST or not. */
export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}
