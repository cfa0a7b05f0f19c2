import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { fieldProblem, invalidInput, refused, words } from '../../http/refusal.js';
import { EgressRefused, type EgressGuard } from '../../lib/egress.js';
import type { Emits } from '../../lib/events.js';
import type { Logger } from '../../lib/logger.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { AccessEpoch } from './access-epoch.js';
import type { Role } from '../access/permissions.js';
import { emailKey, type Credential, type User } from './user.model.js';
import { presentUser } from './user.presenter.js';
import type { UserEvents } from './user.events.js';
import type { CreateUser, UpdateUser } from './user.schemas.js';
import { isObjectId } from '../../lib/ids.js';
import { op } from '../../db/trusted.js';
import { actorOf, type Actor } from '../access/actor.js';

/** Refuses a webhook URL that reaches an internal address, with the field named. */
export async function checkWebhook(egress: EgressGuard, url: string, path: string): Promise<void> {
  try {
    await egress.check(url);
  } catch (err) {
    if (err instanceof EgressRefused) throw invalidInput([fieldProblem(path, words('field.address-not-allowed'))]);
    throw err;
  }
}

const canonicalRoles = (roles: readonly string[]) => [...roles].sort().join(',');

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, ARGON2);

export interface UserServiceDeps {
  users: Model<User>;
  credentials: Model<Credential>;
  /** Moved right after every write to a user, so no instance keeps serving the actor as it was. */
  epoch: AccessEpoch;
  audit: AuditService;
  events: Emits<UserEvents>;
  egress: EgressGuard;
  clock: Clock;
  logger: Logger;
}

export class UserService {
  /** Compared against when an e-mail is unknown, so a failed sign-in takes as long either way. */
  private readonly decoyHash: Promise<string> = hashPassword(randomBytes(16).toString('hex'));


  constructor(private readonly deps: UserServiceDeps) {}

  async create(ctx: AuditContext, input: CreateUser): Promise<User> {
    const key = emailKey(input.email);
    if (await this.deps.users.exists({ emailKey: key })) {
      throw refused(422, 'email_taken', words('refused.email-taken'), [fieldProblem('email', words('field.already-exists'))]);
    }
    const passwordHash = await hashPassword(input.password);
    let user;
    try {
      user = await this.deps.users.create({
        name: input.name,
        email: input.email.trim(),
        emailKey: key,
        roles: input.roles,
        active: true,
        ...(input.phone ? { phone: input.phone } : {}),
        locale: input.locale ?? 'nb',
      });
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        throw refused(422, 'email_taken', words('refused.email-taken'), [fieldProblem('email', words('field.already-exists'))]);
      }
      throw err;
    }
    await this.deps.epoch.bump();
    await this.deps.credentials.create({ userId: user._id, passwordHash, changedAt: this.deps.clock.now() });
    const view = presentUser(user);
    await this.deps.audit.record(ctx, { action: 'user.created', target: { type: 'user', id: view.id }, after: view });
    return user.toObject();
  }

  async update(ctx: AuditContext, id: string, changes: UpdateUser): Promise<User> {
    const user = await this.deps.users.findById(id);
    if (!user) throw notFound('User');
    if (ctx.actor.id === id && (changes.active === false || (changes.roles && !changes.roles.includes('admin') && user.roles.includes('admin')))) {
      throw refused(422, 'self_lockout', words('refused.deactivate-self'));
    }
    if (changes.alertChannels?.webhookUrl) await checkWebhook(this.deps.egress, changes.alertChannels.webhookUrl, 'alertChannels.webhookUrl');
    const before = presentUser(user);
    user.set(changes);
    await user.save();
    await this.deps.epoch.bump();
    const after = presentUser(user);
    await this.deps.audit.record(ctx, { action: 'user.updated', target: { type: 'user', id }, before, after });
    if (changes.active === false) await this.deps.events.emit('user.deactivated', { userId: id });
    else if (changes.roles && canonicalRoles(before.roles) !== canonicalRoles(after.roles)) {
      await this.deps.events.emit('user.roles-changed', { userId: id });
    }
    return user.toObject();
  }

  async remove(ctx: AuditContext, id: string): Promise<void> {
    if (ctx.actor.id === id) throw refused(422, 'self_lockout', words('refused.delete-self'));
    const user = await this.deps.users.findById(id).lean();
    if (!user) throw notFound('User');
    await this.deps.users.deleteOne({ _id: user._id });
    await this.deps.epoch.bump();
    await this.deps.credentials.deleteOne({ userId: user._id });
    await this.deps.audit.record(ctx, { action: 'user.deleted', target: { type: 'user', id }, before: presentUser(user) });
    await this.deps.events.emit('user.deactivated', { userId: id });
  }

  async setPassword(ctx: AuditContext, id: string, password: string, keepSessionId?: string): Promise<void> {
    const user = await this.deps.users.findById(id).lean();
    if (!user) throw notFound('User');
    const passwordHash = await hashPassword(password);
    await this.deps.credentials.updateOne({ userId: user._id }, { $set: { passwordHash, changedAt: this.deps.clock.now() } }, { upsert: true });
    await this.deps.audit.record(ctx, { action: 'user.password-set', target: { type: 'user', id } });
    await this.deps.events.emit('user.password-changed', { userId: id, keepSessionId });
  }

  /** The user whose e-mail and password match, if active; undefined otherwise, after the same amount of work. */
  async checkPassword(email: string, password: string): Promise<User | undefined> {
    const user = await this.deps.users.findOne({ emailKey: emailKey(email) }).lean();
    const credential = user ? await this.deps.credentials.findOne({ userId: user._id }).lean() : null;
    const stored = credential?.passwordHash ?? (await this.decoyHash);
    const matches = await verify(stored, password).catch(() => false);
    return user && credential && matches && user.active ? (user as User) : undefined;
  }

  async findActive(id: string): Promise<User | undefined> {
    if (!isObjectId(id)) return undefined;
    const user = await this.deps.users.findById(id).lean();
    return user && user.active ? (user as User) : undefined;
  }

  async get(id: string): Promise<User> {
    const user = await this.deps.users.findById(id).lean();
    if (!user) throw notFound('User');
    return user as User;
  }

  async list(): Promise<User[]> {
    return (await this.deps.users.find({}).sort({ name: 1 }).lean()) as User[];
  }

  async withRole(role: Role): Promise<User[]> {
    return (await this.deps.users.find({ roles: role, active: true }).lean()) as User[];
  }

  /**
   * On an empty database, creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, or with a generated
   * password that is returned once so the caller can print it.
   */
  async bootstrapAdmin(email: string | undefined, password: string | undefined): Promise<{ email: string; generatedPassword?: string } | undefined> {
    if ((await this.deps.users.estimatedDocumentCount()) > 0) return undefined;
    const adminEmail = email ?? 'admin@breachclock.local';
    const generated = password ? undefined : randomBytes(18).toString('base64url');
    try {
      await this.create(
        { actor: { id: null, email: 'system:bootstrap' }, ip: null, requestId: null },
        { name: 'Administrator', email: adminEmail, roles: ['admin'], password: password ?? generated! },
      );
    } catch (err) {
      // Another instance bootstrapped at the same moment.
      if ((err as { code?: string }).code === 'email_taken') return undefined;
      throw err;
    }
    this.deps.logger.info({ email: adminEmail }, 'created the first admin');
    return { email: adminEmail, ...(generated ? { generatedPassword: generated } : {}) };
  }

  /** The active ones among these users, as actors, read now: what sockets may receive is decided from this. */
  async activeActors(ids: string[]): Promise<Actor[]> {
    const valid = [...new Set(ids)].filter(isObjectId);
    if (!valid.length) return [];
    const found = (await this.deps.users.find({ _id: op({ $in: valid }), active: true }).lean()) as User[];
    return found.map(actorOf);
  }
}
