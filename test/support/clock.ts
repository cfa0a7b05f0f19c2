import { systemClock, type Clock } from '../../server/lib/clock.js';

/** A clock that moves only when the test says so. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-03-02T09:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Does not wait: time moves only when the test moves it, so a wait for a later moment ends at once. */
  sleepUntil(_at: Date): Promise<void> {
    return Promise.resolve();
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advanceHours(hours: number): void {
    this.current += hours * 3_600_000;
  }

  advanceMs(ms: number): void {
    this.current += ms;
  }
}

/** A clock that follows real time, for tests where Agenda itself fires jobs on the wall clock. */
export class LiveClock extends ManualClock {
  override now(): Date {
    return new Date();
  }

  override sleepUntil(at: Date): Promise<void> {
    return systemClock.sleepUntil(at);
  }
}
