import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One counter shared by every instance on the database: it moves after every write that can change who
 * a signed-in actor is (their user document) or whether a session is open. An instance may reuse an actor
 * it validated while the counter still reads what it read before validating it.
 */
export interface AccessEpochDoc {
  _id: string;
  n: number;
}

const ACTORS = 'actors';

const epochSchema = new Schema<AccessEpochDoc>({ _id: String, n: { type: Number, required: true } }, { versionKey: false });

export function accessEpochModel(connection: Connection): Model<AccessEpochDoc> {
  return connection.models.AccessEpoch ?? connection.model<AccessEpochDoc>('AccessEpoch', epochSchema, 'access_epochs');
}

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** The actors' epoch: read by _id on every authenticated request, bumped right after each write it follows. */
export class AccessEpoch {
  constructor(private readonly epochs: Model<AccessEpochDoc>) {}

  /** The epoch as it is now; 0 before the first bump. */
  async read(): Promise<number> {
    const doc = await this.epochs.findById(ACTORS, { n: 1 }).lean();
    return doc?.n ?? 0;
  }

  /** Moves the epoch on, so every instance validates its actors again at their next request. */
  async bump(): Promise<void> {
    const bump = () => this.epochs.updateOne({ _id: ACTORS }, { $inc: { n: 1 } }, { upsert: true });
    try {
      await bump();
    } catch (err) {
      // Another instance created the document at the same moment; it exists now.
      if (!isDuplicate(err)) throw err;
      await bump();
    }
  }
}
