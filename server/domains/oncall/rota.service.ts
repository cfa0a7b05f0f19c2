import type { Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { notFound, type ErrorDetail } from '../../lib/errors.js';
import { fieldProblem, invalidInput, words } from '../../http/refusal.js';
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
  constructor(private readonly deps: RotaServiceDeps) {}

  private async checkPeople(input: Partial<RotaInput>): Promise<void> {
    const details: ErrorDetail[] = [];
    for (const [field, ids] of [['members', input.members], ['secondLine', input.secondLine], ['overrides', input.overrides?.map((o) => o.userId)]] as const) {
      for (const [i, id] of (ids ?? []).entries()) {
        if (!(await this.deps.users.findActive(id))) details.push(fieldProblem(`${field}.${i}`, words('field.no-active-user')));
      }
    }
    for (const [i, o] of (input.overrides ?? []).entries()) {
      if (o.to <= o.from) details.push(fieldProblem(`overrides.${i}.to`, words('field.after-from')));
    }
    if (details.length) throw invalidInput(details);
    if (input.webhookUrl) await checkWebhook(this.deps.egress, input.webhookUrl, 'webhookUrl');
  }

  async create(ctx: AuditContext, input: RotaInput): Promise<Rota> {
    await this.checkPeople(input);
    const rota = (await this.deps.rotas.create(input)).toObject() as Rota;
    await this.deps.audit.record(ctx, { action: 'rota.created', target: { type: 'rota', id: String(rota._id) }, after: { name: rota.name, members: rota.members } });
    return rota;
  }

  async update(ctx: AuditContext, id: string, input: Partial<RotaInput>): Promise<Rota> {
    const before = await this.get(id);
    await this.checkPeople(input);
    await this.deps.rotas.updateOne({ _id: before._id }, { $set: input });
    const after = await this.get(id);
    await this.deps.audit.record(ctx, { action: 'rota.updated', target: { type: 'rota', id }, before: { members: before.members, overrides: before.overrides.length }, after: { members: after.members, overrides: after.overrides.length } });
    return after;
  }

  async get(id: string): Promise<Rota> {
    if (!isObjectId(id)) throw notFound('Rota');
    const rota = await this.deps.rotas.findById(id).lean<Rota>();
    if (!rota) throw notFound('Rota');
    return rota;
  }

  async list(): Promise<Rota[]> {
    return this.deps.rotas.find({}).sort({ name: 1 }).lean<Rota[]>();
  }

  /** Each rota with who is on call now and when the next handover is. */
  async now(): Promise<{ rota: Rota; onCall: string | null; onCallName: string | null; nextHandover: Date }[]> {
    const at = this.deps.clock.now();
    return Promise.all((await this.list()).map(async (rota) => {
      const onCall = onCallAt(rota, at);
      const person = onCall ? await this.deps.users.findActive(onCall) : undefined;
      return { rota, onCall, onCallName: person?.name ?? null, nextHandover: nextHandover(rota, at) };
    }));
  }
}
