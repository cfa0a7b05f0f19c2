import type { Model } from 'mongoose';
import { op } from '../../db/trusted.js';
import type { Clock } from '../../lib/clock.js';
import type { LoginThrottle } from './auth.model.js';

export interface ThrottlePolicy {
  windowMs: number;
  /** Sign-in attempts one address may make per window. */
  perAddress: number;
  /** Failed sign-ins in a row that lock an account. */
  lockAfterFailures: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { windowMs: 15 * 60_000, perAddress: 30, lockAfterFailures: 5, lockMs: 15 * 60_000 };

/**
 * Sign-in rate limits kept in the database, so every instance counts the same attempts. Unknown
 * e-mails are counted and locked like real ones, so the answers never tell which addresses exist.
 */
export class LoginThrottleService {
  constructor(
    private readonly throttles: Model<LoginThrottle>,
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {}

  /** Counts an attempt from the address and says whether the address or the account must wait. */
  async admit(address: string, accountKey: string): Promise<{ allowed: boolean }> {
    const now = this.clock.now();
    const addressRecord = await this.bump(`address:${address}`, now);
    if (addressRecord.attempts > this.policy.perAddress) return { allowed: false };
    const account = await this.throttles.findById(`account:${accountKey}`).lean();
    if (account?.lockedUntil && account.lockedUntil > now) return { allowed: false };
    return { allowed: true };
  }

  async failed(accountKey: string): Promise<void> {
    const now = this.clock.now();
    const id = `account:${accountKey}`;
    const record = await this.throttles.findOneAndUpdate(
      { _id: id },
      { $inc: { failures: 1 }, $setOnInsert: { windowStart: now, attempts: 0, lockedUntil: null } },
      { upsert: true, returnDocument: 'after' },
    );
    if (record && record.failures >= this.policy.lockAfterFailures) {
      await this.throttles.updateOne({ _id: id }, { $set: { lockedUntil: new Date(now.getTime() + this.policy.lockMs), failures: 0 } });
    }
  }

  async succeeded(accountKey: string): Promise<void> {
    await this.throttles.updateOne({ _id: `account:${accountKey}` }, { $set: { failures: 0, lockedUntil: null } });
  }

  private async bump(id: string, now: Date): Promise<LoginThrottle> {
    const windowOpened = new Date(now.getTime() - this.policy.windowMs);
    await this.throttles.updateOne({ _id: id, windowStart: op({ $lt: windowOpened }) }, { $set: { windowStart: now, attempts: 0 } });
    const record = await this.throttles.findOneAndUpdate(
      { _id: id },
      { $inc: { attempts: 1 }, $setOnInsert: { windowStart: now, failures: 0, lockedUntil: null } },
      { upsert: true, returnDocument: 'after' },
    );
    return record!;
  }
}
