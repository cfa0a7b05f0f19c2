import { Schema, type Connection, type Model } from 'mongoose';

export interface MilestoneItem {
  incidentId: string;
  milestone: string;
  /** ISO time the milestone falls due. */
  dueAt: string;
}

/**
 * The milestones of one planner batch, read by the batch's Agenda job through its _id. They live here
 * rather than in the job's data because Agenda's lock query reads every job document on the embedded
 * database: small job documents keep each of those reads cheap.
 */
export interface MilestoneBatch {
  _id: string;
  items: MilestoneItem[];
}

const itemSchema = new Schema<MilestoneItem>(
  { incidentId: { type: String, required: true }, milestone: { type: String, required: true }, dueAt: { type: String, required: true } },
  { _id: false },
);
const batchSchema = new Schema<MilestoneBatch>({ _id: String, items: { type: [itemSchema], required: true } }, { versionKey: false });

export function milestoneBatchModel(connection: Connection): Model<MilestoneBatch> {
  return (connection.models.MilestoneBatch as Model<MilestoneBatch> | undefined) ?? connection.model<MilestoneBatch>('MilestoneBatch', batchSchema, 'clock_batches');
}
