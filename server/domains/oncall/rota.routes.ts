import { z } from 'zod';
import { can, route, type AnyRoute } from '../../http/route.js';
import type { Actor } from '../access/actor.js';
import { auditContext } from '../audit/audit.context.js';
import type { Rota } from './rota.model.js';
import type { RotaService } from './rota.service.js';
import { ObjectIdString } from '../../lib/ids.js';

const userId = ObjectIdString();
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const RotaBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  members: z.array(userId).min(1).max(50),
  startsAt: instant,
  secondLine: z.array(userId).max(20).default([]),
  overrides: z.array(z.strictObject({ userId, from: instant, to: instant, reason: z.string().trim().max(500).default('') })).max(200).default([]),
  webhookUrl: z.url({ protocol: /^https?$/ }).nullable().default(null),
});
const RotaPatch = z.strictObject({
  name: z.string().trim().min(1).max(100),
  members: z.array(userId).min(1).max(50),
  startsAt: instant,
  secondLine: z.array(userId).max(20),
  overrides: z.array(z.strictObject({ userId, from: instant, to: instant, reason: z.string().trim().max(500).default('') })).max(200),
  webhookUrl: z.url({ protocol: /^https?$/ }).nullable(),
}).partial();
const Params = z.object({ id: ObjectIdString() });

const present = (r: Rota) => ({
  id: String(r._id), name: r.name, members: r.members, startsAt: r.startsAt.toISOString(), secondLine: r.secondLine,
  overrides: r.overrides.map((o) => ({ ...o, from: o.from.toISOString(), to: o.to.toISOString() })), webhookUrl: r.webhookUrl,
});

export function rotaRoutes(rotas: RotaService): AnyRoute[] {
  return [
    route<Actor>({
      method: 'get', path: '/oncall/now', summary: 'Who is on call now, per rota, and the next handover', tag: 'oncall', access: can('alert:read'),
      handle: async () => (await rotas.now()).map((r) => ({ rota: { id: String(r.rota._id), name: r.rota.name }, onCall: r.onCall, onCallName: r.onCallName, nextHandover: r.nextHandover.toISOString() })),
    }),
    route<Actor>({
      method: 'get', path: '/rotas', summary: 'Every rota', tag: 'oncall', access: can('alert:read'),
      handle: async () => (await rotas.list()).map(present),
    }),
    route<Actor, typeof RotaBody>({
      method: 'post', path: '/rotas', summary: 'Create a weekly rota (Europe/Oslo handovers)', tag: 'oncall', access: can('rota:manage'), body: RotaBody, status: 201,
      handle: async ({ body, actor, req }) => present(await rotas.create(auditContext(req, actor), body)),
    }),
    route<Actor, typeof RotaPatch, undefined, typeof Params>({
      method: 'patch', path: '/rotas/:id', summary: 'Change members, second line, overrides or channel', tag: 'oncall', access: can('rota:manage'), params: Params, body: RotaPatch,
      handle: async ({ params, body, actor, req }) => present(await rotas.update(auditContext(req, actor), params.id, body)),
    }),
  ];
}
