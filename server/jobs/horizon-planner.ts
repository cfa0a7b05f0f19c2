import { z } from 'zod';
import { jobDone, jobSkipped, type Scheduler } from './scheduler.js';

export const PLANNER_JOB = 'jobs.plan-horizon';

interface PlannerStep {
  name: string;
  run: () => Promise<number>;
}

/**
 * The recurring job that keeps Agenda's collection to what is due soon: each step moves work due
 * within the horizon into Agenda (milestones, deferred escalations), re-sends what an instance
 * left half-done, or clears what has been kept long enough (devices gone for good). Agenda runs it
 * on one instance at a time.
 */
export class HorizonPlanner {
  private readonly steps: PlannerStep[] = [];

  constructor(private readonly scheduler: Scheduler, private readonly everyMs: number) {}

  step(name: string, run: () => Promise<number>): void {
    this.steps.push({ name, run });
  }

  defineJob(): void {
    this.scheduler.define({ name: PLANNER_JOB, data: z.object({}).passthrough(), handle: async () => {
      const counts = await this.run();
      return Object.values(counts).some((n) => n > 0) ? jobDone() : jobSkipped('nothing new within the horizon');
    } });
  }

  async start(): Promise<void> {
    await this.scheduler.agenda.every(this.everyMs, PLANNER_JOB, {}, { skipImmediate: false });
  }

  /** Runs every step once, in order; returns what each did. */
  async run(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const step of this.steps) counts[step.name] = await step.run();
    return counts;
  }
}
