import type { Actor } from '../access/actor.js';

interface Validated {
  userId: string;
  epoch: number;
  /** When the validation began (before its epoch was read), on the monotonic clock. */
  since: number;
  actor: Actor;
}

export interface ActorCacheOptions {
  /** The longest an actor is reused even at an unchanged epoch: bounds a crash between a write and its bump. */
  maxAgeMs?: number;
  maxEntries?: number;
  /** Milliseconds that never go backwards (not the wall clock, which the service's clock may move). */
  monotonicMs?: () => number;
}

/**
 * The actors this process validated, by session id, each with the access epoch read before its session
 * and user were. Only open sessions of active users are kept; anything else is read again every time.
 */
export class ActorCache {
  private readonly entries = new Map<string, Validated>();
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly monotonicMs: () => number;

  constructor(options: ActorCacheOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.monotonicMs = options.monotonicMs ?? (() => performance.now());
  }

  /** The moment a validation begins: taken before the epoch is read. */
  now(): number {
    return this.monotonicMs();
  }

  /** The actor of that session validated at this epoch for this user, if still young enough. */
  get(sessionId: string, userId: string, epoch: number): Actor | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry || entry.epoch !== epoch || entry.userId !== userId || this.monotonicMs() - entry.since > this.maxAgeMs) return undefined;
    return { ...entry.actor, roles: [...entry.actor.roles] };
  }

  /** Keeps an actor validated at `epoch` (unless one of a later epoch is kept), the oldest entry making room once the cache is full. */
  remember(sessionId: string, userId: string, epoch: number, since: number, actor: Actor): void {
    const known = this.entries.get(sessionId);
    if (known && known.epoch > epoch) return;
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { userId, epoch, since, actor: { ...actor, roles: [...actor.roles] } });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
