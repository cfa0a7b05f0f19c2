import type { Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { badRequest, notFound } from '../../lib/errors.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import { checkWebhook, type UserService } from '../users/user.service.js';
import type { EgressGuard } from '../../lib/egress.js';
import type { Rota } from './rota.model.js';
import { nextHandover, onCallAt } from './rota.rules.js';
import { isObjectId } from '../../lib/ids.js';

export type RotaInput = Omit<Rota, '_id' | 'createdAt' | 'updatedAt'>;

export interface RotaServiceDeps {
  rotas: Model<Rota>;
  users: UserService;
  audit: AuditService;
  egress: EgressGuard;
  clock: Clock;
}

export class RotaService {
  private readonly rotas: Model<Rota>;
  private readonly users: UserService;
  private readonly audit: AuditService;
  private readonly egress: EgressGuard;
  private readonly clock: Clock;

  constructor(deps: RotaServiceDeps) {
    this.rotas = deps.rotas;
    this.users = deps.users;
    this.audit = deps.audit;
    this.egress = deps.egress;
    this.clock = deps.clock;
  }

  private async checkPeople(input: Partial<RotaInput>): Promise<void> {
    const details = [];
    for (const [field, ids] of [['members', input.members], ['secondLine', input.secondLine], ['overrides', input.overrides?.map((o) => o.userId)]] as const) {
      for (const [i, id] of (ids ?? []).entries()) {
        if (!(await this.users.findActive(id))) details.push({ path: `${field}.${i}`, message: 'no active user with this id' });
      }
    }
    for (const [i, o] of (input.overrides ?? []).entries()) {
      if (o.to <= o.from) details.push({ path: `overrides.${i}.to`, message: 'must be after from' });
    }
    if (details.length) throw badRequest('The request is not valid', details);
    if (input.webhookUrl) await checkWebhook(this.egress, input.webhookUrl, 'webhookUrl');
  }

  async create(ctx: AuditContext, input: RotaInput): Promise<Rota> {
    await this.checkPeople(input);
    const rota = (await this.rotas.create(input)).toObject() as Rota;
    await this.audit.record(ctx, { action: 'rota.created', target: { type: 'rota', id: String(rota._id) }, after: { name: rota.name, members: rota.members } });
    return rota;
  }

  async update(ctx: AuditContext, id: string, input: Partial<RotaInput>): Promise<Rota> {
    const before = await this.get(id);
    await this.checkPeople(input);
    await this.rotas.updateOne({ _id: before._id }, { $set: input });
    const after = await this.get(id);
    await this.audit.record(ctx, { action: 'rota.updated', target: { type: 'rota', id }, before: { members: before.members, overrides: before.overrides.length }, after: { members: after.members, overrides: after.overrides.length } });
    return after;
  }

  async get(id: string): Promise<Rota> {
    if (!isObjectId(id)) throw notFound('Rota');
    const rota = await this.rotas.findById(id).lean<Rota>();
    if (!rota) throw notFound('Rota');
    return rota;
  }

  async list(): Promise<Rota[]> {
    return this.rotas.find({}).sort({ name: 1 }).lean<Rota[]>();
  }

  /** Each rota with who is on call now and when the next handover is. */
  async now(): Promise<{ rota: Rota; onCall: string | null; onCallName: string | null; nextHandover: Date }[]> {
    const at = this.clock.now();
    return Promise.all((await this.list()).map(async (rota) => {
      const onCall = onCallAt(rota, at);
      const person = onCall ? await this.users.findActive(onCall) : undefined;
      return { rota, onCall, onCallName: person?.name ?? null, nextHandover: nextHandover(rota, at) };
    }));
  }
}
