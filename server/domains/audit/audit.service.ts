import { createHash } from 'node:crypto';
import type { Model, mongo } from 'mongoose';
import { insertManyStored } from '../../db/stored-form.js';
import { op } from '../../db/trusted.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { AuditEntry, AuditHead } from './audit.model.js';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_ID = 'head';

/** Who did something, from where, in which request: passed from the route to every service that writes. */
export interface AuditContext {
  actor: { id: string | null; email: string | null };
  ip: string | null;
  requestId: string | null;
}

export const systemContext = (what: string): AuditContext => ({
  actor: { id: null, email: `system:${what}` },
  ip: null,
  requestId: null,
});

export interface AuditRecord {
  action: string;
  target: { type: string; id: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** JSON with keys sorted at every depth and dates as ISO strings: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

type Hashable = Omit<AuditEntry, '_id' | 'hash'>;

/**
 * Text as the database stores it: a lone surrogate cannot be encoded as UTF-8 and is stored as U+FFFD,
 * so an entry is hashed over that, not over what it was given.
 */
function asStored<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/[\uD800-\uDFFF]/gu, '\uFFFD') as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(asStored) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [asStored(k), asStored(v)])) as T;
}

export function entryHash(entry: Hashable): string {
  const content = {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    requestId: entry.requestId,
    changes: entry.changes,
    prevHash: entry.prevHash,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * Only the fields that differ between before and after, as a list (field names may be dotted paths,
 * which MongoDB 4.4 and the embedded database do not accept as document keys).
 */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonicalJson(b[field]) !== canonicalJson(a[field])) changes.push({ field, from: b[field] ?? null, to: a[field] ?? null });
  }
  return changes;
}

export type VerifyResult =
  | { ok: true; entries: number; headSeq: number }
  | { ok: false; entries: number; firstBroken: { seq: number; id: string | null; reason: string } };

const MAX_APPEND_ATTEMPTS = 50;

export interface AuditServiceDeps {
  entries: Model<AuditEntry>;
  heads: Model<AuditHead>;
  clock: Clock;
  logger: Logger;
}

/** Appends written together at most: one insert and one head update for a burst of writes. */
const MAX_BATCH = 100;

interface Waiting {
  ctx: AuditContext;
  record: AuditRecord;
  resolve: (entry: AuditEntry) => void;
  reject: (err: unknown) => void;
}

/**
 * The append-only, hash-chained audit log. Appends in one process wait in line and are chained and
 * written together, as many as have come in meanwhile (one insert, one head update), so a burst of
 * writes is not held to two round trips each; appends from several instances race on the unique seq
 * index, and the loser re-reads the head and tries again with what was not stored, so the chain never
 * forks. Entries are never updated or deleted by the service.
 */
export class AuditService {
  private readonly waiting: Waiting[] = [];
  private draining = false;
  /**
   * The last entry this instance appended. Appends here are chained one batch after another, so it is the
   * head unless another instance appended since; then the insert loses on the unique seq index and the log is read.
   */
  private last: { seq: number; hash: string } | undefined;

  constructor(private readonly deps: AuditServiceDeps) {}

  /** Appends one entry; resolves once it is stored. */
  record(ctx: AuditContext, record: AuditRecord): Promise<AuditEntry> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ctx, record, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        await this.append(batch).catch((err: unknown) => {
          for (const item of batch) item.reject(err);
        });
      }
    } finally {
      this.draining = false;
    }
  }

  private async append(batch: Waiting[]): Promise<void> {
    let pending = batch.map((item) => ({ ...item, changes: changedFields(item.record.before, item.record.after) }));
    let trustHead = true;
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      // After a lost race, or when the head lags behind (a crash between an append and its head update), the log itself is read.
      const last = trustHead
        ? (this.last ?? (await this.deps.heads.findById(HEAD_ID).lean()))
        : await this.deps.entries.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
      let prev = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
      const at = this.deps.clock.now();
      const entries = pending.map(({ ctx, record, changes }) => {
        const draft: Hashable = asStored({
          seq: prev.seq + 1,
          at,
          actor: { id: ctx.actor.id, email: ctx.actor.email, ip: ctx.ip },
          action: record.action,
          target: { type: record.target.type, id: record.target.id },
          requestId: ctx.requestId,
          changes,
          prevHash: prev.hash,
        });
        const entry = { ...draft, hash: entryHash(draft) };
        prev = { seq: entry.seq, hash: entry.hash };
        return entry;
      });
      try {
        const created = await insertManyStored(this.deps.entries, entries);
        this.last = prev;
        await this.advanceHead(prev.seq, prev.hash);
        pending.forEach((item, i) => item.resolve(created[i]!));
        return;
      } catch (err) {
        this.last = undefined;
        const { code, writeErrors } = err as { code?: number; writeErrors?: { code?: number }[] };
        if (code !== 11000 && !writeErrors?.some((e) => e.code === 11000)) throw err;
        // An ordered insert stores the entries before the one that lost the race: those are done.
        const stored = await this.deps.entries.find({ seq: op({ $in: entries.map((e) => e.seq) }) }).lean<AuditEntry[]>();
        const ours = new Map(stored.filter((e) => entries.some((mine) => mine.seq === e.seq && mine.hash === e.hash)).map((e) => [e.seq, e]));
        pending = pending.filter((item, i) => {
          const done = ours.get(entries[i]!.seq);
          if (done) item.resolve(done);
          return !done;
        });
        if (!pending.length) return;
        trustHead = !trustHead;
        this.deps.logger.debug({ seq: entries[0]!.seq, attempt }, 'audit append raced another instance; retrying');
      }
    }
    throw new Error('audit log append kept losing the race for the next sequence number');
  }

  private async advanceHead(seq: number, hash: string): Promise<void> {
    // Through the collection: an update the service builds from its own values leaves mongoose nothing to cast or check, and its query machinery costs CPU.
    const heads = this.deps.heads.collection as unknown as mongo.Collection<AuditHead>;
    const res = await heads.updateOne({ _id: HEAD_ID, seq: { $lt: seq } }, { $set: { seq, hash } });
    if (res.matchedCount === 0) {
      // Either no head yet, or another appender already moved it further.
      await this.deps.heads.create({ _id: HEAD_ID, seq, hash }).catch((err: { code?: number }) => {
        if (err.code !== 11000) throw err;
      });
    }
  }

  /** Walks the whole chain and names the first entry that does not hold. */
  async verify(): Promise<VerifyResult> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let count = 0;
    const cursor = this.deps.entries.find({}).sort({ seq: 1 }).lean().cursor({ batchSize: 500 });
    for await (const raw of cursor) {
      const entry = raw as AuditEntry;
      count++;
      const id = entry._id ? String(entry._id) : null;
      const broken = (reason: string): VerifyResult => ({ ok: false, entries: count, firstBroken: { seq: entry.seq, id, reason } });
      if (entry.seq !== expectedSeq) {
        await cursor.close();
        return broken(`expected entry ${expectedSeq} here: entries before it are missing`);
      }
      if (entry.prevHash !== prevHash) {
        await cursor.close();
        return broken('does not link to the entry before it');
      }
      const { _id: _ignored, hash, ...rest } = entry;
      if (entryHash(rest) !== hash) {
        await cursor.close();
        return broken('content does not match its hash: the entry was changed');
      }
      prevHash = hash;
      expectedSeq++;
    }
    const head = await this.deps.heads.findById(HEAD_ID).lean();
    if (head && head.seq > count) {
      return {
        ok: false,
        entries: count,
        firstBroken: { seq: count + 1, id: null, reason: `the log held ${head.seq} entries; the newest ${head.seq - count} were removed` },
      };
    }
    return { ok: true, entries: count, headSeq: head?.seq ?? 0 };
  }

  /** A page of entries, newest first. */
  async list(options: { limit: number; beforeSeq?: number; targetType?: string; targetId?: string }): Promise<AuditEntry[]> {
    const filter: Record<string, unknown> = {};
    if (options.beforeSeq) filter.seq = op({ $lt: options.beforeSeq });
    if (options.targetType) filter['target.type'] = options.targetType;
    if (options.targetId) filter['target.id'] = options.targetId;
    return this.deps.entries.find(filter).sort({ seq: -1 }).limit(options.limit).lean() as Promise<AuditEntry[]>;
  }
}
