import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One small document per running clock, keyed by incident id. The planner reads these to move
 * milestones into Agenda shortly before they are due; `plannedUntil` says how far that has gone.
 */
export interface ClockPlan {
  _id: string;
  awareAt: Date;
  plannedUntil: Date;
  /** The first milestone after plannedUntil: the planner asks the database only for plans due within its window. */
  nextDueAt: Date;
}

const clockPlanSchema = new Schema<ClockPlan>(
  { _id: String, awareAt: { type: Date, required: true }, plannedUntil: { type: Date, required: true }, nextDueAt: { type: Date, required: true } },
  { versionKey: false },
);

export function clockPlanModel(connection: Connection): Model<ClockPlan> {
  return connection.models.ClockPlan ?? connection.model<ClockPlan>('ClockPlan', clockPlanSchema, 'clock_plans');
}
