import { createHash } from 'node:crypto';
import type { Response } from 'express';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { formatMoment } from '../../../notifications/format.js';
import type { Lang } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import { can, publicAccess, route, type AnyRoute } from '../../http/route.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { actorOf } from '../access/actor.js';
import { auditContext } from '../audit/audit.context.js';
import type { IncidentService } from '../incidents/incident.service.js';
import type { UserService } from '../users/user.service.js';
import { verifyAckToken } from './ack-link.js';
import { langOf } from '../../http/lang.js';
import { presentAlert, presentAlertViews, presentDelivery } from './alert.presenter.js';
import type { AlertService } from './alert.service.js';
import type { AlertDispatcher } from './dispatcher.js';
import { ObjectIdString } from '../../lib/ids.js';

const Params = z.object({ id: ObjectIdString() });
const TokenQuery = z.strictObject({ token: z.string().min(20).max(500) });
const TokenBody = z.strictObject({ token: z.string().min(20).max(500) });

const escape = (s: string) => Handlebars.escapeExpression(s);

const PAGE_STYLE = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1.2rem;padding:.6rem 1.2rem}';
/** The page's one style block is allowed by its hash, so the policy needs no 'unsafe-inline'. */
const PAGE_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

function page(res: Response, lang: Lang, title: string, body: string): void {
  res.setHeader('Content-Security-Policy', PAGE_POLICY);
  res.type('html').send(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><style>${PAGE_STYLE}</style></head><body>${body}</body></html>`);
}

/** Acknowledging from an e-mail: the link opens a page with one button, so mail scanners that follow links do not acknowledge. */
export function alertRoutes(alerts: AlertService, dispatcher: AlertDispatcher, incidents: IncidentService, users: UserService, ackSecret: string, clock: Clock): AnyRoute[] {
  const resolve = async (id: string, token: string) => {
    const userId = verifyAckToken(ackSecret, token, id, clock.now());
    const user = userId ? await users.findActive(userId) : undefined;
    if (!user) throw notFound('Alert');
    const actor = actorOf(user);
    return { ...(await visibleAlert(actor, id)), actor, lang: user.locale ?? 'nb' };
  };
  /** The alert and its incident if the actor may see the incident now; the same 404 for an unknown alert and an unseen one. */
  const visibleAlert = async (actor: Actor, id: string) => {
    const alert = await alerts.get(id);
    const incident = await incidents.get(actor, alert.incidentId).catch(() => undefined);
    if (!incident) throw notFound('Alert');
    return { alert, incident };
  };
  return [
    route<Actor, undefined, undefined, typeof Params>({
      method: 'get', path: '/incidents/:id/alerts', summary: "The incident's alerts", tag: 'alerts', access: can('alert:read'), params: Params,
      handle: async ({ params, actor }) => {
        const [, list] = await Promise.all([incidents.assertVisible(actor, params.id), alerts.forIncident(params.id)]);
        return presentAlertViews(list, await dispatcher.toldOf(list.map((a) => String(a._id))));
      },
    }),
    route<Actor, undefined, z.ZodObject<{ limit: z.ZodDefault<z.ZodCoercedNumber> }>>({
      method: 'get', path: '/alerts', summary: 'Recent alerts the caller may see, newest first', tag: 'alerts', access: can('alert:read'),
      query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      handle: async ({ query, actor }) => {
        const list = await alerts.recentVisible(query.limit, (incidentId) => incidents.canSee(actor, incidentId));
        return presentAlertViews(list, await dispatcher.toldOf(list.map((a) => String(a._id))));
      },
    }),
    route<Actor, undefined, undefined, typeof Params>({
      method: 'post', path: '/alerts/:id/ack', summary: 'Acknowledge an alert (it stops escalating)', tag: 'alerts', access: can('alert:ack'), params: Params,
      handle: async ({ params, actor, req }) => {
        const { incident } = await visibleAlert(actor, params.id);
        return presentAlert(await alerts.acknowledge(auditContext(req, actor), actor, params.id, incident));
      },
    }),
    route<undefined, undefined, typeof TokenQuery, typeof Params>({
      method: 'get', path: '/alerts/:id/ack-link', summary: 'The page an alert e-mail links to, with one button to acknowledge', tag: 'alerts',
      access: publicAccess, params: Params, query: TokenQuery, raw: true,
      handle: async ({ params, query, res }) => {
        const { alert, lang } = await resolve(params.id, query.token);
        const about = { title: alert.title, ref: alert.incidentRef };
        const title = say({ code: 'ack.title', params: {} }, lang);
        page(res, lang, title, alert.acknowledgedAt
          ? `<h1>${escape(say({ code: 'ack.done-title', params: {} }, lang))}</h1><p>${escape(say({ code: 'ack.already', params: { ...about, at: formatMoment(alert.acknowledgedAt, lang) } }, lang))}</p>`
          : `<h1>${escape(title)}</h1><p>${escape(say({ code: 'ack.ask', params: about }, lang))}</p><form method="post"><input type="hidden" name="token" value="${escape(query.token)}"><button type="submit">${escape(say({ code: 'ack.button', params: {} }, lang))}</button></form>`);
      },
    }),
    route<undefined, typeof TokenBody, undefined, typeof Params>({
      method: 'post', path: '/alerts/:id/ack-link', summary: 'Acknowledge an alert with the signed token from its e-mail', tag: 'alerts',
      access: publicAccess, params: Params, body: TokenBody, raw: true, form: true,
      handle: async ({ params, body, req, res }) => {
        const { actor, incident, lang } = await resolve(params.id, body.token);
        const alert = await alerts.acknowledge(auditContext(req, actor), actor, params.id, incident);
        const title = say({ code: 'ack.done-title', params: {} }, lang);
        page(res, lang, title, `<h1>${escape(title)}</h1><p>${escape(say({ code: 'ack.done', params: { title: alert.title, ref: alert.incidentRef, by: alert.acknowledgedBy?.name ?? '' } }, lang))}</p>`);
      },
    }),
    route<Actor, undefined, undefined, typeof Params>({
      method: 'get', path: '/alerts/:id/deliveries', summary: "An alert's deliveries: channel, recipient, attempts, status, last error", tag: 'alerts',
      access: can('alert:read'), params: Params,
      handle: async ({ params, actor, req }) => {
        await visibleAlert(actor, params.id);
        const list = await dispatcher.deliveriesOf(params.id);
        const names = await dispatcher.recipientNames(list);
        return list.map((d) => presentDelivery(d, langOf(req), names.get(String(d._id)) ?? ''));
      },
    }),
  ];
}
