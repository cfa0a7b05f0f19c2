import type { Model } from 'mongoose';
import { op } from '../../db/trusted.js';
import type { Clock } from '../../lib/clock.js';
import type { LoginThrottle } from './auth.model.js';

export interface ThrottlePolicy {
  windowMs: number;
  /** Sign-in attempts one address may make per window. */
  perAddress: number;
  /** Failed password checks in a row that lock an account. */
  lockAfterFailures: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { windowMs: 15 * 60_000, perAddress: 30, lockAfterFailures: 5, lockMs: 15 * 60_000 };

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

export interface LoginThrottleServiceDeps {
  throttles: Model<LoginThrottle>;
  clock: Clock;
  policy?: ThrottlePolicy;
}

/**
 * Sign-in rate limits kept in the database, so every instance counts the same attempts. Unknown
 * e-mails are counted and locked like real ones, so the answers never tell which addresses exist.
 *
 * A password check takes a slot from its account before it runs (the limit is in the update's filter)
 * and counts as a failure until it proves right; so however many checks run at once, no more than
 * `lockAfterFailures` wrong ones get through before the lock.
 */
export class LoginThrottleService {
  private readonly policy: ThrottlePolicy;

  constructor(private readonly deps: LoginThrottleServiceDeps) {
    this.policy = deps.policy ?? DEFAULT_THROTTLE;
  }

  /** Counts an attempt from the address; false when the address has made too many in the window. */
  async admitAddress(address: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const id = `address:${address}`;
    await this.ensure(id, now);
    await this.deps.throttles.updateOne({ _id: id, windowStart: op({ $lt: new Date(now.getTime() - this.policy.windowMs) }) }, { $set: { windowStart: now, attempts: 0 } });
    const record = await this.deps.throttles.findOneAndUpdate({ _id: id }, { $inc: { attempts: 1 } }, { returnDocument: 'after' }).lean();
    return !!record && record.attempts <= this.policy.perAddress;
  }

  /** Takes a slot for one password check of the account; false when it is locked. */
  async claimCheck(accountKey: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const id = `account:${accountKey}`;
    await this.ensure(id, now);
    // Only before the first check after expiry can this match: every check moves the expiry ahead. A record
    // from before expiry dates were kept has none, and starts afresh too.
    await this.deps.throttles.updateOne(
      op({ _id: id, $or: [{ failuresExpireAt: op({ $lte: now }) }, { failuresExpireAt: op({ $exists: false }) }] }),
      { $set: { failures: 0 } },
    );
    const claimed = await this.deps.throttles.findOneAndUpdate(
      { _id: id, failures: op({ $lt: this.policy.lockAfterFailures }) },
      { $inc: { failures: 1 }, $set: { failuresExpireAt: new Date(now.getTime() + this.policy.lockMs) } },
      { returnDocument: 'after' },
    );
    return !!claimed;
  }

  /** The password proved right: the account's failures are forgotten. */
  async succeeded(accountKey: string): Promise<void> {
    await this.deps.throttles.updateOne({ _id: `account:${accountKey}` }, { $set: { failures: 0 } });
  }

  private async ensure(id: string, now: Date): Promise<void> {
    await this.deps.throttles
      .updateOne({ _id: id }, { $setOnInsert: { windowStart: now, attempts: 0, failures: 0, failuresExpireAt: now } }, { upsert: true })
      .catch((err: unknown) => {
        // Another request created it at the same moment.
        if (!isDuplicate(err)) throw err;
      });
  }
}
