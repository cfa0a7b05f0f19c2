/** The source of "now" for every rule that depends on time; injected so tests control it. */
export interface Clock {
  now(): Date;
  /** Resolves once the clock reads `at` or later. */
  sleepUntil(at: Date): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleepUntil: (at) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()))),
};

export const HOUR_MS = 3_600_000;

/** Adds elapsed hours (not calendar hours): the result is the same instant in every time zone, DST or not. */
export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}
