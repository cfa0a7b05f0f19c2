import { PLANNER_JOB } from '../../server/jobs/horizon-planner.js';
import { JOBS_COLLECTION, type JobOutcome } from '../../server/jobs/scheduler.js';
import type { TestService } from './service.js';

export interface DrainedJob {
  name: string;
  data: Record<string, unknown>;
  outcome: JobOutcome;
}

/**
 * Runs every persisted job due by the service's manual clock, in due order, as Agenda would, until
 * none is due (handlers may schedule more). Each job document is removed before it runs, as a
 * one-shot job is on completion, so a handler that schedules the same unique job again is kept.
 */
export async function drainDueJobs(svc: TestService, maxJobs = 1_000): Promise<DrainedJob[]> {
  const jobs = svc.connection.db!.collection(JOBS_COLLECTION);
  const ran: DrainedJob[] = [];
  while (ran.length < maxJobs) {
    // The recurring planner runs on the wall clock; here it runs before every step, by the manual clock.
    await svc.container.planner.run();
    const [job] = await jobs.find({ name: { $ne: PLANNER_JOB }, nextRunAt: { $lte: svc.clock.now() } }).sort({ nextRunAt: 1, _id: 1 }).limit(1).toArray();
    if (!job) return ran;
    await jobs.deleteOne({ _id: job._id });
    const data = job.data as Record<string, unknown>;
    ran.push({ name: job.name as string, data, outcome: await svc.container.scheduler.run(job.name as string, data) });
  }
  throw new Error(`more than ${maxJobs} jobs due: a handler keeps scheduling itself`);
}

interface JobData {
  incidentId?: string;
  milestone?: string;
  batchId?: string;
}

/** The pending jobs of an incident, soonest first; a planner batch counts when it holds one of the incident's milestones. */
export async function pendingJobs(svc: TestService, incidentId: string) {
  const db = svc.connection.db!;
  const list = await db.collection(JOBS_COLLECTION).find({ $or: [{ 'data.incidentId': incidentId }, { 'data.batchId': { $exists: true } }] }).sort({ nextRunAt: 1 }).toArray();
  const pending = [];
  for (const job of list) {
    const data = job.data as JobData;
    let milestone = data.milestone;
    if (data.batchId) {
      const batch = await db.collection<{ _id: string; items: { incidentId: string; milestone: string }[] }>('clock_batches').findOne({ _id: data.batchId });
      milestone = batch?.items.find((i) => i.incidentId === incidentId)?.milestone;
      if (!milestone) continue;
    }
    pending.push({ name: job.name as string, milestone, runAt: (job.nextRunAt as Date).toISOString() });
  }
  return pending;
}
